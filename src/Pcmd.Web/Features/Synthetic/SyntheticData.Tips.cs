using Pcmd.Web.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Enforcement;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Tips;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>The tips and enforcement part of the generator (issue 11, item 7), drawn after the registries from the same
/// <see cref="Random"/>, so that adding it changed none of the records drawn before.</summary>
public sealed partial class SyntheticData
{
    /// <summary>Tips made and written together: bounds memory at country scale (≈ 5 steps a tip).</summary>
    const int TipChunk = 50_000;

    async Task<SyntheticResult> GenerateTipsAndCases(SyntheticOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var scale = options.Scale;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (scale.Until > today) scale = scale with { Until = today };
        var r = new Random(options.Seed);
        var total = Stopwatch.StartNew();
        var writing = new Stopwatch();
        var units = await SyntheticUnits.Load(db, scale, r, ct);
        var decrees = await db.Decrees.AsNoTracking().OrderBy(d => d.ValidFrom).ToListAsync(ct);
        if (decrees.Count == 0) throw new InvalidOperationException("The reference catalogues are not loaded (ReferenceData.EnsureLoaded).");
        await using var w = await BulkWriter.Open(db, ct);
        var made = await TipsAndCases(w, writing, scale, r, units, [], decrees, progress, ct);
        writing.Start();
        await w.CommitAsync(ct);
        writing.Stop();
        return new SyntheticResult(scale.Name, options.Seed, units.Communes.Count, units.OldCommuneCount, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            total.Elapsed - writing.Elapsed, writing.Elapsed) { Enforcement = made };
    }

    async Task<TipsAndCases> TipsAndCases(BulkWriter w, Stopwatch writing, SyntheticScale scale, Random r, SyntheticUnits units,
        List<FakeEstablishment> establishments, List<Decree> decrees, IProgress<string>? progress, CancellationToken ct)
    {
        if (scale.Tips == 0 && scale.CriminalCases == 0 && scale.AdministrativeSanctions == 0) return new TipsAndCases(0, 0, 0, 0, 0);
        async Task Write<T>(IReadOnlyList<T> rows) where T : class
        {
            writing.Start();
            await w.Write(rows, ct);
            writing.Stop();
        }
        if (scale.Tips >= BigLoad)
        {
            await w.DeferIndexes<Tip>(ct);
            await w.DeferIndexes<TipStep>(ct);
        }
        var provinces = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgUnitLevel.Province && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var calendar = new WorkCalendar.WorkDays((await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.DayOff }).ToListAsync(ct))
            .Select(d => (d.Date, d.DayOff)));
        var sample = units.Sampler();
        var tips = new TipFaker(r, scale, provinces, calendar)
        {
            NextTipId = await w.NextId<Tip>(ct), NextStepId = await w.NextId<TipStep>(ct), NextExtensionId = await w.NextId<TipExtension>(ct),
        };
        var extensions = 0;
        for (var done = 0; done < scale.Tips; done += TipChunk)
        {
            for (var i = done; i < Math.Min(scale.Tips, done + TipChunk); i++) tips.Make(sample(r));
            await Write(tips.Tips);
            await Write(tips.Steps);
            await Write(tips.Extensions);
            extensions += tips.Extensions.Count;
            tips.ClearChunk();
            progress?.Report($"{tips.Count} tips ({tips.StepCount} steps)");
        }

        var enforcement = new EnforcementFaker(r, scale, decrees)
        {
            NextCaseId = await w.NextId<CriminalCase>(ct), NextSanctionId = await w.NextId<AdministrativeSanction>(ct),
        };
        for (var i = 0; i < scale.CriminalCases; i++) enforcement.MakeCase(sample(r));
        for (var i = 0; i < scale.AdministrativeSanctions; i++)
            enforcement.MakeSanction(sample(r), establishments.Count == 0 ? null : establishments[r.Next(establishments.Count)]);
        await Write(enforcement.Cases);
        await Write(enforcement.Sanctions);
        progress?.Report($"{enforcement.Cases.Count} criminal cases, {enforcement.Sanctions.Count} administrative sanctions");
        return new TipsAndCases(tips.Count, tips.StepCount, extensions, enforcement.Cases.Count, enforcement.Sanctions.Count);
    }
}
