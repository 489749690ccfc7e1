using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.CommuneModel;

/// <summary>The commune model and the healthy-commune rating of the demo. 2014: the 79 communes of the appendix of KH 08/KH-UBND
/// (71 kept, 8 new) as the plan lists them; 2024: about four old communes in five (those of 2014 kept, the others new), Phú Lãm
/// among them; 2026: about three new communes in four, Phú Lương among them. The checklist is an EXAMPLE (NQLT 01/2008's criteria are not at hand),
/// marked so in its text; ratings: 2014 and 2024 confirmed (about 85 % healthy), 2026 a mix of confirmed, submitted and drafts.
/// Seeded; written in bulk (generated data, no audit rows).</summary>
public sealed class CommuneModelDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 345;

    /// <summary>Example criteria (code, text, maximum, required): the shape of a scored checklist, to be replaced by the real one.</summary>
    public static readonly (string Code, string Text, int Max, bool Required)[] ExampleCriteria =
    [
        ("1", "(Ví dụ) Không có tụ điểm mại dâm hoạt động trên địa bàn", 30, true),
        ("2", "(Ví dụ) Có kế hoạch phòng, chống mại dâm năm và tổ chức thực hiện", 15, false),
        ("3", "(Ví dụ) 100 % cơ sở kinh doanh dịch vụ dễ bị lợi dụng ký cam kết", 15, false),
        ("4", "(Ví dụ) Hoạt động truyền thông được duy trì thường xuyên", 20, false),
        ("5", "(Ví dụ) Đội công tác xã hội tình nguyện, tổ dân phố tham gia quản lý địa bàn", 20, false),
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.ModelCommunes.AnyAsync(ct) || await db.HealthyCriteria.AnyAsync(ct)) return;
        var random = new Random(45);
        var models = new List<ModelCommune>();
        var plan2014 = await db.Plans.Where(p => p.Key == "hn-2014").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var appendix = plan2014 is null ? [] : await db.AppendixItems
            .Where(i => i.OrgUnitId != null && i.Status != null && db.Appendices.Any(a => a.Id == i.AppendixId && a.PlanId == plan2014 && a.Kind == AppendixKind.Communes))
            .Select(i => new { Unit = i.OrgUnitId!.Value, i.Status }).ToListAsync(ct);
        var in2014 = new HashSet<int>();
        foreach (var i in appendix.DistinctBy(i => i.Unit))
        {
            in2014.Add(i.Unit);
            models.Add(new ModelCommune { OrgUnitId = i.Unit, Year = 2014, Status = i.Status == "new" ? ModelStatus.New : ModelStatus.Maintained, PlanId = plan2014 });
        }
        var plan2024 = await db.Plans.Where(p => p.Key == "hn-2024").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var communes = (await tree.All()).Where(n => n.Level == OrgUnitLevel.Commune).OrderBy(n => n.Id).ToList();
        bool ExistsIn(OrgUnitTree.Node n, int y) => (n.ValidFrom is null || n.ValidFrom.Value.Year <= y) && (n.ValidTo is null || n.ValidTo.Value.Year >= y);
        var phuLam2024 = (await tree.Resolve("09568", new DateOnly(2024, 6, 1)))?.Id;
        foreach (var n in communes.Where(n => ExistsIn(n, 2024) && n.ValidTo is not null))
            if (in2014.Contains(n.Id) || n.Id == phuLam2024 || random.Next(10) < 8)
                models.Add(new ModelCommune { OrgUnitId = n.Id, Year = 2024, Status = in2014.Contains(n.Id) ? ModelStatus.Maintained : ModelStatus.New, PlanId = plan2024 });
        foreach (var n in communes.Where(n => n.ValidTo is null && n.ValidFrom is { Year: 2025 }))
            if (random.Next(4) < 3 || n.Code == "09568") models.Add(new ModelCommune { OrgUnitId = n.Id, Year = 2026, Status = ModelStatus.Maintained });

        var criteria = ExampleCriteria.Select((c, i) => new HealthyCriterion { Code = c.Code, Text = c.Text, MaxScore = c.Max, Required = c.Required, Position = i + 1 }).ToList();
        var max = criteria.Sum(c => c.MaxScore);
        var assessments = new List<CommuneAssessment>();
        void Rate(OrgUnitTree.Node n, int year, AssessmentStatus status)
        {
            var healthy = random.Next(100) < 85;
            var scores = criteria.Select(c => new AssessmentScore
            {
                Criterion = c,
                Score = c.Required ? (healthy ? c.MaxScore : 0) : healthy ? c.MaxScore - random.Next(c.MaxScore / 5 + 1) : random.Next(c.MaxScore / 2 + 1),
            }).ToList();
            var total = scores.Sum(s => s.Score);
            var submitted = status != AssessmentStatus.Draft;
            assessments.Add(new CommuneAssessment
            {
                OrgUnitId = n.Id, Year = year, Status = status, Scores = scores, TotalScore = total, MaxScore = max,
                PassPercent = HealthyRules.DefaultPassPercent,
                Healthy = status == AssessmentStatus.Confirmed ? HealthyRatingService.IsHealthy(total, max, HealthyRules.DefaultPassPercent, healthy) : null,
                SubmittedAt = submitted ? new DateTime(year, 11, 20, 2, 0, 0, DateTimeKind.Utc) : null,
                ConfirmedAt = status == AssessmentStatus.Confirmed ? new DateTime(year, 12, 5, 2, 0, 0, DateTimeKind.Utc) : null,
            });
        }
        foreach (var y in new[] { 2014, 2024 })
            foreach (var n in communes.Where(n => ExistsIn(n, y) && n.ValidTo is not null)) Rate(n, y, AssessmentStatus.Confirmed);
        foreach (var n in communes.Where(n => n.ValidTo is null && n.ValidFrom is { Year: 2025 }))
            // Phú Lương (the demo ward) has sent its 2026 assessment: the coordinator's to confirm.
            if (n.Code == "09568") Rate(n, 2026, AssessmentStatus.Submitted);
            else if (random.Next(10) is var r && r < 9)
                Rate(n, 2026, r < 5 ? AssessmentStatus.Confirmed : r < 7 ? AssessmentStatus.Submitted : AssessmentStatus.Draft);

        await using var w = await BulkWriter.Open(db, ct);
        var id = await w.NextId<ModelCommune>(ct);
        foreach (var m in models) m.Id = id++;
        await w.Write(models, ct);
        id = await w.NextId<HealthyCriterion>(ct);
        foreach (var c in criteria) c.Id = id++;
        await w.Write(criteria, ct);
        id = await w.NextId<CommuneAssessment>(ct);
        foreach (var a in assessments) a.Id = id++;
        var scoreRows = assessments.SelectMany(a => a.Scores.Select(s => new AssessmentScore { AssessmentId = a.Id, CriterionId = s.Criterion!.Id, Score = s.Score })).ToList();
        foreach (var a in assessments) a.Scores = [];
        await w.Write(assessments, ct);
        id = await w.NextId<AssessmentScore>(ct);
        foreach (var s in scoreRows) s.Id = id++;
        await w.Write(scoreRows, ct);
        await w.CommitAsync(ct);
    }
}
