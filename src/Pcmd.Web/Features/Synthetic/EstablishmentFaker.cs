using System.Globalization;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>A synthetic establishment and what the later steps need to know about it: its current commune, and the
/// days it can be inspected (from its registration or entry into management, until it closed or the data ends).</summary>
public sealed class FakeEstablishment
{
    public required Establishment Entity { get; init; }
    public required EstablishmentType Type { get; init; }
    public required SyntheticUnits.Commune Home { get; init; }
    /// <summary>The old commune it was registered in before 1/7/2025, or null when it is registered in its current commune.</summary>
    public SyntheticUnits.OldCommune? Old { get; init; }
    public DateOnly ActiveFrom { get; init; }
    public DateOnly ActiveTo { get; init; }
    /// <summary>How readily inspectors visit it: 0 for the few never inspected, higher for the riskier ones.</summary>
    public double Propensity { get; init; }
}

/// <summary>Makes establishments: type by how common it is, name on the signboard, address in the commune it was
/// registered in (the old commune when that was before 1/7/2025: records keep the unit valid on their date), owner,
/// a unique licence number, workers, risk, management and commitment dates, coordinates near the commune.</summary>
public sealed class EstablishmentFaker(Random r, SyntheticScale scale, IReadOnlyList<EstablishmentType> types, HashSet<string> licencesTaken)
{
    /// <summary>How common each type is among registered establishments (relative weights); other types weigh 1.</summary>
    static readonly Dictionary<string, int> TypeWeights = new()
    {
        ["KARAOKE"] = 22, ["NHA-NGHI"] = 20, ["KHACH-SAN"] = 10, ["MASSAGE"] = 12, ["GOI-DAU"] = 10, ["SPA"] = 6, ["NHA-TRO"] = 5,
        ["QUAN-BAR"] = 3, ["TAM-QUAT"] = 3, ["CAN-HO-CHO-THUE"] = 3, ["CA-PHE-DEN-MO"] = 2, ["BIEU-DIEN-BAR"] = 2, ["VU-TRUONG"] = 1,
        ["TAM-HOI"] = 1, ["VAT-LY-TRI-LIEU"] = 1, ["NHA-KHACH"] = 1, ["TAM-NONG-LANH"] = 1,
    };

    static readonly string[] Notes =
    [
        "Cơ sở đã đổi chủ, chủ mới đã ký lại cam kết.", "Hoạt động chủ yếu vào buổi tối.", "Có camera giám sát tại quầy lễ tân.",
        "Chủ cơ sở không thường xuyên có mặt, người quản lý là con trai chủ cơ sở.", "Đã được nhắc nhở về giờ đóng cửa.",
    ];

    readonly int[] _cumulative = Cumulative(types);
    readonly DateOnly _start = new(scale.FirstYear, 1, 1);

    static int[] Cumulative(IReadOnlyList<EstablishmentType> types)
    {
        var c = new int[types.Count];
        var sum = 0;
        for (var i = 0; i < types.Count; i++) c[i] = sum += TypeWeights.GetValueOrDefault(types[i].Code, 1);
        return c;
    }

    EstablishmentType PickType()
    {
        var x = r.Next(_cumulative[^1]);
        var i = Array.BinarySearch(_cumulative, x + 1);
        return types[i < 0 ? ~i : i];
    }

    public DateOnly Day(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(r.Next(to.DayNumber - from.DayNumber + 1));

    public FakeEstablishment Make(int id, SyntheticUnits.Commune home)
    {
        var type = PickType();
        var until = scale.Until;
        // About half were registered before the period the data covers; the rest open through it.
        var registered = r.NextDouble() < 0.45
            ? Day(new DateOnly(scale.FirstYear - 12, 1, 1), _start.AddDays(-1))
            : Day(_start, until.AddDays(-20));
        SyntheticUnits.OldCommune? old = null;
        if (registered < AddressPackageImporter.ReformDay)
        {
            if (home.Predecessors.Count > 0) old = VietnameseNames.Pick(r, home.Predecessors);
            else registered = Day(AddressPackageImporter.ReformDay, until.AddDays(-20));
        }
        var unitName = old?.Name ?? home.Name;

        var status = r.NextDouble() switch { < 0.85 => ManagementStatus.UnderManagement, < 0.93 => ManagementStatus.NotUnderManagement, _ => ManagementStatus.Closed };
        DateOnly? managedFrom = null, managedTo = null;
        if (status != ManagementStatus.NotUnderManagement)
        {
            managedFrom = Min(registered.AddDays(r.Next(5, 120)), until);
            // Filed under an old ward: its management began before that ward ended on 30/6/2025 (issue 15, item 9).
            if (old is not null && managedFrom >= AddressPackageImporter.ReformDay) managedFrom = AddressPackageImporter.ReformDay.AddDays(-1);
            if (status == ManagementStatus.Closed)
            {
                var closed = managedFrom.Value.AddDays(r.Next(180, 1500));
                if (closed < until) managedTo = closed;
                else status = ManagementStatus.UnderManagement;
            }
        }
        var signed = r.NextDouble() < (status == ManagementStatus.NotUnderManagement ? 0.1 : 0.76);
        DateOnly? signedOn = signed ? Min((managedFrom ?? registered).AddDays(r.Next(0, 60)), until) : null;

        var risk = Risk(type);
        var workers = Workers(type);
        double? lat = null, lon = null;
        if (r.NextDouble() < 0.88)
        {
            lat = Math.Clamp(Math.Round(home.Latitude + (r.NextDouble() * 2 - 1) * 0.015, 6), 8.6, 23.3);
            lon = Math.Clamp(Math.Round(home.Longitude + (r.NextDouble() * 2 - 1) * 0.015, 6), 102.2, 109.4);
        }
        var entity = new Establishment
        {
            Id = id, TypeId = type.Id, Name = VietnameseNames.Business(r, type.Code, type.Name),
            Address = VietnameseNames.Address(r, unitName, home.ProvinceName), OrgUnitId = old?.Id ?? home.Id,
            Latitude = lat, Longitude = lon,
            OwnerName = r.NextDouble() < 0.97 ? VietnameseNames.Person(r) : null,
            OwnerPhone = r.NextDouble() < 0.85 ? VietnameseNames.Phone(r) : null,
            LicenceNumber = r.NextDouble() < 0.97 ? Licence(home.ProvinceCode) : null,
            LicenceDate = registered, WorkerCount = workers, RiskClass = risk, Status = status,
            ManagedFrom = managedFrom, ManagedTo = managedTo, CommitmentSigned = signed, CommitmentDate = signedOn,
            Note = r.NextDouble() < 0.04 ? VietnameseNames.Pick(r, Notes) : null,
        };
        var neverInspected = r.NextDouble() < 0.06;
        return new FakeEstablishment
        {
            Entity = entity, Type = type, Home = home, Old = old,
            ActiveFrom = Max(managedFrom ?? registered, _start), ActiveTo = managedTo ?? until,
            Propensity = neverInspected ? 0 : risk switch { RiskClass.High => 1.25, RiskClass.Medium => 1.05, _ => 0.9 }
                * (status == ManagementStatus.NotUnderManagement ? 0.12 : 1),
        };
    }

    RiskClass Risk(EstablishmentType type)
    {
        var high = type.Group switch { EstablishmentGroup.HealthTherapy => 0.25, EstablishmentGroup.Culture => 0.2, EstablishmentGroup.Other => 0.15, _ => 0.08 };
        var x = r.NextDouble();
        return x < high ? RiskClass.High : x < high + 0.35 ? RiskClass.Medium : RiskClass.Low;
    }

    int Workers(EstablishmentType type) => type.Code switch
    {
        "KHACH-SAN" => r.Next(6, 61),
        "KARAOKE" or "VU-TRUONG" or "QUAN-BAR" or "BIEU-DIEN-BAR" => r.Next(4, 26),
        "MASSAGE" or "SPA" or "TAM-QUAT" or "TAM-HOI" or "VAT-LY-TRI-LIEU" => r.Next(2, 16),
        "NHA-NGHI" or "NHA-KHACH" or "NHA-TRO" or "CAN-HO-CHO-THUE" => r.Next(1, 9),
        _ => r.Next(1, 7),
    };

    /// <summary>Household businesses (Giấy chứng nhận đăng ký hộ kinh doanh, "01A8001234": province, a district letter,
    /// 8, six digits) and enterprises (a 10-digit enterprise code starting with the province code); never the same twice.</summary>
    string Licence(string provinceCode)
    {
        while (true)
        {
            var n = r.NextDouble() < 0.65
                ? $"{provinceCode}{(char)('A' + r.Next(17))}8{r.Next(1_000_000).ToString("000000", CultureInfo.InvariantCulture)}"
                : $"{provinceCode}0{r.Next(10_000_000).ToString("0000000", CultureInfo.InvariantCulture)}";
            if (licencesTaken.Add(n)) return n;
        }
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
