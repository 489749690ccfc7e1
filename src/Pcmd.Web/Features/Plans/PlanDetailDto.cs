using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Plans;

public sealed record Ref(int Id, string Code, string Name);
/// <summary><paramref name="EndedOn"/>: the agency was dissolved or merged (before today); <paramref name="Successor"/> took over its work.</summary>
public sealed record AssignmentView(int AgencyId, string AgencyCode, string AgencyName, AssignmentRole Role, bool Requested, DateOnly? EndedOn = null,
    Ref? Successor = null);
/// <summary>A plan whose issuer was abolished (issue 16, item 5): who issued it, when that body or unit ended, and who took over
/// its follow-up — the issuing agency's successor or, without one, the units the issuing unit's area passed to.</summary>
public sealed record IssuerTakeover(string Issuer, DateOnly EndedOn, List<Ref> Agencies, List<Ref> Units);
public sealed record TargetRow(int? Year, int? OrgUnitId, string? OrgUnitName, decimal? Value, decimal? Min, decimal? Max);
public sealed record IndicatorView(int Id, string Number, string Text, string? UnitOfMeasure, TargetKind? TargetKind, decimal? Value, decimal? Min,
    decimal? Max, string? Numerator, string? Denominator, MeasurementWindow Window, string? Note, List<TargetRow> Targets, List<AssignmentView> Assignments);
public sealed record TaskView(int Id, string Number, string? Section, string Text, TimingKind TimingKind, Frequency? Frequency, DateOnly? DueDate,
    string? TimingText, List<AssignmentView> Assignments);
public sealed record AppendixItemView(int Id, string Name, int? OrgUnitId, string? OrgUnitName, string? UnitName, ComplexityLevel? Complexity, string? Status, string? Note);
public sealed record AppendixView(int Id, string Number, string Title, AppendixKind Kind, List<AppendixItemView> Items);
public sealed record ScheduleView(ReportKind Kind, int? DueDay, int? DueMonth, int? ConsolidationDueDay, int? ConsolidationDueMonth, Ref? Recipient, string? Note);
/// <summary>What makes the plan its own document (issue 16): the date's precision, Mục đích and Yêu cầu, the signature
/// block, Nơi nhận, and a parent plan cited from outside PCMD.</summary>
public sealed record PlanDocumentView(DatePrecision? IssuedPrecision, List<string> Purpose, List<string> Requirements, List<string> SignerForm,
    string? SignerTitle, string? SignerName, List<string> Recipients, string? ParentNumber, DateOnly? ParentIssuedOn, string? ParentIssuer);
public sealed record PlanDetailDto(int Id, int Version, string Key, string Title, string? Number, DateOnly? IssuedOn, PlanLevel Level,
    Ref IssuingUnit, Ref? IssuingAgency, Ref? CoordinatingAgency, int PeriodFrom, int PeriodTo, Ref? Parent, List<string> LegalBasis,
    List<PlanObjective> Objectives, List<IndicatorView> Indicators, List<TaskView> Tasks, List<AppendixView> Appendices, List<ScheduleView> ReportSchedule,
    bool CanEdit, PlanDocumentView Document, IssuerTakeover? Takeover = null);

public static class PlanDetailMapping
{
    static List<AssignmentView> A(IEnumerable<Assignment> all, DateOnly today) => all.OrderBy(a => a.Role).ThenBy(a => a.Position)
        .Select(a => new AssignmentView(a.AgencyId, a.Agency!.Code, a.Agency.Name, a.Role, a.Requested,
            Ended(a.Agency.ValidTo, today), Ended(a.Agency.ValidTo, today) is null || a.Agency.Successor is not { } s ? null : new Ref(s.Id, s.Code, s.Name))).ToList();

    static DateOnly? Ended(DateOnly? validTo, DateOnly today) => validTo < today ? validTo : null;

    public static PlanDetailDto ToDetail(this Plan p, bool canEdit) => p.ToDetail(canEdit, DateOnly.FromDateTime(DateTime.Today));

    public static PlanDetailDto ToDetail(this Plan p, bool canEdit, DateOnly today) => new(
        p.Id, p.Version, p.Key, p.Title, p.Number, p.IssuedOn, p.Level,
        new Ref(p.IssuingUnitId, p.IssuingUnit!.Code, p.IssuingUnit.Name),
        p.IssuingAgency is { } ia ? new Ref(ia.Id, ia.Code, ia.Name) : null,
        p.CoordinatingAgency is { } ca ? new Ref(ca.Id, ca.Code, ca.Name) : null,
        p.PeriodFrom, p.PeriodTo,
        p.Parent is { } pp ? new Ref(pp.Id, pp.Key, pp.Title) : null,
        p.LegalBasis,
        p.Objectives.OrderBy(o => o.Position).ToList(),
        p.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorView(i.Id, i.Number, i.Text, i.UnitOfMeasure, i.TargetKind, i.TargetValue,
            i.TargetMin, i.TargetMax, i.Numerator, i.Denominator, i.Window, i.Note,
            i.Targets.OrderBy(t => t.OrgUnitId).ThenBy(t => t.Year).Select(t => new TargetRow(t.Year, t.OrgUnitId, t.OrgUnit?.Name, t.Value, t.Min, t.Max)).ToList(),
            A(i.Assignments, today))).ToList(),
        p.Tasks.OrderBy(t => t.Position).Select(t => new TaskView(t.Id, t.Number, t.Section, t.Text, t.TimingKind, t.Frequency, t.DueDate, t.TimingText,
            A(t.Assignments, today))).ToList(),
        p.Appendices.OrderBy(a => a.Position).Select(a => new AppendixView(a.Id, a.Number, a.Title, a.Kind,
            a.Items.OrderBy(x => x.Position).Select(x => new AppendixItemView(x.Id, x.Name, x.OrgUnitId, x.OrgUnit?.Name, x.UnitName, x.Complexity, x.Status, x.Note)).ToList())).ToList(),
        p.ReportSchedule.OrderBy(r => r.Position).Select(r => new ScheduleView(r.Kind, r.DueDay, r.DueMonth, r.ConsolidationDueDay, r.ConsolidationDueMonth,
            r.RecipientAgency is { } ra ? new Ref(ra.Id, ra.Code, ra.Name) : null, r.Note)).ToList(),
        canEdit,
        new PlanDocumentView(p.IssuedPrecision, p.Purpose, p.Requirements, p.SignerForm, p.SignerTitle, p.SignerName, p.Recipients,
            p.ParentNumber, p.ParentIssuedOn, p.ParentIssuer));
}
