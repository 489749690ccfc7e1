using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Communication;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Training;
using Pcmd.Web.Features.UnitDocuments;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The programme's activities in an in-memory SQLite database with the real schema, on the unit tree of
/// <see cref="RegistryFixture"/>: Quận Hà Đông (until 30/6/2025) → Phú Lãm, Vạn Phúc; from 1/7/2025 Phú Lương (took in Phú Lãm
/// and part of Vạn Phúc) and Hà Đông (the rest of Vạn Phúc).
///
/// Communication events (unit: dates; people reached):
///   Phú Lãm 2024: 15/1 (residents 40, owners 3), 31/3, 1/4, 30/9, 1/10 — every quarter, two in Q1, one in each other
///   Vạn Phúc 2024: 10/2 (residents 25), 5/5, 31/12 — nothing in Q3
///   Phú Lãm 2025: 1/2 (owners 5), 30/6 · Phú Lương 2025: 1/7 (residents 10, high-school 200), 11/11
///   Hà Đông 2025: 8/8, 1/12 (Vạn Phúc held nothing in the first half)
/// Rosters (unit, agency, as of, headcount): city A1 1/1/2025 10, city A1 5/1/2026 20, city A2 5/1/2026 5, Phú Lương 1/8/2025 8,
///   Hà Đông 1/8/2025 6 and 1/1/2027 100, Phú Lãm 1/1/2024 4.
/// Courses (end date: unit agency count/already trained):
///   C1 16/4/2026: city A1 12/0, city A2 7/0 · C2 11/6/2026: Phú Lương 5/0, Hà Đông 2/0, city A1 3/1 · C3 21/10/2026: Phú Lương 4/2
///   C4 2/3/2025: Phú Lãm 3/0, Vạn Phúc 2/0 · C5 22/5/2024: city A1 6/0, Phú Lãm 2/0, Quận Hà Đông 3/0
/// Plans (issuing unit, period): P1 city 2026–2030; P2 Phú Lương 2026–2030 implementing P1; P3 Phú Lãm 2024.
/// Documents (unit, kind, date): D1 Hà Đông plan 1/6/2026 implementing P1 · D2 Hà Đông decision 1/9/2026 · D3 Phú Lương official
///   letter 1/3/2026 · D4 Vạn Phúc plan 20/12/2023 · D5 Quận Hà Đông plan 1/3/2024 · D6 Phú Lãm directive 1/3/2025 ·
///   D7 Phú Lãm plan 1/2/2025</summary>
public sealed class ActivityFixture : IDisposable
{
    public readonly SqliteConnection Connection = new("Data Source=:memory:");
    public readonly ServiceProvider Services;
    public readonly Dictionary<string, int> Units = new();

    public ActivityFixture()
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

    /// <summary>Sets the rule of "maintained regularly" (events a quarter) for one test; null removes it (the default, one).</summary>
    public void SetRule(int? eventsPerQuarter)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        db.CommunicationRules.RemoveRange(db.CommunicationRules);
        if (eventsPerQuarter is { } n) db.CommunicationRules.Add(new CommunicationRule { EventsPerQuarter = n });
        db.SaveChanges();
    }

    void Seed(PcmdDbContext db)
    {
        var reform = D("2025-07-01");
        var before = D("2025-06-30");
        OrgUnit U(string key, OrgUnit u) { db.OrgUnits.Add(u); return u; }
        var country = U("country", new OrgUnit { Code = "VN", Name = "Việt Nam", Level = OrgUnitLevel.Country });
        var city = U("city", new OrgUnit { Code = "01", Name = "Thành phố Hà Nội", Level = OrgUnitLevel.Province, Parent = country });
        var district = U("district", new OrgUnit { Code = "01.HADONG", Name = "Quận Hà Đông", Level = OrgUnitLevel.District, Parent = city, ValidTo = before });
        var phuLam = U("phuLam", new OrgUnit { Code = "09568", Name = "Phường Phú Lãm", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before });
        var vanPhuc = U("vanPhuc", new OrgUnit { Code = "09562", Name = "Phường Vạn Phúc", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before });
        var phuLuong = U("phuLuong", new OrgUnit { Code = "09568", Name = "Phường Phú Lương", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform });
        var haDong = U("haDong", new OrgUnit { Code = "09556", Name = "Phường Hà Đông", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform });
        var a1 = new Agency { Code = "A1", Name = "Công an Thành phố", Kind = AgencyKind.Police, OrgUnit = city };
        var a2 = new Agency { Code = "A2", Name = "Sở Y tế", Kind = AgencyKind.Department, OrgUnit = city };
        db.AddRange(a1, a2);
        db.SaveChanges();
        db.OrgUnitSuccessions.AddRange(
            new OrgUnitSuccession { OldUnitId = phuLam.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = haDong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform });
        foreach (var (k, u) in new[] { ("country", country), ("city", city), ("district", district), ("phuLam", phuLam), ("vanPhuc", vanPhuc),
                     ("phuLuong", phuLuong), ("haDong", haDong) })
            Units[k] = u.Id;

        void E(OrgUnit unit, string date, params (TargetGroup Group, int People)[] reached) => db.CommunicationEvents.Add(new CommunicationEvent
        {
            OrgUnitId = unit.Id, Date = D(date), Kind = CommunicationKind.Meeting, Title = "Hoạt động " + date,
            Audiences = reached.Select(r => new EventAudience { Group = r.Group, PeopleReached = r.People }).ToList(),
        });
        E(phuLam, "2024-01-15", (TargetGroup.Residents, 40), (TargetGroup.EstablishmentOwners, 3));
        E(phuLam, "2024-03-31"); E(phuLam, "2024-04-01"); E(phuLam, "2024-09-30"); E(phuLam, "2024-10-01");
        E(vanPhuc, "2024-02-10", (TargetGroup.Residents, 25)); E(vanPhuc, "2024-05-05"); E(vanPhuc, "2024-12-31");
        E(phuLam, "2025-02-01", (TargetGroup.EstablishmentOwners, 5)); E(phuLam, "2025-06-30");
        E(phuLuong, "2025-07-01", (TargetGroup.Residents, 10), (TargetGroup.HighSchoolStudents, 200)); E(phuLuong, "2025-11-11");
        E(haDong, "2025-08-08"); E(haDong, "2025-12-01");

        void R(OrgUnit unit, Agency? agency, string asOf, int headcount) =>
            db.StaffRosters.Add(new StaffRoster { OrgUnitId = unit.Id, AgencyId = agency?.Id, AsOf = D(asOf), Headcount = headcount });
        R(city, a1, "2025-01-01", 10); R(city, a1, "2026-01-05", 20); R(city, a2, "2026-01-05", 5);
        R(phuLuong, null, "2025-08-01", 8); R(haDong, null, "2025-08-01", 6); R(haDong, null, "2027-01-01", 100); R(phuLam, null, "2024-01-01", 4);

        void C(string end, params (OrgUnit Unit, Agency? Agency, int Count, int Already)[] people) => db.TrainingCourses.Add(new TrainingCourse
        {
            Title = "Khóa " + end, Level = TrainingLevel.Commune, StartDate = D(end).AddDays(-2), EndDate = D(end), OrgUnitId = city.Id,
            Organiser = "Sở Y tế", Hours = 16,
            Participants = people.Select(p => new TrainingParticipant
                { OrgUnitId = p.Unit.Id, AgencyId = p.Agency?.Id, Role = "Cán bộ", Count = p.Count, AlreadyTrained = p.Already }).ToList(),
        });
        C("2026-04-16", (city, a1, 12, 0), (city, a2, 7, 0));
        C("2026-06-11", (phuLuong, null, 5, 0), (haDong, null, 2, 0), (city, a1, 3, 1));
        C("2026-10-21", (phuLuong, null, 4, 2));
        C("2025-03-02", (phuLam, null, 3, 0), (vanPhuc, null, 2, 0));
        C("2024-05-22", (city, a1, 6, 0), (phuLam, null, 2, 0), (district, null, 3, 0));
        db.SaveChanges();

        Plan P(string key, OrgUnit unit, int from, int to, Plan? parent = null)
        {
            var p = new Plan { Key = key, Title = "Kế hoạch " + key, Level = PlanLevel.Commune, IssuingUnitId = unit.Id, PeriodFrom = from,
                PeriodTo = to, ParentId = parent?.Id };
            db.Plans.Add(p);
            db.SaveChanges();
            return p;
        }
        var p1 = P("p1", city, 2026, 2030);
        P("p2", phuLuong, 2026, 2030, p1);
        P("p3", phuLam, 2024, 2024);
        var n = 0;
        void Doc(OrgUnit unit, DocumentKind kind, string date, Plan? plan = null) => db.UnitDocuments.Add(new UnitDocument
        {
            OrgUnitId = unit.Id, Kind = kind, Number = $"{++n}/KH-UBND", IssuedOn = D(date), Year = D(date).Year, Signer = "Chủ tịch",
            Subject = "Văn bản " + n, PlanId = plan?.Id,
        });
        Doc(haDong, DocumentKind.Plan, "2026-06-01", p1);
        Doc(haDong, DocumentKind.Decision, "2026-09-01");
        Doc(phuLuong, DocumentKind.OfficialLetter, "2026-03-01");
        Doc(vanPhuc, DocumentKind.Plan, "2023-12-20");
        Doc(district, DocumentKind.Plan, "2024-03-01");
        Doc(phuLam, DocumentKind.Directive, "2025-03-01");
        Doc(phuLam, DocumentKind.Plan, "2025-02-01");
        db.SaveChanges();
    }

    public void Dispose()
    {
        Services.Dispose();
        Connection.Dispose();
    }
}
