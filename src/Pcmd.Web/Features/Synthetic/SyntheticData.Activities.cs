using Pcmd.Web.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Commendations;
using Pcmd.Web.Features.Communication;
using Pcmd.Web.Features.CommuneModel;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Training;
using Pcmd.Web.Features.UnitDocuments;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>The programme activities part of the generator (issue 13, item 8): communication events, the staff roster and
/// training courses, so that 3.1.2 and 3.2.3.a/b of the 2026–2030 plan read believable figures on city and country data. Its own
/// <see cref="Random"/> (the seed mixed with a constant), so that adding it changed none of the records drawn before.</summary>
public sealed partial class SyntheticData
{
    const int ActivitySeedMix = 0xAC7113;

    async Task<SyntheticResult> GenerateActivities(SyntheticOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var scale = options.Scale;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (scale.Until > today) scale = scale with { Until = today };
        var total = Stopwatch.StartNew();
        var writing = new Stopwatch();
        var units = await SyntheticUnits.Load(db, scale, new Random(options.Seed), ct);
        await using var w = await BulkWriter.Open(db, ct);
        var made = await Activities(w, writing, scale, new Random(options.Seed ^ ActivitySeedMix), units, progress, ct);
        writing.Start();
        await w.CommitAsync(ct);
        writing.Stop();
        return new SyntheticResult(scale.Name, options.Seed, units.Communes.Count, units.OldCommuneCount, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            total.Elapsed - writing.Elapsed, writing.Elapsed) { Activities = made };
    }

    async Task<ActivitiesMade> Activities(BulkWriter w, Stopwatch writing, SyntheticScale scale, Random r, SyntheticUnits units,
        IProgress<string>? progress, CancellationToken ct)
    {
        if (!scale.Activities) return new ActivitiesMade(0, 0, 0, 0, 0, 0, 0);
        async Task Write<T>(IReadOnlyList<T> rows) where T : class
        {
            writing.Start();
            await w.Write(rows, ct);
            writing.Stop();
        }
        var provinces = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgUnitLevel.Province && u.ValidTo == null && scale.Provinces.Contains(u.Code))
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var faker = new ActivityFaker(r, scale)
        {
            NextEventId = await w.NextId<CommunicationEvent>(ct), NextAudienceId = await w.NextId<EventAudience>(ct),
            NextRosterId = await w.NextId<StaffRoster>(ct), NextCourseId = await w.NextId<TrainingCourse>(ct),
            NextParticipantId = await w.NextId<TrainingParticipant>(ct), NextDocumentId = await w.NextId<UnitDocument>(ct),
            NextModelId = await w.NextId<ModelCommune>(ct), NextCommendationId = await w.NextId<Commendation>(ct),
            NextAssessmentId = await w.NextId<CommuneAssessment>(ct), NextScoreId = await w.NextId<AssessmentScore>(ct),
            NextBudgetId = await w.NextId<Pcmd.Web.Features.Budget.BudgetLine>(ct),
        };
        var criteria = await db.HealthyCriteria.AsNoTracking().Where(k => k.Active).OrderBy(k => k.Position).ToListAsync(ct);
        var passPercent = await db.HealthyRules.Select(x => (int?)x.PassPercent).FirstOrDefaultAsync(ct) ?? HealthyRules.DefaultPassPercent;
        // The city's 2026–2030 plan when loaded (the demo plans): communes' and assigned agencies' plan documents implement it (3.1.1).
        var planId = await db.Plans.AsNoTracking().Where(p => p.Key == "hn-2026-2030").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is { } plan)
            faker.AgencyDocuments((await PlanCascade.AssignedAgencies(db, plan).Select(a => new { a.Id, a.OrgUnitId }).ToListAsync(ct))
                .Select(a => (a.Id, a.OrgUnitId)), plan);
        var made = new ActivitiesMade(0, 0, 0, 0, 0, 0, 0);
        foreach (var p in provinces)
        {
            // The province's own agencies (Sở, Công an, đoàn thể…): at most ten, as a city plan names; without any recorded, the
            // province's staff as one roster.
            var agencies = await db.Agencies.AsNoTracking().Where(a => a.OrgUnitId == p.Id && a.ValidTo == null).OrderBy(a => a.Code)
                .Select(a => (int?)a.Id).Take(10).ToListAsync(ct);
            if (agencies.Count == 0) agencies.Add(null);
            var courses = faker.ProvinceCourses(p.Id, p.Name, agencies);
            foreach (var c in units.Communes.Where(c => c.ProvinceCode == p.Code))
            {
                faker.Communication(c);
                faker.CommuneStaff(c, courses);
                faker.CommuneDocuments(c, planId);
                faker.ModelAndCommendations(c);
                faker.Healthy(c, criteria, passPercent);
                if (planId is { } budgetPlan && c.ProvinceCode == "01") faker.CommuneBudget(c, budgetPlan);
            }
            await Write(faker.Events);
            await Write(faker.Audiences);
            await Write(faker.Rosters);
            await Write(faker.Courses);
            await Write(faker.Participants);
            await Write(faker.Documents);
            await Write(faker.Models);
            await Write(faker.Commendations);
            await Write(faker.Assessments);
            await Write(faker.Scores);
            await Write(faker.Budget);
            made = new ActivitiesMade(made.Events + faker.Events.Count, made.Rosters + faker.Rosters.Count, made.Courses + faker.Courses.Count,
                made.Participants + faker.Participants.Count,
                made.Documents + faker.Documents.Count,
                made.ModelCommunes + faker.Models.Count, made.Commendations + faker.Commendations.Count)
                { Assessments = made.Assessments + faker.Assessments.Count, BudgetLines = made.BudgetLines + faker.Budget.Count };
            faker.Events.Clear(); faker.Audiences.Clear(); faker.Rosters.Clear(); faker.Courses.Clear(); faker.Participants.Clear(); faker.Documents.Clear(); faker.Models.Clear(); faker.Commendations.Clear();
            faker.Assessments.Clear(); faker.Scores.Clear(); faker.Budget.Clear();
            progress?.Report(made.ToString());
        }
        return made;
    }
}

/// <summary>What the activities part of the generator made.</summary>
public sealed record ActivitiesMade(int Events, int Rosters, int Courses, int Participants, int Documents, int ModelCommunes, int Commendations)
{
    public int Assessments { get; init; }
    public int BudgetLines { get; init; }

    public override string ToString() =>
        $"{Events} communication events, {Rosters} roster rows, {Courses} training courses ({Participants} participant rows), {Documents} unit documents, " +
        $"{ModelCommunes} model-commune rows, {Commendations} commendations, {Assessments} healthy-commune assessments, {BudgetLines} budget lines";
}
