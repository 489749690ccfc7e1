using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.CommuneModel;

/// <summary>The healthy-commune rating: the checklist an administrator (or the coordinator) defines, and each commune's yearly
/// self-assessment, written and submitted by the ward, confirmed or returned by the coordinator.</summary>
public sealed class HealthyRatingService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public static bool CanDefine(UserScope s) => s.IsGlobal || s.IsInRole(Roles.Admin) || s.IsInRole(Roles.Coordinator);

    /// <summary>The coordinator confirms the wards' ratings (KH 2014 of Hà Nội §IV.1: "chấm điểm, phân loại, đánh giá chuyển hóa").</summary>
    public static bool CanReview(UserScope s) => s.IsGlobal || s.IsInRole(Roles.Coordinator);

    public static bool CanEditIn(UserScope s, int unitId) => ModelCommuneService.CanEditIn(s, unitId);

    /// <summary>Healthy: at least the pass mark of the maximum, and every required criterion in full.</summary>
    public static bool IsHealthy(int total, int max, int passPercent, bool requiredMet) => requiredMet && max > 0 && total * 100L >= (long)passPercent * max;

    public async Task<List<CriterionDto>> Criteria(bool activeOnly, CancellationToken ct = default) =>
        (await db.HealthyCriteria.AsNoTracking().Where(c => !activeOnly || c.Active).ToListAsync(ct))
        .OrderBy(c => c.Position).ThenBy(c => c.Code, StringComparer.Ordinal).Select(ToDto).ToList();

    public async Task<HealthyCriterion> SaveCriterion(UserScope scope, int? id, CriterionInput input, CancellationToken ct = default)
    {
        if (!CanDefine(scope)) throw new ForbiddenException();
        var errors = new ErrorList();
        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code)) errors.Add("code", "Nhập số thứ tự của tiêu chí.");
        else if (code.Length > 20) errors.Add("code", "Số thứ tự dài quá 20 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "Nhập nội dung tiêu chí.");
        else if (input.Text.Trim().Length > 1000) errors.Add("text", "Nội dung tiêu chí dài quá 1.000 ký tự.");
        if (input.MaxScore is not { } max) errors.Add("maxScore", "Nhập điểm tối đa của tiêu chí.");
        else if (max is < 1 or > HealthyRules.MaxCriterionScore) errors.Add("maxScore", $"Điểm tối đa phải từ 1 đến {HealthyRules.MaxCriterionScore}.");
        if (input.Position is < 0 or > 10_000) errors.Add("position", "Thứ tự không hợp lệ.");
        if (code is { Length: > 0 } && await db.HealthyCriteria.AnyAsync(c => c.Code == code && c.Id != id, ct))
            errors.Add("code", "Đã có tiêu chí mang số thứ tự này.");
        errors.ThrowIfAny();
        HealthyCriterion c;
        if (id is { } existing)
        {
            c = await db.HealthyCriteria.FirstOrDefaultAsync(x => x.Id == existing, ct) ?? throw new NotFoundException();
            db.Expect(c, input.Version);
        }
        else db.HealthyCriteria.Add(c = new HealthyCriterion { Position = await db.HealthyCriteria.CountAsync(ct) + 1 });
        c.Code = code!;
        c.Text = input.Text!.Trim();
        c.MaxScore = input.MaxScore!.Value;
        c.Required = input.Required ?? false;
        if (input.Position is { } pos) c.Position = pos;
        c.Active = input.Active ?? true;
        try { await db.SaveVersioned(ct); }
        catch (DbUpdateException) { throw ValidationException.One("code", "Đã có tiêu chí mang số thứ tự này."); }
        return c;
    }

    public async Task<HealthyRuleDto> Rule(CancellationToken ct = default)
    {
        var r = await db.HealthyRules.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        return new HealthyRuleDto(r?.PassPercent ?? HealthyRules.DefaultPassPercent, r?.Version ?? 0);
    }

    public async Task<HealthyRuleDto> SetRule(UserScope scope, HealthyRuleInput input, CancellationToken ct = default)
    {
        if (!CanDefine(scope)) throw new ForbiddenException();
        if (input.PassPercent is not (>= 1 and <= 100)) throw ValidationException.One("passPercent", "Mức đạt phải từ 1 đến 100 % tổng điểm tối đa.");
        var r = await db.HealthyRules.OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        if (r is not null) db.Expect(r, input.Version);
        else if (input.Version != 0) throw new ConflictException();
        else db.HealthyRules.Add(r = new HealthyRule { Version = 1 });
        r.PassPercent = input.PassPercent.Value;
        await db.SaveVersioned(ct);
        return new HealthyRuleDto(r.PassPercent, r.Version);
    }

    public async Task<AssessmentList> List(UserScope scope, int year, int? unit, CancellationToken ct = default)
    {
        var q = db.CommuneAssessments.AsNoTracking().InReadableScope(db, scope, a => a.OrgUnitId).Where(a => a.Year == year);
        if (unit is { } u)
        {
            await tree.EnsureReadable(scope, u);
            q = q.InAreaOf(db, u, a => a.OrgUnitId);
        }
        var rows = await q.Include(a => a.OrgUnit).OrderBy(a => a.OrgUnitId).ToListAsync(ct);
        var items = rows.Select(a => ToDto(scope, a, [])).OrderBy(a => a.OrgUnitName, VietnameseText.Comparer).ToList();
        return new AssessmentList(year, items.Count(a => a.Status == AssessmentStatus.Confirmed), items.Count(a => a.Healthy == true), items);
    }

    public async Task<AssessmentDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var a = await db.CommuneAssessments.AsNoTracking().Include(x => x.OrgUnit).Include(x => x.Scores).ThenInclude(s => s.Criterion)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(a.OrgUnitId)) throw audit.Denied(nameof(CommuneAssessment), id, new NotFoundException());
        return ToDto(scope, a, await Criteria(true, ct));
    }

    public async Task<CommuneAssessment> Create(UserScope scope, AssessmentInput input, CancellationToken ct = default)
    {
        if (!ModelCommuneService.CanEdit(scope)) throw new ForbiddenException();
        var criteria = await Validate(scope, input, null, ct);
        var a = new CommuneAssessment { OrgUnitId = input.OrgUnitId!.Value, Year = input.Year!.Value, Status = AssessmentStatus.Draft };
        Fill(a, input, criteria);
        db.CommuneAssessments.Add(a);
        try { await db.SaveVersioned(ct); }
        catch (DbUpdateException) { throw ValidationException.One("orgUnitId", DuplicateYear); }
        return a;
    }

    public async Task<CommuneAssessment> Update(UserScope scope, int id, AssessmentInput input, CancellationToken ct = default)
    {
        var a = await Load(scope, id, ct);
        if (a.Status is not (AssessmentStatus.Draft or AssessmentStatus.Returned))
            throw ValidationException.One("status", "Bản tự đánh giá đã gửi, không sửa được; đề nghị cơ quan thường trực trả lại để sửa.");
        var criteria = await Validate(scope, input with { OrgUnitId = a.OrgUnitId, Year = a.Year }, id, ct);
        db.Expect(a, input.Version);
        db.RemoveRange(a.Scores);
        a.Scores.Clear();
        Fill(a, input, criteria);
        await db.SaveVersioned(ct);
        return a;
    }

    /// <summary>The ward sends its assessment: every active criterion must be scored; the totals and the pass mark are frozen.</summary>
    public async Task<CommuneAssessment> Submit(UserScope scope, int id, AssessmentAction action, CancellationToken ct = default)
    {
        var a = await Load(scope, id, ct);
        if (a.Status is not (AssessmentStatus.Draft or AssessmentStatus.Returned)) throw ValidationException.One("status", "Bản tự đánh giá đã được gửi.");
        db.Expect(a, action.Version);
        var criteria = await db.HealthyCriteria.Where(c => c.Active).ToListAsync(ct);
        if (criteria.Count == 0) throw ValidationException.One("scores", "Chưa có bộ tiêu chí: quản trị hệ thống cần khai báo tiêu chí trước.");
        var missing = criteria.Where(c => a.Scores.All(s => s.CriterionId != c.Id)).Select(c => c.Code).ToList();
        if (missing.Count > 0) throw ValidationException.One("scores", "Chưa chấm điểm các tiêu chí: " + string.Join(", ", missing) + ".");
        var scored = a.Scores.Where(s => criteria.Any(c => c.Id == s.CriterionId)).ToList();
        a.TotalScore = scored.Sum(s => s.Score);
        a.MaxScore = criteria.Sum(c => c.MaxScore);
        a.PassPercent = (await Rule(ct)).PassPercent;
        a.Status = AssessmentStatus.Submitted;
        a.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveVersioned(ct);
        return a;
    }

    /// <summary>The coordinator confirms (the rating becomes final: healthy or not) or returns it with a note.</summary>
    public async Task<CommuneAssessment> Review(UserScope scope, int id, bool confirm, AssessmentAction action, CancellationToken ct = default)
    {
        var a = await db.CommuneAssessments.Include(x => x.Scores).ThenInclude(s => s.Criterion).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        if (!scope.CanReadUnit(a.OrgUnitId)) throw audit.Denied(nameof(CommuneAssessment), id, new NotFoundException());
        if (!CanReview(scope) || !scope.CanWriteUnit(a.OrgUnitId)) throw audit.Denied(nameof(CommuneAssessment), id, new ForbiddenException());
        if (a.Status != AssessmentStatus.Submitted) throw ValidationException.One("status", "Chỉ xác nhận hoặc trả lại bản tự đánh giá đã gửi.");
        if (!confirm && string.IsNullOrWhiteSpace(action.Note)) throw ValidationException.One("note", "Nêu lý do trả lại.");
        if (action.Note?.Trim().Length > 2000) throw ValidationException.One("note", "Ghi chú dài quá 2.000 ký tự.");
        db.Expect(a, action.Version);
        a.ReviewNote = string.IsNullOrWhiteSpace(action.Note) ? null : action.Note.Trim();
        if (confirm)
        {
            var requiredMet = a.Scores.Where(s => s.Criterion is { Required: true }).All(s => s.Score >= s.Criterion!.MaxScore);
            a.Healthy = IsHealthy(a.TotalScore, a.MaxScore, a.PassPercent, requiredMet);
            a.Status = AssessmentStatus.Confirmed;
            a.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        }
        else a.Status = AssessmentStatus.Returned;
        await db.SaveVersioned(ct);
        return a;
    }

    const string DuplicateYear = "Xã, phường này đã có bản tự đánh giá của năm.";

    async Task<CommuneAssessment> Load(UserScope scope, int id, CancellationToken ct)
    {
        var a = await db.CommuneAssessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(a.OrgUnitId)) throw audit.Denied(nameof(CommuneAssessment), id, new NotFoundException());
        if (!CanEditIn(scope, a.OrgUnitId)) throw audit.Denied(nameof(CommuneAssessment), id, new ForbiddenException());
        return a;
    }

    static void Fill(CommuneAssessment a, AssessmentInput input, Dictionary<int, HealthyCriterion> criteria)
    {
        a.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        a.Scores.AddRange((input.Scores ?? []).Select(s => new AssessmentScore { CriterionId = s.CriterionId!.Value, Score = s.Score!.Value }));
        a.TotalScore = a.Scores.Sum(s => s.Score);
        a.MaxScore = criteria.Values.Where(c => c.Active).Sum(c => c.MaxScore);
    }

    async Task<Dictionary<int, HealthyCriterion>> Validate(UserScope scope, AssessmentInput input, int? id, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.Year is not { } year) errors.Add("year", "Nhập năm đánh giá.");
        else if (year is < ModelCommuneService.MinYear or > ModelCommuneService.MaxYear)
            errors.Add("year", $"Năm đánh giá phải từ {ModelCommuneService.MinYear} đến {ModelCommuneService.MaxYear}.");
        if (input.Note?.Trim().Length > 2000) errors.Add("note", "Ghi chú dài quá 2.000 ký tự.");
        await CommuneRules.CheckCommune(tree, scope, input.OrgUnitId, input.Year, errors);
        var criteria = await db.HealthyCriteria.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var scores = input.Scores ?? [];
        if (scores.Count > Math.Max(criteria.Count, 1)) errors.Add("scores", "Mỗi tiêu chí chỉ chấm một lần.");
        for (var i = 0; i < scores.Count && i < 200; i++)
        {
            var s = scores[i];
            if (s.CriterionId is not { } cid || !criteria.TryGetValue(cid, out var c) || !c.Active)
                errors.Add($"scores[{i}].criterionId", "Không có tiêu chí này trong bộ tiêu chí đang dùng.");
            else if (s.Score is not { } v) errors.Add($"scores[{i}].score", $"Nhập điểm của tiêu chí {c.Code}.");
            else if (v < 0) errors.Add($"scores[{i}].score", $"Điểm của tiêu chí {c.Code} không được âm.");
            else if (v > c.MaxScore) errors.Add($"scores[{i}].score", $"Điểm của tiêu chí {c.Code} vượt quá điểm tối đa ({c.MaxScore}).");
        }
        if (scores.Where(s => s.CriterionId is not null).GroupBy(s => s.CriterionId).Any(g => g.Count() > 1)) errors.Add("scores", "Mỗi tiêu chí chỉ chấm một lần.");
        if (!errors.Any && await db.CommuneAssessments.AnyAsync(a => a.OrgUnitId == input.OrgUnitId && a.Year == input.Year && a.Id != id, ct))
            errors.Add("orgUnitId", DuplicateYear);
        errors.ThrowIfAny();
        return criteria;
    }

    static CriterionDto ToDto(HealthyCriterion c) => new(c.Id, c.Code, c.Text, c.MaxScore, c.Required, c.Position, c.Active, c.Version);

    AssessmentDto ToDto(UserScope scope, CommuneAssessment a, List<CriterionDto> active)
    {
        // A draft lists every active criterion (unscored ones at 0) so that the form shows the whole checklist.
        var scores = a.Scores.Where(s => s.Criterion is not null)
            .Select(s => new ScoreDto(s.CriterionId, s.Criterion!.Code, s.Criterion.Text, s.Criterion.MaxScore, s.Criterion.Required, s.Score)).ToList();
        if (a.Status is AssessmentStatus.Draft or AssessmentStatus.Returned)
            scores.AddRange(active.Where(c => scores.All(s => s.CriterionId != c.Id)).Select(c => new ScoreDto(c.Id, c.Code, c.Text, c.MaxScore, c.Required, 0)));
        var editable = a.Status is AssessmentStatus.Draft or AssessmentStatus.Returned && CanEditIn(scope, a.OrgUnitId);
        return new(a.Id, a.OrgUnitId, a.OrgUnit?.Name ?? "", a.Year, a.Status, a.TotalScore, a.MaxScore, a.PassPercent, a.Healthy, a.Note, a.ReviewNote,
            scores, a.Version, editable, a.Status == AssessmentStatus.Submitted && CanReview(scope) && scope.CanWriteUnit(a.OrgUnitId));
    }
}
