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

/// <summary>The programme's activities added to the small registry of <see cref="RegistryFixture"/> (its in-memory database and
/// unit tree): Quận Hà Đông (until 30/6/2025) → Phú Lãm, Vạn Phúc; from 1/7/2025 Phú Lương (took in Phú Lãm
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
    readonly RegistryFixture _registry = new();
    public ServiceProvider Services => _registry.Services;
    public Dictionary<string, int> Units => _registry.Units;

    public ActivityFixture()
    {
        using var scope = Services.CreateScope();
        Seed(scope.ServiceProvider.GetRequiredService<PcmdDbContext>());
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
        var u = db.OrgUnits.ToDictionary(x => x.Id);
        OrgUnit city = u[Units["city"]], district = u[Units["district"]], phuLam = u[Units["phuLam"]], vanPhuc = u[Units["vanPhuc"]],
            phuLuong = u[Units["phuLuong"]], haDong = u[Units["haDong"]];
        var a1 = new Agency { Code = "A1", Name = "Công an Thành phố", Kind = AgencyKind.Police, OrgUnitId = city.Id };
        var a2 = new Agency { Code = "A2", Name = "Sở Y tế", Kind = AgencyKind.Department, OrgUnitId = city.Id };
        db.AddRange(a1, a2);
        db.SaveChanges();

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

    public void Dispose() => _registry.Dispose();
}
