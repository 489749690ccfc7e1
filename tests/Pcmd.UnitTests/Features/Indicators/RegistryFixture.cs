using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>A small registry in an in-memory SQLite database with the real schema, small enough to count by hand:
/// Hà Nội → Quận Hà Đông (until 30/6/2025) → Phường Phú Lãm (old 09568), Phường Vạn Phúc; Hà Nội → Phường Phú Lương
/// (new 09568, took in Phú Lãm and part of Vạn Phúc) and Phường Hà Đông (took in the rest of Vạn Phúc) from 1/7/2025.
///
/// Establishments (unit, management, commitment):
///   E1 Phú Lãm   managed from 2023-01-01, signed 2024-03-01
///   E2 Phú Lãm   managed from 2024-06-01, not signed
///   E3 Phú Lương managed from 2025-08-01, signed 2025-09-01, high risk
///   E4 Hà Đông   managed from 2025-07-15, signed 2026-02-01
///   E5 Phú Lương not under management
///   E6 Hà Đông   closed: managed 2024-01-01 … 2025-03-31, signed 2024-01-10
///   E7 Vạn Phúc  managed from 2024-01-01, not signed
/// Inspections (establishment, unit recorded, date, owners + workers informed):
///   I1 E1 Phú Lãm 2024-05-10 1+3 · I2 E1 Phú Lương 2025-09-01 1+2 · I3 E2 Phú Lãm 2025-03-01 1+0 · I4 E6 Hà Đông 2024-11-20 2+5
///   I5 E3 Phú Lương 2026-03-01 1+4 · I6 E5 Phú Lương 2025-10-10 0+1 · I7 E7 Vạn Phúc 2024-02-02 1+1
/// Hotspots (unit: events):
///   H1 Phú Lãm: identified 2023-05-01, targeted 2024-01-15, eliminated 2024-06-01, handed over 2024-07-01, re-emerged 2025-10-01
///   H2 Phú Lương: identified 2025-08-10
///   H3 Hà Đông: targeted 2024-02-01 (from a plan appendix), eliminated 2024-09-01, re-emerged 2024-12-01
///   H4 Vạn Phúc: identified 2024-03-03, eliminated 2025-05-05</summary>
public sealed class RegistryFixture : IDisposable
{
    public readonly SqliteConnection Connection = new("Data Source=:memory:");
    public readonly ServiceProvider Services;
    public readonly Dictionary<string, int> Units = new();
    public readonly Dictionary<string, int> Establishments = new();

    public RegistryFixture()
    {
        PersonalData.Configure(Convert.ToBase64String(new byte[32]));
        Connection.Open();
        Services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(Connection))
            .AddSingleton<OrgUnitTree>()
            .AddScoped<IndicatorAreas>()
            .AddScoped<IndicatorComputations>()
            .BuildServiceProvider();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        SchemaMigrator.MigrateAsync(db, DatabaseProvider.Sqlite).GetAwaiter().GetResult();
        Seed(db);
    }

    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    void Seed(PcmdDbContext db)
    {
        var reform = D("2025-07-01");
        var before = D("2025-06-30");
        var units = new Dictionary<string, OrgUnit>();
        OrgUnit U(string key, OrgUnit u) { db.OrgUnits.Add(u); units[key] = u; return u; }
        var country = U("country", new OrgUnit { Code = "VN", Name = "Việt Nam", Level = OrgUnitLevel.Country });
        var city = U("city", new OrgUnit { Code = "01", Name = "Thành phố Hà Nội", Level = OrgUnitLevel.Province, Parent = country });
        var district = U("district", new OrgUnit { Code = "01.HADONG", Name = "Quận Hà Đông", Level = OrgUnitLevel.District, Parent = city, ValidTo = before });
        var phuLam = U("phuLam", new OrgUnit { Code = "09568", Name = "Phường Phú Lãm", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before });
        var vanPhuc = U("vanPhuc", new OrgUnit { Code = "09562", Name = "Phường Vạn Phúc", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before });
        var phuLuong = U("phuLuong", new OrgUnit { Code = "09568", Name = "Phường Phú Lương", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform });
        var haDong = U("haDong", new OrgUnit { Code = "09556", Name = "Phường Hà Đông", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform });
        db.SaveChanges();
        db.OrgUnitSuccessions.AddRange(
            new OrgUnitSuccession { OldUnitId = phuLam.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = haDong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform });
        foreach (var (k, u) in units) Units[k] = u.Id;

        var type = new EstablishmentType { Code = "KARAOKE-T", Name = "Karaoke", Group = EstablishmentGroup.Culture };
        var team = new InspectionTeam { Name = "Đội 178", Kind = TeamKind.Interagency178, OrgUnitId = city.Id };
        db.AddRange(type, team);
        db.SaveChanges();

        Establishment E(string key, OrgUnit unit, ManagementStatus status, string? from, string? to, string? signed, RiskClass risk = RiskClass.Medium)
        {
            var e = new Establishment
            {
                Name = "Cơ sở " + key, Address = "Số 1", TypeId = type.Id, OrgUnitId = unit.Id, Status = status, RiskClass = risk,
                ManagedFrom = from is null ? null : D(from), ManagedTo = to is null ? null : D(to),
                CommitmentSigned = signed is not null, CommitmentDate = signed is null ? null : D(signed),
            };
            db.Establishments.Add(e);
            return e;
        }
        var e1 = E("E1", phuLam, ManagementStatus.UnderManagement, "2023-01-01", null, "2024-03-01");
        var e2 = E("E2", phuLam, ManagementStatus.UnderManagement, "2024-06-01", null, null);
        var e3 = E("E3", phuLuong, ManagementStatus.UnderManagement, "2025-08-01", null, "2025-09-01", RiskClass.High);
        var e4 = E("E4", haDong, ManagementStatus.UnderManagement, "2025-07-15", null, "2026-02-01");
        var e5 = E("E5", phuLuong, ManagementStatus.NotUnderManagement, null, null, null);
        var e6 = E("E6", haDong, ManagementStatus.Closed, "2024-01-01", "2025-03-31", "2024-01-10");
        var e7 = E("E7", vanPhuc, ManagementStatus.UnderManagement, "2024-01-01", null, null);
        db.SaveChanges();
        foreach (var e in new[] { e1, e2, e3, e4, e5, e6, e7 }) Establishments[e.Name[^2..]] = e.Id;

        void I(Establishment e, OrgUnit unit, string date, int owners, int workers) => db.Inspections.Add(new Inspection
        {
            EstablishmentId = e.Id, OrgUnitId = unit.Id, TeamId = team.Id, Date = D(date), Kind = InspectionKind.Planned,
            OwnersInformed = owners, WorkersInformed = workers,
        });
        I(e1, phuLam, "2024-05-10", 1, 3);
        I(e1, phuLuong, "2025-09-01", 1, 2);
        I(e2, phuLam, "2025-03-01", 1, 0);
        I(e6, haDong, "2024-11-20", 2, 5);
        I(e3, phuLuong, "2026-03-01", 1, 4);
        I(e5, phuLuong, "2025-10-10", 0, 1);
        I(e7, vanPhuc, "2024-02-02", 1, 1);

        void H(string name, OrgUnit unit, params (HotspotEventKind Kind, string Date)[] events) => db.Hotspots.Add(new Hotspot
        {
            Name = name, OrgUnitId = unit.Id, Kind = HotspotKind.PublicPlace, Complexity = ComplexityLevel.Active, State = events[^1].Kind,
            Events = events.Select(ev => new HotspotEvent { Kind = ev.Kind, Date = D(ev.Date) }).ToList(),
        });
        H("H1", phuLam, (HotspotEventKind.Identified, "2023-05-01"), (HotspotEventKind.Targeted, "2024-01-15"), (HotspotEventKind.Eliminated, "2024-06-01"),
            (HotspotEventKind.HandedOver, "2024-07-01"), (HotspotEventKind.ReEmerged, "2025-10-01"));
        H("H2", phuLuong, (HotspotEventKind.Identified, "2025-08-10"));
        H("H3", haDong, (HotspotEventKind.Targeted, "2024-02-01"), (HotspotEventKind.Eliminated, "2024-09-01"), (HotspotEventKind.ReEmerged, "2024-12-01"));
        H("H4", vanPhuc, (HotspotEventKind.Identified, "2024-03-03"), (HotspotEventKind.Eliminated, "2025-05-05"));
        db.SaveChanges();
    }

    public void Dispose()
    {
        Services.Dispose();
        Connection.Dispose();
    }
}
