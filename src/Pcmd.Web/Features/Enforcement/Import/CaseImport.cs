using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;
using static Pcmd.Web.Features.Enforcement.Import.EnforcementColumns;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>Criminal cases from a spreadsheet, checked as the form checks them (<see cref="EnforcementService.SaveCase"/>): the
/// stages in order and not in the future (<see cref="CaseRules"/>), accused only after institution, defendants only when tried.</summary>
public sealed class CaseImport(DbContextOptions<PcmdDbContext> options, PcmdDbContext db, OrgUnitTree tree, TimeProvider clock,
    IOptions<ArchiveLimits> limits) : EnforcementImport<CriminalCase>(options, db, tree, clock, limits)
{
    public override ImportKind Kind => ImportKind.CriminalCases;
    public override string AuditName => ImportJobs.CasesAuditName;
    public override string DataSheet => CaseSheet;
    public override IReadOnlyList<ImportColumn> Columns => Cases;
    public override bool CanImport(UserScope scope) => EnforcementService.CanRecordCases(scope);
    protected override string Noun => "vụ án";

    protected override CriminalCase? Read(SheetRow row, UserScope scope, DateOnly today)
    {
        var unit = Unit(row, CUnit, scope);
        var reference = row.Text(CReference, 200);
        var charge = row.Choice(CCharge, Charges);
        var input = new CriminalCaseInput(unit, reference, charge, row.Date(CDetected), row.Date(CInstituted), row.Date(CIndicted), row.Date(CTried),
            row.YesNo(CMobile), row.Integer(CAccused), row.Integer(CDefendants), row.YesNo(CRing), row.Text(CNote, 1000, multiLine: true));
        var errors = new ErrorList();
        foreach (var problem in CaseRules.Stages(input, today)) errors.Add(problem.Field, problem.Message);
        row.Add(errors, Columns);
        if (!row.IsValid) return null;
        return new CriminalCase
        {
            OrgUnitId = unit!.Value, Reference = reference!, Charge = charge!.Value, DetectedOn = input.DetectedOn!.Value, InstitutedOn = input.InstitutedOn,
            IndictedOn = input.IndictedOn, TriedOn = input.TriedOn, MobileTrial = input.MobileTrial, AccusedCount = input.AccusedCount,
            DefendantsCount = input.DefendantsCount, RingDismantled = input.RingDismantled, Note = input.Note,
        };
    }
}
