using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>Makes inspection visits. Each year a rising share of the establishments under management is visited (about
/// half in the first year, four in five in the last), so "inspected at least once" stays below 100 % and improves; a
/// few establishments are never visited, and some outside management are visited after signs of violation. A visit
/// before 1/7/2025 is recorded in the old commune by the old district's team, a later one in the current commune by its
/// team, with 3–5 members present. About one visit in ten finds violations; its sanction cites the decree in force on
/// the day (from the catalogue: 144/2021 until 14/12/2025, then 282/2025), and half of them are followed up.</summary>
public sealed class InspectionFaker(Random r, SyntheticScale scale, TeamFaker teams, IReadOnlyList<Decree> decrees, IReadOnlyList<ViolationType> violationTypes)
{
    public List<Inspection> Inspections { get; } = [];
    public List<InspectionMember> Members { get; } = [];
    public List<InspectionViolation> Violations { get; } = [];
    public List<Sanction> Sanctions { get; } = [];
    public int Count { get; private set; }
    public int MemberCount { get; private set; }
    public int ViolationCount { get; private set; }
    public int SanctionCount { get; private set; }

    public int NextInspectionId, NextMemberId, NextViolationId, NextSanctionId;

    const double FollowUpShare = 0.5, ViolationBase = 0.085;
    double _extraVisits;
    readonly Dictionary<string, ViolationType> _violations = violationTypes.ToDictionary(v => v.Code);

    static readonly string[] CleanFindings =
    [
        "Cơ sở chấp hành đầy đủ quy định; có sổ theo dõi khách lưu trú và hợp đồng lao động với nhân viên.",
        "Không phát hiện vi phạm. Đã nhắc nhở chủ cơ sở duy trì thực hiện cam kết.",
        "Cơ sở hoạt động đúng ngành nghề đăng ký; phòng bảo đảm độ sáng, không có khóa, chốt cửa bên trong.",
        "Không phát hiện vi phạm; nhân viên có hợp đồng lao động và giấy khám sức khỏe định kỳ.",
        "Cơ sở đang hoạt động bình thường, không có dấu hiệu vi phạm.",
    ];

    static readonly Dictionary<UnannouncedReason, string[]> ReasonNotes = new()
    {
        [UnannouncedReason.Tip] = ["Tin báo của người dân qua đường dây nóng.", "Phản ánh của tổ dân phố về hoạt động khuya.", "Đơn tố giác gửi UBND."],
        [UnannouncedReason.Request] = ["Theo đề nghị của Công an.", "Theo đề nghị của Đội kiểm tra liên ngành cấp trên."],
        [UnannouncedReason.Signs] = ["Có dấu hiệu hoạt động quá giờ quy định.", "Nhiều khách ra vào lúc đêm khuya.", "Có dấu hiệu môi giới qua mạng xã hội."],
    };

    /// <summary>Fines in đồng by violation code, for synthetic data only: of the order of the decrees' ranges, not legal figures.</summary>
    static readonly Dictionary<string, int[]> Fines = new()
    {
        ["MUA-DAM"] = [1_000_000, 1_500_000, 2_000_000], ["BAN-DAM"] = [500_000, 1_000_000], ["CHUA-CHAP"] = [20_000_000, 30_000_000, 40_000_000],
        ["KHONG-DANG-KY-LUU-TRU"] = [1_000_000, 2_000_000], ["KHONG-HOP-DONG-LD"] = [5_000_000, 10_000_000],
        ["KHONG-KHAM-SUC-KHOE"] = [3_000_000, 5_000_000], ["PHONG-KHONG-DUNG-QD"] = [5_000_000, 10_000_000, 15_000_000], ["NGOAI-GIO"] = [3_000_000, 5_000_000],
    };

    static readonly string[] OtherMeasures =
    [
        "Đình chỉ hoạt động 01 tháng.", "Tước quyền sử dụng giấy phép kinh doanh 03 tháng.", "Buộc chấm dứt hoạt động quá giờ quy định.",
        "Buộc tháo dỡ khóa, chốt cửa bên trong phòng.",
    ];

    double Share(int year)
    {
        var span = Math.Max(1, scale.Until.Year - scale.FirstYear);
        return 0.58 + 0.30 * (year - scale.FirstYear) / span;
    }

    IEnumerable<(DateOnly From, DateOnly To, double P)> Years(FakeEstablishment e)
    {
        for (var y = scale.FirstYear; y <= scale.Until.Year; y++)
        {
            var from = Max(new DateOnly(y, 1, 1), e.ActiveFrom);
            var to = Min(Min(new DateOnly(y, 12, 31), e.ActiveTo), scale.Until);
            if (from > to) continue;
            // The share of the year's recorded days (the last year ends with the data) the establishment was open.
            var yearEnd = Min(new DateOnly(y, 12, 31), scale.Until);
            var part = (to.DayNumber - from.DayNumber + 1) / (double)(yearEnd.DayNumber - new DateOnly(y, 1, 1).DayNumber + 1);
            yield return (from, to, Math.Min(0.97, Share(y) * e.Propensity * (0.35 + 0.65 * part)));
        }
    }

    /// <summary>Sets how many extra visits an inspected establishment gets, so that the total comes near the scale's count.</summary>
    public void Calibrate(IReadOnlyList<FakeEstablishment> all)
    {
        var firstVisits = all.Sum(e => Years(e).Sum(y => y.P));
        var wanted = scale.Inspections / (1 + 0.1 * FollowUpShare);
        _extraVisits = firstVisits <= 0 ? 0 : Math.Max(0, (wanted - firstVisits) / firstVisits);
    }

    public void Make(FakeEstablishment e)
    {
        foreach (var (from, to, p) in Years(e))
        {
            if (r.NextDouble() >= p) continue;
            var visits = 1 + Poisson(_extraVisits);
            var days = new DateOnly[visits];
            for (var i = 0; i < visits; i++) days[i] = from.AddDays(r.Next(to.DayNumber - from.DayNumber + 1));
            Array.Sort(days);
            foreach (var day in days.Distinct())
            {
                var first = Visit(e, day, null);
                if (first.Violations.Count > 0 && r.NextDouble() < FollowUpShare)
                {
                    var again = day.AddDays(r.Next(20, 61));
                    if (again <= e.ActiveTo && again <= scale.Until) Visit(e, again, first.Id);
                }
            }
        }
    }

    Inspection Visit(FakeEstablishment e, DateOnly day, int? followUpOf)
    {
        var before = day < AddressPackageImporter.ReformDay;
        var team = before ? teams.ByUnit[e.Old!.DistrictId] : teams.ByUnit[e.Home.Id];
        var kind = followUpOf is null && r.NextDouble() < 0.28 ? InspectionKind.Unannounced : InspectionKind.Planned;
        UnannouncedReason? reason = kind == InspectionKind.Planned ? null
            : r.NextDouble() switch { < 0.4 => UnannouncedReason.Tip, < 0.8 => UnannouncedReason.Signs, _ => UnannouncedReason.Request };
        var workers = e.Entity.WorkerCount;
        var inspection = new Inspection
        {
            Id = NextInspectionId++, EstablishmentId = e.Entity.Id, OrgUnitId = before ? e.Old!.Id : e.Home.Id, TeamId = team.Id,
            Date = day, Kind = kind, Reason = reason, ReasonNote = reason is { } rr && r.Next(3) > 0 ? VietnameseNames.Pick(r, ReasonNotes[rr]) : null,
            OwnersInformed = r.NextDouble() < 0.9 ? 1 : r.Next(2) * 2,
            WorkersInformed = workers == 0 ? 0 : r.Next(workers / 2, workers + 1),
            FollowUpOfId = followUpOf,
        };
        Present(inspection, team);

        var chance = ViolationBase * (followUpOf is null ? 1 : 0.3) * (kind == InspectionKind.Unannounced ? 1.8 : 1)
            * e.Entity.RiskClass switch { RiskClass.High => 2.0, RiskClass.Medium => 1.1, _ => 0.6 };
        if (r.NextDouble() < chance) Violate(inspection, e);
        else inspection.Findings = followUpOf is null ? VietnameseNames.Pick(r, CleanFindings) : "Kiểm tra lại: cơ sở đã khắc phục vi phạm lần trước.";
        Inspections.Add(inspection);
        Count++;
        return inspection;
    }

    /// <summary>3–5 of the team's 5 members, always with the leader or a deputy.</summary>
    void Present(Inspection inspection, Features.Inspections.InspectionTeam team)
    {
        var n = 3 + (r.NextDouble() < 0.55 ? 1 : 0) + (r.NextDouble() < 0.25 ? 1 : 0);
        Span<int> order = stackalloc int[TeamFaker.MembersPerTeam];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        order[0] = r.Next(2);
        order[order[0]] = 0;
        for (var i = 1; i < n; i++)
        {
            var j = r.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (var i = 0; i < n; i++)
        {
            inspection.Members.Add(new InspectionMember { Id = NextMemberId++, InspectionId = inspection.Id, TeamMemberId = team.Members[order[i]].Id });
            MemberCount++;
        }
        Members.AddRange(inspection.Members);
    }

    void Violate(Inspection inspection, FakeEstablishment e)
    {
        var codes = new List<string> { ViolationCode(e) };
        if (r.NextDouble() < 0.2 && ViolationCode(e) is var second && second != codes[0]) codes.Add(second);
        decimal amount = 0;
        var names = new List<string>();
        foreach (var code in codes)
        {
            if (!_violations.TryGetValue(code, out var type)) type = violationTypes[r.Next(violationTypes.Count)];
            inspection.Violations.Add(new InspectionViolation { Id = NextViolationId++, InspectionId = inspection.Id, ViolationTypeId = type.Id });
            ViolationCount++;
            names.Add(type.Name.ToLowerInvariant());
            amount += VietnameseNames.Pick(r, Fines.GetValueOrDefault(type.Code, [2_000_000]));
        }
        Violations.AddRange(inspection.Violations);
        inspection.Findings = $"Phát hiện: {string.Join("; ", names)}. Đã lập biên bản vi phạm hành chính.";

        var decree = decrees.FirstOrDefault(d => d.InForceOn(inspection.Date));
        if (decree is null) return; // no sanction can be recorded without a decree in force
        var roll = r.NextDouble();
        var kind = roll < 0.7 ? SanctionKind.Fine : roll < 0.95 ? SanctionKind.Warning : SanctionKind.Other;
        AddSanction(inspection, kind, kind == SanctionKind.Fine ? amount : null, decree, kind == SanctionKind.Other ? VietnameseNames.Pick(r, OtherMeasures) : null);
        if (kind == SanctionKind.Fine && r.NextDouble() < 0.1)
            AddSanction(inspection, SanctionKind.Other, null, decree, VietnameseNames.Pick(r, OtherMeasures));
    }

    void AddSanction(Inspection inspection, SanctionKind kind, decimal? amount, Decree decree, string? measures)
    {
        // The generator cites the decree only: it does not invent article numbers (LegalBasis stays empty).
        var s = new Sanction { Id = NextSanctionId++, InspectionId = inspection.Id, Kind = kind, Amount = amount, DecreeId = decree.Id, Measures = measures };
        inspection.Sanctions.Add(s);
        Sanctions.Add(s);
        SanctionCount++;
    }

    string ViolationCode(FakeEstablishment e)
    {
        var x = r.NextDouble();
        if (x < 0.03) return "MUA-DAM";
        if (x < 0.06) return "BAN-DAM";
        if (x < 0.08) return "CHUA-CHAP";
        if (x < 0.25) return r.Next(2) == 0 ? "KHONG-HOP-DONG-LD" : "KHONG-KHAM-SUC-KHOE";
        if (x < 0.30) return "KHAC";
        return e.Type.Group switch
        {
            EstablishmentGroup.Lodging => r.Next(4) == 0 ? "NGOAI-GIO" : "KHONG-DANG-KY-LUU-TRU",
            _ => r.Next(2) == 0 ? "NGOAI-GIO" : "PHONG-KHONG-DUNG-QD",
        };
    }

    int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = r.NextDouble(); p > limit; p *= r.NextDouble()) k++;
        return k;
    }

    public void ClearChunk() { Inspections.Clear(); Members.Clear(); Violations.Clear(); Sanctions.Clear(); }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
