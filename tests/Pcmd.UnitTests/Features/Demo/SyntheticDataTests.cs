using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.UnitTests.Features.Demo;

/// <summary>The synthetic data generator on Hà Nội's real units, at a small version of the demo scale (400
/// establishments): reproducible from its seed, and every record follows the rules a user's record must follow.</summary>
public sealed class SyntheticDataTests(SyntheticFixture fx) : IClassFixture<SyntheticFixture>
{
    static readonly DateOnly Reform = AddressPackageImporter.ReformDay;

    [Fact]
    public async Task The_same_seed_gives_the_same_records()
    {
        Assert.Equal(fx.First.Result with { Generating = default, Writing = default }, fx.Second.Result with { Generating = default, Writing = default });
        Assert.Equal(await Sample(fx.First), await Sample(fx.Second));
        Assert.NotEqual(await Sample(fx.First), await Sample(fx.OtherSeed));
    }

    static async Task<List<string>> Sample(SyntheticFixture.Database d)
    {
        using var scope = d.Scope();
        var db = d.Db(scope);
        var rows = await db.Establishments.OrderBy(e => e.Id).Take(25)
            .Select(e => new { e.Name, e.OwnerName, e.LicenceNumber, e.LicenceDate, e.Address }).ToListAsync();
        var firstInspections = await db.Inspections.OrderBy(i => i.Id).Take(25).Select(i => new { i.Date, i.Kind, i.Findings }).ToListAsync();
        return rows.Select(r => $"{r.Name}|{r.OwnerName}|{r.LicenceNumber}|{r.LicenceDate}|{r.Address}")
            .Concat(firstInspections.Select(i => $"{i.Date}|{i.Kind}|{i.Findings}")).ToList();
    }

    [Fact]
    public void The_counts_come_near_the_scale()
    {
        var r = fx.First.Result;
        Assert.Equal(SyntheticFixture.Small.Establishments, r.Establishments);
        Assert.Equal(126, r.Communes);
        Assert.InRange(r.Inspections, 1_600, 2_400);
        Assert.Equal(SyntheticFixture.Small.Hotspots, r.Hotspots);
        Assert.InRange(r.Violations, r.Inspections / 25, r.Inspections / 5);
    }

    [Fact]
    public async Task Every_establishment_is_in_a_commune_valid_on_its_registration_date_and_old_ones_are_in_old_communes()
    {
        using var scope = fx.First.Scope();
        var db = fx.First.Db(scope);
        var rows = await db.Establishments.Select(e => new { e.LicenceDate, e.OrgUnit!.Level, e.OrgUnit.ValidFrom, e.OrgUnit.ValidTo }).ToListAsync();
        Assert.All(rows, e =>
        {
            Assert.Equal(OrgUnitLevel.Commune, e.Level);
            Assert.NotNull(e.LicenceDate);
            Assert.True((e.ValidFrom is null || e.ValidFrom <= e.LicenceDate) && (e.ValidTo is null || e.LicenceDate <= e.ValidTo),
                $"registered {e.LicenceDate} in a unit valid {e.ValidFrom}–{e.ValidTo}");
        });
        Assert.Contains(rows, e => e.ValidTo is not null);
        Assert.Contains(rows, e => e.ValidFrom == Reform);
        var licences = await db.Establishments.Where(e => e.LicenceNumber != null).Select(e => e.LicenceNumber).ToListAsync();
        Assert.Equal(licences.Count, licences.Distinct().Count());
    }

    [Fact]
    public async Task Every_establishment_passes_the_rules_a_user_entry_must_pass()
    {
        using var scope = fx.First.Scope();
        var db = fx.First.Db(scope);
        var all = await db.Establishments.AsNoTracking().ToListAsync();
        Assert.All(all, e =>
        {
            var problems = new List<string>();
            EstablishmentRules.Check(new EstablishmentValues
            {
                Name = e.Name, Address = e.Address, TypeId = e.TypeId, OrgUnitId = e.OrgUnitId, Latitude = e.Latitude, Longitude = e.Longitude,
                OwnerName = e.OwnerName, OwnerPhone = e.OwnerPhone, LicenceNumber = e.LicenceNumber, LicenceDate = e.LicenceDate,
                WorkerCount = e.WorkerCount, RiskClass = e.RiskClass, Status = e.Status, ManagedFrom = e.ManagedFrom, ManagedTo = e.ManagedTo,
                CommitmentSigned = e.CommitmentSigned, CommitmentDate = e.CommitmentDate, Note = e.Note,
            }, SyntheticFixture.Small.Until, (field, message) => problems.Add($"{field}: {message}"));
            Assert.Empty(problems);
        });
        Assert.InRange(all.Count(e => e.Status == ManagementStatus.UnderManagement), all.Count * 70 / 100, all.Count * 95 / 100);
    }

    [Fact]
    public async Task Every_inspection_has_at_least_three_members_of_its_team_and_a_unit_valid_on_its_date()
    {
        using var scope = fx.First.Scope();
        var db = fx.First.Db(scope);
        var members = (await db.Set<InspectionMember>().Select(m => new { m.InspectionId, m.TeamMember!.TeamId }).ToListAsync()).ToLookup(m => m.InspectionId);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Id);
        var inspections = await db.Inspections.Select(i => new { i.Id, i.TeamId, i.OrgUnitId, i.Date, i.EstablishmentId }).ToListAsync();
        Assert.NotEmpty(inspections);
        Assert.All(inspections, i =>
        {
            Assert.InRange(members[i.Id].Count(), InspectionRules.MinMembers, TeamFaker.MembersPerTeam);
            Assert.All(members[i.Id], m => Assert.Equal(i.TeamId, m.TeamId));
            Assert.True(units[i.OrgUnitId].IsValidOn(i.Date), $"inspection {i.Id} on {i.Date} in a unit not valid then");
        });
        Assert.Contains(inspections, i => i.Date < Reform);
        Assert.Contains(inspections, i => i.Date >= Reform);
        Assert.True(inspections.Max(i => i.Date) <= SyntheticFixture.Small.Until);
    }

    [Fact]
    public async Task Every_sanction_cites_a_decree_in_force_on_the_inspection_date_and_fines_have_an_amount()
    {
        using var scope = fx.First.Scope();
        var db = fx.First.Db(scope);
        var sanctions = await db.Set<Sanction>().Join(db.Inspections, s => s.InspectionId, i => i.Id, (s, i) => new { s, i.Date }).ToListAsync();
        var decrees = await db.Decrees.ToDictionaryAsync(d => d.Id);
        Assert.NotEmpty(sanctions);
        Assert.All(sanctions, x =>
        {
            Assert.NotNull(x.s.DecreeId);
            Assert.Null(InspectionRules.DecreeProblem(decrees[x.s.DecreeId!.Value], x.Date));
            if (x.s.Kind == SanctionKind.Fine) Assert.True(x.s.Amount > 0);
            else Assert.Null(x.s.Amount);
        });
        var cited = sanctions.Select(x => decrees[x.s.DecreeId!.Value].Code).Distinct().ToList();
        Assert.Contains("144/2021/NĐ-CP", cited);
    }

    [Fact]
    public async Task Hotspot_lifecycles_follow_the_rules_and_the_state_is_the_last_event()
    {
        using var scope = fx.First.Scope();
        var db = fx.First.Db(scope);
        var hotspots = await db.Hotspots.Include(h => h.Events).ToListAsync();
        Assert.All(hotspots, h =>
        {
            var events = HotspotLifecycle.InOrder(h.Events);
            Assert.Equal(HotspotEventKind.Identified, events[0].Kind);
            for (var i = 1; i < events.Count; i++)
                Assert.Empty(HotspotLifecycle.Check(events.Take(i).ToList(),
                    new LifecycleStep(events[i].Kind, events[i].Date, events[i].ComplexityObserved, false), SyntheticFixture.Small.Until));
            Assert.Equal(HotspotLifecycle.Derive(events), (h.State, h.Complexity));
        });
        Assert.Contains(hotspots, h => h.Events.Any(e => e.Kind == HotspotEventKind.Eliminated));
    }

    [Fact]
    public async Task Owner_names_are_encrypted_at_rest()
    {
        await using var cmd = fx.First.Connection.CreateCommand();
        cmd.CommandText = "SELECT \"OwnerName\" FROM establishments WHERE \"OwnerName\" IS NOT NULL LIMIT 5";
        await using var reader = await cmd.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync()) { Assert.StartsWith("enc1:", reader.GetString(0)); count++; }
        Assert.Equal(5, count);
    }

    [Fact]
    public async Task It_refuses_a_registry_that_already_has_establishments_unless_appending()
    {
        using var scope = fx.OtherSeed.Scope();
        var data = new SyntheticData(fx.OtherSeed.Db(scope), TimeProvider.System);
        var tiny = SyntheticFixture.Small.WithCounts(5, 10, 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => data.Generate(new SyntheticOptions(tiny, 1)));
    }
}
