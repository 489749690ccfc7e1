using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;
using static Pcmd.Web.Features.Enforcement.Import.EnforcementColumns;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>Administrative sanctions from a spreadsheet, checked as the form checks them (<see cref="EnforcementService.CreateSanction"/>):
/// a decree of the catalogue in force on the decision's date, a fine's amount, a sanction on premises naming an establishment
/// the user can see (by its licence number, which is what the decision cites).</summary>
public sealed class SanctionImport(DbContextOptions<PcmdDbContext> options, PcmdDbContext db, OrgUnitTree tree, TimeProvider clock,
    IOptions<ArchiveLimits> limits) : EnforcementImport<AdministrativeSanction>(options, db, tree, clock, limits)
{
    readonly Dictionary<string, Decree> _decrees = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<AdministrativeSanction, string> _licences = [];

    public override ImportKind Kind => ImportKind.Sanctions;
    public override string AuditName => ImportJobs.SanctionsAuditName;
    public override string DataSheet => SanctionSheet;
    public override IReadOnlyList<ImportColumn> Columns => Sanctions;
    public override bool CanImport(UserScope scope) => EnforcementService.CanRecordSanctions(scope);
    protected override string Noun => "quyết định xử phạt";

    protected override async Task Prepare(CancellationToken ct)
    {
        foreach (var d in await Db.Decrees.AsNoTracking().ToListAsync(ct)) _decrees[d.Code] = d;
    }

    protected override AdministrativeSanction? Read(SheetRow row, UserScope scope, DateOnly today)
    {
        var unit = Unit(row, SUnit, scope);
        var date = row.Date(SDate);
        if (date > today) row.Add(SDate, "Ngày xử phạt không thể ở tương lai.");
        var target = row.Choice(STarget, EnforcementColumns.Targets);
        var licence = row.Text(SLicence, 60);
        if (target == SanctionTarget.Premises && licence is null && row.Issues.All(i => i.Column != SLicence.Header))
            row.Add(SLicence, "Xử phạt cơ sở phải ghi số giấy phép của cơ sở.");
        else if (target is { } t && t != SanctionTarget.Premises && licence is not null)
            row.Add(SLicence, "Chỉ xử phạt cơ sở mới ghi số giấy phép của cơ sở.");
        var kind = row.Choice(SKind, Kinds);
        var amount = row.Money(SAmount);
        var measures = row.Text(SMeasures, 1000);
        var code = row.Text(SDecree, 100);
        var decree = code is null ? null : _decrees.GetValueOrDefault(code);
        if (code is not null && decree is null) row.Add(SDecree, $"Không có nghị định '{code}' trong danh mục (xem sheet Danh mục của tệp mẫu).");
        var basis = row.Text(SBasis, 300);
        var number = row.Text(SNumber, 100);
        var note = row.Text(SNote, 1000, multiLine: true);
        if (kind is { } k)
        {
            // The rules of the form and of an inspection record's sanctions: the amount for a fine only, the decree in force that day.
            var errors = new ErrorList();
            InspectionRules.CheckSanction(new SanctionInput(k, amount, decree?.Id, basis, measures), "", date, decree, errors);
            row.Add(errors, Columns);
        }
        if (!row.IsValid) return null;
        var s = new AdministrativeSanction
        {
            OrgUnitId = unit!.Value, Date = date!.Value, Target = target!.Value, Kind = kind!.Value, Amount = kind == SanctionKind.Fine ? amount : null,
            Measures = measures, DecreeId = decree!.Id, LegalBasis = basis, DecisionNumber = number, Note = note,
        };
        if (licence is not null) _licences[s] = licence;
        return s;
    }

    /// <summary>The establishments of the premises rows, by licence number, in one query per 2,000 numbers; one the user cannot
    /// read is the same as none.</summary>
    protected override async Task CheckAll(List<(SheetRow Row, AdministrativeSanction Record)> rows, UserScope scope, CancellationToken ct)
    {
        var found = new Dictionary<string, (int Id, int OrgUnitId)>(StringComparer.Ordinal);
        foreach (var chunk in _licences.Values.Distinct().Chunk(2000))
        {
            var list = chunk.ToList();
            foreach (var e in await Db.Establishments.AsNoTracking().Where(e => list.Contains(e.LicenceNumber!))
                         .Select(e => new { e.Id, e.OrgUnitId, e.LicenceNumber }).ToListAsync(ct))
                found[e.LicenceNumber!] = (e.Id, e.OrgUnitId);
        }
        foreach (var (row, record) in rows)
        {
            if (!_licences.TryGetValue(record, out var licence)) continue;
            if (found.TryGetValue(licence, out var e) && scope.CanReadUnit(e.OrgUnitId)) record.EstablishmentId = e.Id;
            else row.Add(SLicence, $"Không có cơ sở kinh doanh số giấy phép '{licence}' trong phạm vi của bạn.");
        }
    }
}
