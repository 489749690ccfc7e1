using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>Writes a stored plan as a plan file: codes and keys only, in the plan's own order, so
/// that importing the file gives the same plan.</summary>
public sealed class PlanFileWriter(PcmdDbContext db, IEnumerable<IPlanBudget> budgets)
{
    public async Task<PlanFileDocument> Write(int planId, CancellationToken ct = default)
    {
        var plan = await PlanQueries.LoadFull(db, planId, ct) ?? throw new Security.NotFoundException();
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code }).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        string? Unit(int? id) => id is { } i ? units[i] : null;
        string? Agency(int? id) => id is { } i ? agencies[i] : null;
        var budget = new List<PlanBudgetLine>();
        foreach (var b in budgets) budget.AddRange(await b.Lines(planId, ct));
        var parentKey = plan.ParentId is { } pid ? await db.Plans.Where(p => p.Id == pid).Select(p => p.Key).FirstAsync(ct) : null;

        List<AssignmentDto>? Assignments(IEnumerable<Assignment> all, AssignmentRole role)
        {
            var list = all.Where(a => a.Role == role).OrderBy(a => a.Position)
                .Select(a => new AssignmentDto { Agency = agencies[a.AgencyId], Requested = a.Requested ? true : null }).ToList();
            return list.Count == 0 ? null : list;
        }

        return new PlanFileDocument
        {
            FormatVersion = PlanFileDocument.CurrentFormatVersion,
            Plan = new PlanFileDto
            {
                Key = plan.Key,
                Title = plan.Title,
                Number = plan.Number,
                IssuedOn = PlanFileReader.WriteDate(plan.IssuedOn, plan.IssuedPrecision),
                Level = FileCodes.Of(plan.Level),
                IssuingUnit = Unit(plan.IssuingUnitId),
                IssuingAgency = Agency(plan.IssuingAgencyId),
                CoordinatingAgency = Agency(plan.CoordinatingAgencyId),
                ConsolidatingAgency = Agency(plan.ConsolidatingAgencyId),
                ReportRecipients = NullIfEmpty(plan.ReportRecipientIds.Select(id => agencies[id]).ToList()),
                RequestedBodiesReport = plan.RequestedBodiesReport ? true : null,
                Period = new PeriodDto { From = plan.PeriodFrom, To = plan.PeriodTo },
                ParentKey = parentKey,
                ParentPlan = plan.ParentNumber is null && plan.ParentIssuer is null ? null : new ParentPlanDto
                {
                    Number = plan.ParentNumber, IssuedOn = plan.ParentIssuedOn?.ToString("yyyy-MM-dd"), Issuer = plan.ParentIssuer,
                },
                LegalBasis = plan.LegalBasis.Count == 0 ? null : plan.LegalBasis,
                Purpose = NullIfEmpty(plan.Purpose),
                Requirements = NullIfEmpty(plan.Requirements),
                Objectives = plan.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveDto { Kind = FileCodes.Of(o.Kind), Text = o.Text }).ToList(),
                Indicators = plan.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorDto
                {
                    Number = i.Number,
                    Text = i.Text,
                    UnitOfMeasure = i.UnitOfMeasure,
                    Target = i.TargetKind is null ? null : new TargetDto
                    {
                        Kind = FileCodes.Of(i.TargetKind.Value),
                        Value = N(i.TargetValue),
                        Min = N(i.TargetMin),
                        Max = N(i.TargetMax),
                        Numerator = i.Numerator,
                        Denominator = i.Denominator,
                        ByYear = NullIfEmpty(i.Targets.Where(t => t.OrgUnitId == null).OrderBy(t => t.Id)
                            .Select(t => new YearTargetDto { Year = t.Year, Value = N(t.Value), Min = N(t.Min), Max = N(t.Max) }).ToList()),
                        ByUnit = NullIfEmpty(i.Targets.Where(t => t.OrgUnitId != null).OrderBy(t => t.Id)
                            .Select(t => new UnitTargetDto { Unit = Unit(t.OrgUnitId), Year = t.Year, Value = N(t.Value), Min = N(t.Min), Max = N(t.Max) }).ToList()),
                    },
                    Window = i.WindowStated ? FileCodes.Of(i.Window) : null,
                    Lead = Assignments(i.Assignments, AssignmentRole.Lead),
                    Cooperating = Assignments(i.Assignments, AssignmentRole.Cooperating),
                    Note = i.Note,
                }).ToList(),
                Tasks = plan.Tasks.OrderBy(t => t.Position).Select(t => new TaskDto
                {
                    Number = t.Number,
                    Section = t.Section,
                    Text = t.Text,
                    Lead = Assignments(t.Assignments, AssignmentRole.Lead),
                    Cooperating = Assignments(t.Assignments, AssignmentRole.Cooperating),
                    Timing = t.TimingKind == TimingKind.Unspecified && t.TimingText is null ? null : new TimingDto
                    {
                        Kind = FileCodes.Of(t.TimingKind),
                        Frequency = t.Frequency is { } f ? FileCodes.Of(f) : null,
                        DueDate = t.DueDate?.ToString("yyyy-MM-dd"),
                        DueMonth = t.DueMonth,
                        DueDay = t.DueDay,
                        Text = t.TimingText,
                    },
                }).ToList(),
                Budget = NullIfEmpty(budget.Select(l => new BudgetItemDto
                {
                    Year = l.Year, Agency = Agency(l.AgencyId), Unit = Unit(l.OrgUnitId), Task = l.Task, Source = l.Source, SourceText = l.SourceText,
                    Purpose = l.Purpose, Estimate = l.Estimate, Allocated = l.Allocated, Spent = l.Spent, OverspendNote = l.OverspendNote,
                }).ToList()),
                Appendices = plan.Appendices.OrderBy(a => a.Position).Select(a => new AppendixDto
                {
                    Number = a.Number,
                    Title = a.Title,
                    Kind = FileCodes.Of(a.Kind),
                    Items = a.Items.OrderBy(x => x.Position).Select(x => new AppendixItemDto
                    {
                        Name = x.Name,
                        Unit = Unit(x.OrgUnitId),
                        UnitName = x.UnitName,
                        Complexity = x.Complexity is { } c ? FileCodes.Of(c) : null,
                        Status = x.Status,
                        Note = x.Note,
                    }).ToList(),
                }).ToList(),
                ReportSchedule = plan.ReportSchedule.OrderBy(r => r.Position).Select(r => new ScheduleDto
                {
                    Kind = FileCodes.Of(r.Kind),
                    DueDay = r.DueDay,
                    DueMonth = r.DueMonth,
                    ConsolidationDueDay = r.ConsolidationDueDay,
                    ConsolidationDueMonth = r.ConsolidationDueMonth,
                    Recipient = Agency(r.RecipientAgencyId),
                    Note = r.Note,
                }).ToList(),
                Signer = plan.SignerForm.Count == 0 && plan.SignerTitle is null && plan.SignerName is null ? null
                    : new SignerDto { Form = NullIfEmpty(plan.SignerForm), Title = plan.SignerTitle, Name = plan.SignerName },
                Recipients = NullIfEmpty(plan.Recipients),
            },
        };
    }

    // 60.00 from the database is written as 60, as the plan says it.
    static decimal? N(decimal? v) => v / 1.0000000000000000000000000000m;

    static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}
