using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Reference;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>The synthetic data generator (docs/synthetic-data.md): establishments, inspection teams, inspections with
/// members, violations and sanctions, and hotspots with their lifecycles, for the demo, the city or the whole country.
/// Everything is drawn from one <see cref="Random"/> seeded by the caller, walking units and catalogues in code order,
/// so a seed gives the same records on SQLite and PostgreSQL. Written in bulk in one transaction (<see cref="BulkWriter"/>).</summary>
public sealed partial class SyntheticData(PcmdDbContext db, TimeProvider clock)
{
    /// <summary>Establishments whose inspections are made and written together: bounds memory at country scale.</summary>
    const int Chunk = 20_000;

    /// <summary>From this many inspections (city and country scales) PostgreSQL builds the big tables' indexes and checks
    /// their foreign keys once, after loading (<see cref="BulkWriter.DeferIndexes{T}"/>).</summary>
    const int BigLoad = 100_000;

    /// <summary>Loads what the scale needs and is missing: its provinces' units from the address package, and the
    /// reference catalogues (establishment types, decrees, violation types).</summary>
    public async Task EnsurePrerequisites(SyntheticScale scale, AddressPackageImporter importer, ReferenceData reference,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var loaded = await db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Province && u.ValidTo == null).Select(u => u.Code).ToListAsync(ct);
        foreach (var code in scale.Provinces.Except(loaded))
        {
            var result = await importer.ImportProvince(code, null, ct);
            progress?.Report($"Province {code}: {result.Communes} communes, {result.OldCommunes} old communes, {result.MappingsAdded} mappings");
        }
        await reference.EnsureLoaded(ct);
    }

    public async Task<SyntheticResult> Generate(SyntheticOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (options.TipsAndCasesOnly) return await GenerateTipsAndCases(options, progress, ct);
        if (options.SupportOnly) return await GenerateSupport(options, progress, ct);
        if (options.ActivitiesOnly) return await GenerateActivities(options, progress, ct);
        if (!options.Append && await db.Establishments.AnyAsync(ct))
            throw new InvalidOperationException("The database already has establishments: synthetic data is only added to an empty registry, unless appending is asked for (--append).");
        var scale = options.Scale;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (scale.Until > today) scale = scale with { Until = today }; // never records dated in the future
        var r = new Random(options.Seed);
        var total = Stopwatch.StartNew();
        var writing = new Stopwatch();

        var units = await SyntheticUnits.Load(db, scale, r, ct);
        var types = await db.EstablishmentTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Code).ToListAsync(ct);
        var decrees = await db.Decrees.AsNoTracking().OrderBy(d => d.ValidFrom).ToListAsync(ct);
        var violations = await db.ViolationTypes.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.Code).ToListAsync(ct);
        if (types.Count == 0 || violations.Count == 0 || decrees.Count == 0)
            throw new InvalidOperationException("The reference catalogues are not loaded (ReferenceData.EnsureLoaded).");
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).OrderBy(a => a.Code).ToListAsync(ct);
        var licences = options.Append
            ? (await db.Establishments.Where(e => e.LicenceNumber != null).Select(e => e.LicenceNumber!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

        var supportRandom = new Random(options.Seed ^ SupportSeedMix);
        var staff = await SupportStaff(scale, units, supportRandom, ct);
        await using var w = await BulkWriter.Open(db, ct);
        async Task Write<T>(IReadOnlyList<T> rows) where T : class
        {
            writing.Start();
            await w.Write(rows, ct);
            writing.Stop();
        }

        if (scale.Inspections >= BigLoad)
        {
            await w.DeferIndexes<Establishment>(ct);
            await w.DeferIndexes<Inspection>(ct);
            await w.DeferIndexes<InspectionMember>(ct);
            await w.DeferIndexes<InspectionViolation>(ct);
            await w.DeferIndexes<Sanction>(ct);
        }
        var establishmentId = await w.NextId<Establishment>(ct);
        var faker = new EstablishmentFaker(r, scale, types, licences);
        var sample = units.Sampler();
        var all = new List<FakeEstablishment>(scale.Establishments);
        for (var i = 0; i < scale.Establishments; i++) all.Add(faker.Make(establishmentId++, sample(r)));
        await Write(all.Select(e => e.Entity).ToList());
        progress?.Report($"{all.Count} establishments");

        var teams = new TeamFaker(r);
        int teamId = await w.NextId<InspectionTeam>(ct), memberId = await w.NextId<TeamMember>(ct);
        // A ward whose team is already recorded keeps it: its leader and deputies come first, as the faker expects.
        var existingTeams = (await db.InspectionTeams.AsNoTracking().Include(t => t.Members).Where(t => t.IsActive).OrderBy(t => t.Id).ToListAsync(ct))
            .Select(t => { t.Members = t.Members.Where(m => m.IsActive).OrderBy(m => m.Role).ThenBy(m => m.Id).Take(TeamFaker.MembersPerTeam).ToList(); return t; })
            .Where(t => t.Members.Count == TeamFaker.MembersPerTeam && t.Members[0].Role == TeamRole.Leader && t.Members[1].Role != TeamRole.Member)
            .GroupBy(t => t.OrgUnitId).ToDictionary(g => g.Key, g => g.First());
        teams.Make(units, agencies, ref teamId, ref memberId, existingTeams);
        await Write(teams.Teams);
        await Write(teams.Teams.SelectMany(t => t.Members).ToList());
        progress?.Report($"{teams.Teams.Count} inspection teams");

        var visits = new InspectionFaker(r, scale, teams, decrees, violations)
        {
            NextInspectionId = await w.NextId<Inspection>(ct), NextMemberId = await w.NextId<InspectionMember>(ct),
            NextViolationId = await w.NextId<InspectionViolation>(ct), NextSanctionId = await w.NextId<Sanction>(ct),
        };
        visits.Calibrate(all);
        for (var start = 0; start < all.Count; start += Chunk)
        {
            foreach (var e in all.Skip(start).Take(Chunk)) visits.Make(e);
            await Write(visits.Inspections);
            await Write(visits.Members);
            await Write(visits.Violations);
            await Write(visits.Sanctions);
            visits.ClearChunk();
            progress?.Report($"{visits.Count} inspections ({Math.Min(start + Chunk, all.Count)} of {all.Count} establishments)");
        }

        var spots = new HotspotFaker(r, scale);
        int hotspotId = await w.NextId<Hotspot>(ct), eventId = await w.NextId<HotspotEvent>(ct);
        spots.Make(scale.Hotspots, units, all, ref hotspotId, ref eventId);
        await Write(spots.Hotspots);
        await Write(spots.Events);
        progress?.Report($"{spots.Hotspots.Count} hotspots");

        var enforcement = await TipsAndCases(w, writing, scale, r, units, all, decrees, progress, ct);
        var support = await Support(w, writing, scale, supportRandom, units, staff, progress, ct);
        var activities = await Activities(w, writing, scale, new Random(options.Seed ^ ActivitySeedMix), units, progress, ct);

        writing.Start();
        await w.CommitAsync(ct);
        writing.Stop();
        progress?.Report("written: " + string.Join(", ", w.Timings.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0} s")));
        total.Stop();
        return new SyntheticResult(scale.Name, options.Seed, units.Communes.Count, units.OldCommuneCount, all.Count, teams.Teams.Count,
            teams.Teams.Sum(t => t.Members.Count), visits.Count, visits.MemberCount, visits.ViolationCount, visits.SanctionCount,
            spots.Hotspots.Count, spots.Events.Count, total.Elapsed - writing.Elapsed, writing.Elapsed) { Enforcement = enforcement, Support = support, Activities = activities };
    }
}
