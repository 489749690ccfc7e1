using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.Web.Features.Tips;

/// <summary>Tips of 2024–2026 in Hà Nội through every stage: closed on time and late, open and overdue, duplicates, not
/// relevant, from the portal (one with a known code and secret for trying the status page: <see cref="DemoCode"/>).
/// Deadlines and "on time" come from the same rules as a user's steps (<see cref="TipService.AddStep"/>).</summary>
public sealed class TipDemoStep(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, WorkCalendarService workDays) : IDemoStep
{
    public const string DemoCode = "TB-DEMO2026", DemoSecret = "DEMO-DEMO-DEMO-2026";
    public int Order => 400;

    static readonly TipKind[] Kinds = [TipKind.ViolationReport, TipKind.ViolationReport, TipKind.CrimeReport, TipKind.Feedback, TipKind.Denunciation,
        TipKind.ViolationReport, TipKind.Complaint];
    static readonly TipChannel[] Channels = [TipChannel.PublicPortal, TipChannel.Hotline, TipChannel.InPerson, TipChannel.Mailbox, TipChannel.PublicPortal,
        TipChannel.Letter, TipChannel.Agency, TipChannel.Press];
    static readonly string[] Places = ["Ngõ 12 phố Văn Phú", "Quốc lộ 6, đoạn gần bến xe Yên Nghĩa", "Phố Bà Triệu", "Khu đô thị Văn Quán",
        "Đường Lê Trọng Tấn", "Phố Phúc La", "Đường Quang Trung"];
    static readonly string[] Descriptions =
    [
        "Quán karaoke có nhân viên nữ ngồi tiếp khách, nghi có mua bán dâm sau giờ đóng cửa.",
        "Cơ sở massage hoạt động đến khuya, nhiều khách ra vào, có người đứng ngoài chào mời.",
        "Nhà nghỉ cho thuê phòng theo giờ, có đối tượng dẫn gái đến cho khách.",
        "Nhóm người đứng ven đường buổi tối chào mời khách, nghi bán dâm.",
        "Một người môi giới qua mạng xã hội, hẹn gặp tại khu vực này.",
        "Cơ sở cắt tóc gội đầu có phòng kín phía sau, hoạt động không rõ ràng.",
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.Tips.AnyAsync(ct)) return;
        var city = await tree.Resolve(DemoFacts.Province, DemoFacts.Today);
        var phuLuong = await tree.Resolve("09568", DemoFacts.Today);
        var haDong = await tree.Resolve("09556", DemoFacts.Today);
        var oldPhuLam = await tree.Resolve("09568", new DateOnly(2024, 1, 1));
        if (city is null || phuLuong is null || haDong is null) return;
        var agencies = await db.Agencies.Where(a => a.Code == "UBND-PHULUONG" || a.Code == "CA-TP" || a.Code == "UBND-P-HADONG")
            .ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var inspections = await db.Inspections.AsNoTracking().Select(i => new { i.Id, i.OrgUnitId, i.Date }).ToListAsync(ct);
        var today = VietnamTime.Today(clock);
        var random = new Random(11);
        var calendar = await workDays.Current(ct);
        var made = new List<Tip>();
        var duplicates = new List<(Tip Duplicate, Tip Original)>();
        for (var n = 0; n < 48; n++)
        {
            var year = n < 14 ? 2024 : n < 22 ? 2025 : 2026;
            var lastDay = year == today.Year ? today.DayOfYear - 1 : 360;
            var received = new DateOnly(year, 1, 1).AddDays(random.Next(0, Math.Max(1, lastDay)));
            if (received > today) received = today;
            var unit = (n % 4, year) switch
            {
                (0, 2024) when oldPhuLam is not null => oldPhuLam,
                (0 or 1, _) => phuLuong,
                (2, _) => haDong,
                _ => phuLuong,
            };
            var channel = Channels[n % Channels.Length];
            var portal = channel == TipChannel.PublicPortal;
            // Ward tips are taken in by the ward; the hotline by the city police; the portal's by the city's standing office.
            var (receiving, agency, by) = portal ? (city.Id, (int?)null, (string?)null)
                : channel == TipChannel.Hotline ? (city.Id, agencies.GetValueOrDefault("CA-TP") is var ca and > 0 ? ca : (int?)null, "congan")
                : (phuLuong.Id, agencies.GetValueOrDefault("UBND-PHULUONG") is var pl and > 0 ? pl : (int?)null, "phuluong");
            var at = VietnamTime.StartOf(received).UtcDateTime.AddHours(8 + random.Next(0, 9));
            var tip = new Tip
            {
                Code = n == 0 ? DemoCode : TipRules.NewCode(), Channel = channel, ReceivedAt = at, ReceivedBy = by, ReceivingUnitId = receiving,
                ReceivingAgencyId = agency, PassedOnBy = channel == TipChannel.Agency ? "Công an phường Hà Đông" : channel == TipChannel.Press ? "Báo An ninh Thủ đô" : null,
                Category = (TipCategory)(n % 4), OrgUnitId = unit.Id, Place = Places[n % Places.Length], OccurredOn = received.AddDays(-random.Next(0, 5)),
                Description = Descriptions[n % Descriptions.Length], Anonymous = n % 3 != 0,
            };
            if (!tip.Anonymous) { tip.ReporterName = $"Người dân số {n + 1}"; tip.ReporterContact = $"09{n:00}.{100 + n:000}.{200 + n:000}"; }
            if (portal) tip.SecretHash = TipRules.HashSecret(tip.Code, n == 0 ? DemoSecret : TipRules.NewSecret());
            TipService.Received(tip, at, by, calendar);
            var original = n % 9 == 8 ? made.LastOrDefault(t => t.OrgUnitId == tip.OrgUnitId && t.Relevance != TipRelevance.Duplicate) : null;
            if (Advance(tip, n, random, today, original is not null, unit.Id, calendar,
                    inspections.Where(i => i.OrgUnitId == unit.Id && i.Date >= received).Select(i => i.Id).FirstOrDefault()) && original is not null)
                duplicates.Add((tip, original));
            made.Add(tip);
        }
        db.Tips.AddRange(made);
        await db.SaveChangesAsync(ct);
        // A duplicate points to its original, whose id is known once saved.
        foreach (var (duplicate, original) in duplicates) duplicate.DuplicateOfId = original.Id;
        if (duplicates.Count > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes the tip through its steps at believable pace (some late), stopping at today: recent tips stay open, a few overdue.</summary>
    /// <returns>Whether the tip was classified as a duplicate.</returns>
    static bool Advance(Tip tip, int n, Random random, DateOnly today, bool duplicate, int unitId, WorkDays calendar, int inspectionId)
    {
        var day = VietnamTime.Day(tip.ReceivedAt);
        var late = n % 6 == 5;
        var stall = n % 11 == 7; // left waiting: overdue if old enough
        bool Step(TipState target, int afterDays, Action? fill = null, string? message = null)
        {
            day = day.AddDays(afterDays);
            if (day > today || (stall && target >= TipState.Classified)) return false;
            fill?.Invoke();
            TipService.AddStep(tip, target, VietnamTime.StartOf(day).UtcDateTime.AddHours(9), tip.ReceivedBy ?? "dieuphoi", null, message, calendar);
            return true;
        }
        if (!Step(TipState.Verifying, 1 + random.Next(0, 2))) return false;
        var relevance = duplicate ? TipRelevance.Duplicate : n % 13 == 12 ? TipRelevance.NotRelevant : TipRelevance.Relevant;
        if (!Step(TipState.Classified, 2 + random.Next(0, 2), () =>
            {
                tip.Kind = Kinds[n % Kinds.Length];
                tip.Relevance = relevance;
            }, n % 5 == 0 ? "Cán bộ đề nghị bạn cho biết thêm khung giờ thường thấy hoạt động." : null)) return false;
        if (relevance != TipRelevance.Relevant)
        {
            tip.PublicResult = relevance == TipRelevance.Duplicate ? "Tin trùng với một tin đã tiếp nhận; được xử lý cùng tin đó." : "Nội dung không thuộc phạm vi phòng, chống mại dâm.";
            Step(TipState.Closed, 2);
            return relevance == TipRelevance.Duplicate;
        }
        if (!Step(TipState.Assigned, 1 + random.Next(0, 3), () => tip.AssignedUnitId = unitId)) return false;
        if (!Step(TipState.Handled, late ? 40 : 6 + random.Next(0, 6), () =>
            {
                tip.Outcome = inspectionId > 0 && n % 3 == 0 ? TipOutcome.Inspected : (TipOutcome)(1 + n % 3);
                tip.InspectionId = tip.Outcome == TipOutcome.Inspected ? inspectionId : null;
                tip.PublicResult = "Cơ quan chức năng đã kiểm tra, xử lý theo quy định. Cảm ơn bạn đã cung cấp thông tin.";
            })) return false;
        Step(TipState.Closed, 1 + random.Next(0, 3));
        return false;
    }
}
