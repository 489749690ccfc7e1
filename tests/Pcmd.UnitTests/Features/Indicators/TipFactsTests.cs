using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Enforcement;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>Hà Nội → Quận Hà Đông (until 30/6/2025) → Phường Phú Lãm, Phường Vạn Phúc; from 1/7/2025 Phường Phú Lương (took
/// in Phú Lãm and part of Vạn Phúc) and Phường Hà Đông (the rest of Vạn Phúc). Tips (unit, received in Hà Nội time, steps):
///   T1 Phú Lãm   04/03/2024 09:00  closed, every step on time
///   T2 Phú Lãm   06/05/2024 09:00  closed, handled late
///   T3 Vạn Phúc  31/12/2024 23:30  (16:30 UTC: still 2024 in Hà Nội) received, next step due 03/01/2025
///   T4 Phú Lương 04/08/2025 09:00  closed on time
///   T5 Hà Đông   01/09/2025 09:00  verifying, next step due 10/09/2025: overdue by the end of 2025
///   T6 Phú Lương 29/12/2025 09:00  received, next step due 05/01/2026: not yet due at the end of 2025
/// Criminal cases (unit: detected, instituted, sent for prosecution, tried, defendants):
///   C1 Phú Lãm 01/03/2024, 10/03/2024, 01/06/2024, 01/09/2024, 2 · C2 Vạn Phúc 01/05/2024, 10/05/2024, 01/11/2024, not tried
///   C3 Phú Lương 01/08/2025, 05/08/2025, 01/10/2025, 15/01/2026, 3 · C4 Hà Đông 01/09/2025 only
/// Administrative sanctions: S1 Phú Lãm 01/04/2024 seller fined 500.000 đ · S2 Phú Lãm 02/04/2024 buyer warned ·
///   S3 Phú Lương 01/09/2025 premises fined 30.000.000 đ · S4 Vạn Phúc 01/02/2025 seller fined 1.000.000 đ</summary>
public sealed class TipFactsFixture : IDisposable
{
    public readonly SqliteConnection Connection = new("Data Source=:memory:");
    public readonly ServiceProvider Services;
    public readonly Dictionary<string, int> Units = new();

    public TipFactsFixture()
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
        var reform = new DateOnly(2025, 7, 1);
        var before = new DateOnly(2025, 6, 30);
        var country = new OrgUnit { Code = "VN", Name = "Việt Nam", Level = OrgUnitLevel.Country };
        var city = new OrgUnit { Code = "01", Name = "Thành phố Hà Nội", Level = OrgUnitLevel.Province, Parent = country };
        var district = new OrgUnit { Code = "01.HADONG", Name = "Quận Hà Đông", Level = OrgUnitLevel.District, Parent = city, ValidTo = before };
        var phuLam = new OrgUnit { Code = "09568", Name = "Phường Phú Lãm", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before };
        var vanPhuc = new OrgUnit { Code = "09562", Name = "Phường Vạn Phúc", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before };
        var phuLuong = new OrgUnit { Code = "09568", Name = "Phường Phú Lương", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform };
        var haDong = new OrgUnit { Code = "09556", Name = "Phường Hà Đông", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform };
        db.OrgUnits.AddRange(country, city, district, phuLam, vanPhuc, phuLuong, haDong);
        db.SaveChanges();
        db.OrgUnitSuccessions.AddRange(
            new OrgUnitSuccession { OldUnitId = phuLam.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = haDong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform });
        db.SaveChanges();
        foreach (var (k, u) in new[] { ("city", city), ("phuLam", phuLam), ("vanPhuc", vanPhuc), ("phuLuong", phuLuong), ("haDong", haDong) }) Units[k] = u.Id;

        Tip T(int n, OrgUnit unit, DateTimeOffset localReceived, TipState state, DateOnly? nextDue, params bool[] stepsOnTime)
        {
            var received = localReceived.UtcDateTime;
            var tip = new Tip
            {
                Code = $"TB-T{n}", Channel = TipChannel.Hotline, ReceivedAt = received, ReceivingUnitId = city.Id, Category = TipCategory.Premises,
                OrgUnitId = unit.Id, Description = $"Tin {n}", State = state, NextDueOn = nextDue,
            };
            tip.Steps.Add(new TipStep { State = TipState.Received, At = received });
            var s = TipState.Verifying;
            foreach (var onTime in stepsOnTime) tip.Steps.Add(new TipStep { State = s++, At = received.AddDays(1), OnTime = onTime });
            return tip;
        }
        static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, VietnamTime.Offset);
        db.Tips.AddRange(
            T(1, phuLam, Local(2024, 3, 4, 9), TipState.Closed, null, true, true, true, true, true),
            T(2, phuLam, Local(2024, 5, 6, 9), TipState.Closed, null, true, true, true, false, true),
            T(3, vanPhuc, Local(2024, 12, 31, 23, 30), TipState.Received, new DateOnly(2025, 1, 3)),
            T(4, phuLuong, Local(2025, 8, 4, 9), TipState.Closed, null, true, true, true, true, true),
            T(5, haDong, Local(2025, 9, 1, 9), TipState.Verifying, new DateOnly(2025, 9, 10), true),
            T(6, phuLuong, Local(2025, 12, 29, 9), TipState.Received, new DateOnly(2026, 1, 5)));
        static DateOnly D(int y, int m, int d) => new(y, m, d);
        db.CriminalCases.AddRange(
            new CriminalCase { Reference = "C1", OrgUnitId = phuLam.Id, DetectedOn = D(2024, 3, 1), InstitutedOn = D(2024, 3, 10), IndictedOn = D(2024, 6, 1), TriedOn = D(2024, 9, 1), AccusedCount = 2, DefendantsCount = 2 },
            new CriminalCase { Reference = "C2", OrgUnitId = vanPhuc.Id, DetectedOn = D(2024, 5, 1), InstitutedOn = D(2024, 5, 10), IndictedOn = D(2024, 11, 1), AccusedCount = 1 },
            new CriminalCase { Reference = "C3", OrgUnitId = phuLuong.Id, DetectedOn = D(2025, 8, 1), InstitutedOn = D(2025, 8, 5), IndictedOn = D(2025, 10, 1), TriedOn = D(2026, 1, 15), AccusedCount = 3, DefendantsCount = 3 },
            new CriminalCase { Reference = "C4", OrgUnitId = haDong.Id, DetectedOn = D(2025, 9, 1) });
        var decree = new Decree { Code = "144/2021/NĐ-CP", Title = "Nghị định 144/2021/NĐ-CP", ValidFrom = D(2022, 1, 1) };
        db.Decrees.Add(decree);
        db.SaveChanges();
        db.AdministrativeSanctions.AddRange(
            new AdministrativeSanction { OrgUnitId = phuLam.Id, Date = D(2024, 4, 1), Target = SanctionTarget.Seller, Kind = SanctionKind.Fine, Amount = 500_000, DecreeId = decree.Id },
            new AdministrativeSanction { OrgUnitId = phuLam.Id, Date = D(2024, 4, 2), Target = SanctionTarget.Buyer, Kind = SanctionKind.Warning, DecreeId = decree.Id },
            new AdministrativeSanction { OrgUnitId = phuLuong.Id, Date = D(2025, 9, 1), Target = SanctionTarget.Premises, Kind = SanctionKind.Fine, Amount = 30_000_000, DecreeId = decree.Id },
            new AdministrativeSanction { OrgUnitId = vanPhuc.Id, Date = D(2025, 2, 1), Target = SanctionTarget.Seller, Kind = SanctionKind.Fine, Amount = 1_000_000, DecreeId = decree.Id });
        db.SaveChanges();
    }

    public void Dispose()
    {
        Services.Dispose();
        Connection.Dispose();
    }
}

/// <summary>Tips received and tips handled on time, against <see cref="TipFactsFixture"/> counted by hand.</summary>
public sealed class TipFactsTests(TipFactsFixture data) : IClassFixture<TipFactsFixture>
{
    async Task<Actual> Compute(Computation c, string unit, int year)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        return await scope.ServiceProvider.GetRequiredService<IndicatorComputations>()
            .Compute(c, await areas.ForQuery(data.Units[unit]), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    [Theory]
    // Phú Lương's area takes in the old Phú Lãm and Vạn Phúc: 2024 T1, T2, T3 (received late on 31/12 Hà Nội time).
    [InlineData("phuLuong", 2024, 3)]
    [InlineData("phuLuong", 2025, 2)]
    [InlineData("phuLam", 2024, 2)]
    [InlineData("haDong", 2024, 1)]   // T3: Vạn Phúc is part of Hà Đông's area too
    [InlineData("haDong", 2025, 1)]
    [InlineData("city", 2025, 3)]
    [InlineData("city", 2026, 0)]
    public async Task Tips_received_are_counted_where_they_happened_by_the_Hanoi_day(string unit, int year, int expected)
    {
        var a = await Compute(Computation.TipsReceived, unit, year);
        Assert.Equal(expected, a.Value);
        Assert.Null(a.Denominator);
    }

    [Theory]
    // 2024: T1 on time, T2 handled late, T3 due 03/01/2025: not overdue within 2024.
    [InlineData("phuLuong", 2024, 2, 3)]
    [InlineData("phuLam", 2024, 1, 2)]
    // 2025: T4 on time, T6 not due before the year ended; T5 overdue since 10/09/2025.
    [InlineData("phuLuong", 2025, 2, 2)]
    [InlineData("haDong", 2025, 0, 1)]
    [InlineData("city", 2025, 2, 3)]
    public async Task A_tip_is_on_time_when_every_step_met_its_deadline_and_the_next_is_not_overdue(string unit, int year, int num, int den)
    {
        Assert.True(IndicatorComputations.IsShare(Computation.TipsHandledOnTimeShare));
        var a = await Compute(Computation.TipsHandledOnTimeShare, unit, year);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    [Fact]
    public async Task Before_the_year_ends_only_deadlines_already_passed_count_against_it()
    {
        using var scope = data.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        Fact[] Facts(DateOnly today) => TipFacts.HandledOnTime(db, null, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), today).ToArray();
        // Taken as of 05/09/2025, T5's deadline (10/09) has not passed: T4, T5 and T6 all count as on time; from 11/09, T5 does not.
        Assert.Equal(3, Facts(new DateOnly(2025, 9, 5)).Sum(f => f.Num));
        Assert.Equal(2, Facts(new DateOnly(2025, 9, 11)).Sum(f => f.Num));
        Assert.Equal(3, Facts(new DateOnly(2025, 9, 11)).Sum(f => f.Den));
    }
}

/// <summary>The enforcement computations against <see cref="TipFactsFixture"/> counted by hand.</summary>
public sealed class EnforcementFactsTests(TipFactsFixture data) : IClassFixture<TipFactsFixture>
{
    async Task<Actual> Compute(Computation c, string unit, int year)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        return await scope.ServiceProvider.GetRequiredService<IndicatorComputations>()
            .Compute(c, await areas.ForQuery(data.Units[unit]), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    [Theory]
    [InlineData(Computation.CriminalCasesDetected, "phuLuong", 2024, 2)]   // C1 (old Phú Lãm), C2 (Vạn Phúc, merged in part)
    [InlineData(Computation.CriminalCasesDetected, "phuLuong", 2025, 1)]
    [InlineData(Computation.CriminalCasesDetected, "haDong", 2024, 1)]     // C2: Vạn Phúc is in Hà Đông's area too
    [InlineData(Computation.CriminalCasesDetected, "city", 2025, 2)]
    [InlineData(Computation.CriminalCasesTried, "phuLuong", 2024, 1)]
    [InlineData(Computation.CriminalCasesTried, "phuLuong", 2025, 0)]
    [InlineData(Computation.CriminalCasesTried, "phuLuong", 2026, 1)]
    [InlineData(Computation.DefendantsTried, "phuLuong", 2024, 2)]
    [InlineData(Computation.DefendantsTried, "city", 2026, 3)]
    [InlineData(Computation.PeopleSanctioned, "phuLuong", 2024, 2)]
    [InlineData(Computation.PeopleSanctioned, "phuLuong", 2025, 1)]        // S4; S3 is premises
    [InlineData(Computation.PeopleSanctioned, "haDong", 2025, 1)]
    [InlineData(Computation.SellersSanctioned, "phuLam", 2024, 1)]
    [InlineData(Computation.FinesTotal, "phuLuong", 2024, 500)]            // thousands of đồng
    [InlineData(Computation.FinesTotal, "phuLuong", 2025, 31_000)]
    [InlineData(Computation.FinesTotal, "city", 2025, 31_000)]
    public async Task Counts(Computation c, string unit, int year, int expected)
    {
        var a = await Compute(c, unit, year);
        Assert.Equal(expected, a.Value);
        Assert.Null(a.Denominator);
    }

    [Theory]
    [InlineData("phuLuong", 2024, 1, 2)]   // C1 tried, C2 not
    [InlineData("phuLuong", 2025, 1, 1)]   // C3 sent in 2025, tried in January 2026
    [InlineData("haDong", 2024, 0, 1)]
    public async Task The_share_of_cases_sent_for_prosecution_that_were_tried(string unit, int year, int num, int den)
    {
        Assert.True(IndicatorComputations.IsShare(Computation.TriedShareOfIndicted));
        var a = await Compute(Computation.TriedShareOfIndicted, unit, year);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }
}
