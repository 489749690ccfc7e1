using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Training;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The small registry of <see cref="RegistryFixture"/> (Quận Hà Đông → Phú Lãm, Vạn Phúc until 30/6/2025; Phú Lương and
/// Hà Đông from 1/7/2025) with a roster that mixes counts and named staff:
///   Counts (unit, agency, as of, headcount): city A1 5/1/2026 20 · city A2 5/1/2026 50 (A2 keeps names from 1/2/2026) ·
///   Phú Lương 1/8/2025 8 · Hà Đông 1/8/2025 9 (Hà Đông keeps names: its count is never used once the first person is on)
///   Named: M1 city A2 from 1/2/2026 · M2 city A2 1/2/2026–30/11/2026 · M3 city A2 from 1/3/2026 ·
///   M4 Hà Đông from 1/1/2024 (of the old Vạn Phúc, the record moved with the merger) · M5, M6 Hà Đông from 1/7/2025
///   Courses (end: rows): C1 16/4/2026: city A1 12, M1, M2 · C2 11/6/2026: M5, Phú Lương 5 · C3 21/10/2026: M5, M1 ·
///   C4 2/3/2025: M4 (recorded in Vạn Phúc), Phú Lãm 3</summary>
public sealed class NamedRosterFixture : IDisposable
{
    readonly RegistryFixture _registry = new();
    public ServiceProvider Services => _registry.Services;
    public Dictionary<string, int> Units => _registry.Units;

    public NamedRosterFixture()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        int city = Units["city"], phuLam = Units["phuLam"], vanPhuc = Units["vanPhuc"], phuLuong = Units["phuLuong"], haDong = Units["haDong"];
        var a1 = new Agency { Code = "A1", Name = "Công an Thành phố", Kind = AgencyKind.Police, OrgUnitId = city };
        var a2 = new Agency { Code = "A2", Name = "Sở Y tế", Kind = AgencyKind.Department, OrgUnitId = city };
        db.AddRange(a1, a2);
        db.SaveChanges();
        void R(int unit, Agency? agency, string asOf, int headcount) =>
            db.StaffRosters.Add(new StaffRoster { OrgUnitId = unit, AgencyId = agency?.Id, AsOf = D(asOf), Headcount = headcount });
        R(city, a1, "2026-01-05", 20); R(city, a2, "2026-01-05", 50); R(phuLuong, null, "2025-08-01", 8); R(haDong, null, "2025-08-01", 9);
        StaffMember M(int unit, Agency? agency, string from, string? to = null)
        {
            var m = new StaffMember { OrgUnitId = unit, AgencyId = agency?.Id, FullName = "Người " + from, JobTitle = "Cán bộ", FromDate = D(from),
                ToDate = to is null ? null : D(to) };
            db.StaffMembers.Add(m);
            db.SaveChanges();
            return m;
        }
        var m1 = M(city, a2, "2026-02-01"); var m2 = M(city, a2, "2026-02-01", "2026-11-30"); M(city, a2, "2026-03-01");
        var m4 = M(haDong, null, "2024-01-01"); var m5 = M(haDong, null, "2025-07-01"); M(haDong, null, "2025-07-01");
        static TrainingParticipant P(int unit, Agency? agency, int count) => new() { OrgUnitId = unit, AgencyId = agency?.Id, Role = "Cán bộ", Count = count };
        static TrainingParticipant Named(int unit, StaffMember m) => new() { OrgUnitId = unit, AgencyId = m.AgencyId, Role = "Cán bộ", Count = 1, StaffMemberId = m.Id };
        void C(string end, params TrainingParticipant[] rows) => db.TrainingCourses.Add(new TrainingCourse
        {
            Title = "Khóa " + end, Level = TrainingLevel.Commune, StartDate = D(end).AddDays(-1), EndDate = D(end), OrgUnitId = city, Organiser = "Sở Y tế",
            Hours = 8, Participants = rows.ToList(),
        });
        C("2026-04-16", P(city, a1, 12), Named(city, m1), Named(city, m2));
        C("2026-06-11", Named(haDong, m5), P(phuLuong, null, 5));
        C("2026-10-21", Named(haDong, m5), Named(city, m1));
        C("2025-03-02", Named(vanPhuc, m4), P(phuLam, null, 3));
        db.SaveChanges();
    }

    public void Dispose() => _registry.Dispose();
}

/// <summary>3.2.3.a/b where some units keep named staff and others counts, against figures counted by hand from
/// <see cref="NamedRosterFixture"/>.</summary>
public sealed class NamedRosterTests(NamedRosterFixture data) : IClassFixture<NamedRosterFixture>
{
    async Task AssertRatio(Computation c, string unit, string from, string to, int num, int den)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var a = await computations.Compute(c, await areas.ForQuery(data.Units[unit]), DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    [Theory]
    // 2026: A1 by count 12 of 20; A2 by name: M1 (trained twice, one person) and M3 (never) on 31/12, M2 left on 30/11 → 1 of 2.
    [InlineData("city", "2026-01-01", "2026-12-31", 13, 22)]
    // To 30/11: M2 still on the roster and trained in April → A2 2 of 3.
    [InlineData("city", "2026-01-01", "2026-11-30", 14, 23)]
    // January: nobody of A2 named yet, so its count of 50 is the roster; nobody trained yet.
    [InlineData("city", "2026-01-01", "2026-01-31", 0, 70)]
    [InlineData("haDong", "2026-01-01", "2026-12-31", 0, 0)]
    public Task City_staff_count_people_where_an_agency_keeps_names(string unit, string from, string to, int num, int den) =>
        AssertRatio(Computation.TrainedShareCity, unit, from, to, num, den);

    [Theory]
    // 2026: Phú Lương by count 5 of 8; Hà Đông by name M4, M5, M6 on the roster, M5 trained (twice) → 1 of 3; its count of 9 unused.
    [InlineData("city", "2026-01-01", "2026-12-31", 6, 11)]
    [InlineData("haDong", "2026-01-01", "2026-12-31", 1, 3)]
    [InlineData("phuLuong", "2026-01-01", "2026-12-31", 5, 8)]
    // 2025–2026: M4 was trained on 2/3/2025 while recorded in the old Vạn Phúc, merged into Hà Đông on 1/7/2025: 2 of 3. Phú
    // Lương's count takes in the old Phú Lãm's 3 (5 + 3 of 8); the row linked to M4 is not counted twice.
    [InlineData("city", "2025-01-01", "2026-12-31", 10, 11)]
    [InlineData("haDong", "2025-01-01", "2026-12-31", 2, 3)]
    // 2025 alone: Phú Lương 3 of 8 (Phú Lãm's), Hà Đông M4 1 of 3.
    [InlineData("city", "2025-01-01", "2025-12-31", 4, 11)]
    // 2024: M4 was on the roster (of the old ward) and counts as commune staff in the city's figure; nothing else was in force.
    [InlineData("city", "2024-01-01", "2024-12-31", 0, 1)]
    public Task Commune_staff_count_people_where_a_ward_keeps_names(string unit, string from, string to, int num, int den) =>
        AssertRatio(Computation.TrainedShareCommune, unit, from, to, num, den);

    [Fact]
    public async Task People_trained_by_level_count_a_named_row_as_one()
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var a = await computations.Compute(Computation.TrainedLocalStaff, await areas.ForQuery(data.Units["city"]), new(2025, 1, 1), new(2025, 12, 31));
        Assert.Equal(4m, a.Value);   // M4 + Phú Lãm 3
    }

    [Fact]
    public void Initials_are_not_the_name()
    {
        Assert.Equal("N. V. A.", StaffMemberService.Initials("Nguyễn Văn An"));
        Assert.Equal("Đ. T. H.", StaffMemberService.Initials("  đỗ  Thu Hà "));
        Assert.Equal(TrainingLevel.City, StaffMemberService.LevelOf(OrgUnitLevel.Province));
    }
}
