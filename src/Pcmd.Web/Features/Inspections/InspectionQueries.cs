using Pcmd.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

/// <summary>The list's filters and page: <c>After</c> / <c>Before</c> are the <c>next</c> / <c>prev</c> (or <c>last</c>) cursors of a
/// page of the same list; without them <c>Page</c> is a page number (up to <see cref="PageCursor.MaxOffset"/> rows deep).</summary>
public sealed record InspectionFilter(int? OrgUnitId = null, int? TeamId = null, DateOnly? From = null, DateOnly? To = null,
    int? EstablishmentId = null, bool? HasSanction = null, int Page = 1, int PageSize = 50, string? After = null, string? Before = null)
{
    /// <summary>What the cursors are made for: the filters and page size, not the position.</summary>
    public string Fingerprint() => PageCursor.Fingerprint(string.Join("|", OrgUnitId, TeamId, From, To, EstablishmentId, HasSanction, PageSize));
}

public sealed record InspectionListItem(int Id, DateOnly Date, int EstablishmentId, string EstablishmentName, int OrgUnitId, string OrgUnitName,
    int TeamId, string TeamName, InspectionKind Kind, UnannouncedReason? Reason, int MemberCount, int ViolationCount, int SanctionCount,
    decimal FineTotal, int? FollowUpOfId, int Version);

/// <summary>A page; <c>Next</c>, <c>Prev</c>, <c>Last</c> are cursors (null where there is no such page), <c>Total</c> is counted on the
/// first page and carried by them.</summary>
public sealed record InspectionPage(int Total, int Page, int PageSize, List<InspectionListItem> Items, string? Next = null,
    string? Prev = null, string? Last = null);

public sealed record InspectionMemberDto(int TeamMemberId, string FullName, TeamRole Role, string? AgencyName, bool IsActive);

public sealed record InspectionViolationDto(int ViolationTypeId, string Code, string Name, string? Note);

public sealed record SanctionDto(SanctionKind Kind, decimal? Amount, int? DecreeId, string? DecreeCode, string? LegalBasis, string? Measures);

public sealed record InspectionDto(int Id, int EstablishmentId, string EstablishmentName, string EstablishmentAddress, int OrgUnitId,
    string OrgUnitName, int TeamId, string TeamName, DateOnly Date, InspectionKind Kind, UnannouncedReason? Reason, string? ReasonNote,
    int? InspectionPlanItemId, string? Findings, int OwnersInformed, int WorkersInformed, int? FollowUpOfId, DateOnly? FollowUpOfDate,
    List<int> FollowUpIds, int Version, bool CanEdit, List<InspectionMemberDto> Members, List<InspectionViolationDto> Violations,
    List<SanctionDto> Sanctions);

public sealed record EstablishmentOption(int Id, string Name, string Address, int OrgUnitId);

/// <summary>Reading inspections within the user's scope: a paginated list that stays fast at city scale (filters hit the
/// (OrgUnitId, Date), (EstablishmentId, Date) and Date indexes) and one record with everything on it.</summary>
public sealed class InspectionQueries(PcmdDbContext db, AuditTrail audit)
{
    public const int MaxPageSize = 200;

    /// <summary>Newest first; the id orders the inspections of one day.</summary>
    static readonly Keyset<Inspection> Newest = new Keyset<Inspection>().By(i => i.Date, descending: true).By(i => i.Id, descending: true);

    public async Task<InspectionPage> List(UserScope scope, InspectionFilter f, CancellationToken ct = default)
    {
        var q = db.Inspections.AsNoTracking().InReadableScope(db, scope, i => i.OrgUnitId);
        if (f.OrgUnitId is { } u)
        {
            if (!scope.CanReadUnit(u)) throw new NotFoundException();
            q = q.InAreaOf(db, u, i => i.OrgUnitId);
        }
        if (f.TeamId is { } t) q = q.Where(i => i.TeamId == t);
        if (f.EstablishmentId is { } e) q = q.Where(i => i.EstablishmentId == e);
        if (f.From is { } from) q = q.Where(i => i.Date >= from);
        if (f.To is { } to) q = q.Where(i => i.Date <= to);
        if (f.HasSanction is { } has) q = has ? q.Where(i => i.Sanctions.Any()) : q.Where(i => !i.Sanctions.Any());
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var fingerprint = (f with { PageSize = size }).Fingerprint();
        var cursor = PageCursor.Parse(f.After, f.Before, fingerprint);
        var offset = cursor is null ? PageCursor.Offset(Math.Max(f.Page, 1), size) : 0;
        var page = await Newest.Page(q, rows => rows.Select(i => new
            {
                i.Id, i.Date, i.EstablishmentId, EstablishmentName = i.Establishment!.Name, i.OrgUnitId,
                OrgUnitName = db.OrgUnits.Where(o => o.Id == i.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
                i.TeamId, TeamName = i.Team!.Name, i.Kind, i.Reason, Members = i.Members.Count, Violations = i.Violations.Count,
                Sanctions = i.Sanctions.Count, i.FollowUpOfId, i.Version,
            }), r => [r.Date, r.Id], cursor, fingerprint, offset, size, ct);
        var rows = page.Items;
        // SQLite cannot sum decimals in SQL: the fines of the page are added up here.
        var ids = rows.Select(r => r.Id).ToList();
        var fines = (await db.Sanctions.AsNoTracking().Where(s => ids.Contains(s.InspectionId) && s.Kind == SanctionKind.Fine)
                .Select(s => new { s.InspectionId, s.Amount }).ToListAsync(ct))
            .GroupBy(s => s.InspectionId).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount ?? 0));
        var items = rows.Select(r => new InspectionListItem(r.Id, r.Date, r.EstablishmentId, r.EstablishmentName, r.OrgUnitId, r.OrgUnitName ?? "",
            r.TeamId, r.TeamName, r.Kind, r.Reason, r.Members, r.Violations, r.Sanctions, fines.GetValueOrDefault(r.Id), r.FollowUpOfId, r.Version)).ToList();
        return new InspectionPage(page.Total, page.Page, size, items, page.Next, page.Prev, page.Last);
    }

    public async Task<InspectionDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var x = await db.Inspections.AsNoTracking().Where(i => i.Id == id).Select(i => new
        {
            i.Id, i.EstablishmentId, EstablishmentName = i.Establishment!.Name, EstablishmentAddress = i.Establishment.Address, i.OrgUnitId,
            OrgUnitName = db.OrgUnits.Where(o => o.Id == i.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
            i.TeamId, TeamName = i.Team!.Name, i.Date, i.Kind, i.Reason, i.ReasonNote, i.InspectionPlanItemId, i.Findings,
            i.OwnersInformed, i.WorkersInformed, i.FollowUpOfId,
            FollowUpOfDate = db.Inspections.Where(p => p.Id == i.FollowUpOfId).Select(p => (DateOnly?)p.Date).FirstOrDefault(),
            i.Version,
        }).FirstOrDefaultAsync(ct);
        if (x is null) throw new NotFoundException(InspectionService.NotFoundText);
        if (!scope.CanReadUnit(x.OrgUnitId)) throw audit.Denied(nameof(Inspection), id, new NotFoundException(InspectionService.NotFoundText));
        // The team members present are named.
        audit.RecordRead(nameof(Inspection), id);
        var members = await db.InspectionMembers.AsNoTracking().Where(m => m.InspectionId == id)
            .Select(m => new InspectionMemberDto(m.TeamMemberId, m.TeamMember!.FullName, m.TeamMember.Role,
                m.TeamMember.Agency != null ? m.TeamMember.Agency.Name : null, m.TeamMember.IsActive)).ToListAsync(ct);
        var violations = await db.InspectionViolations.AsNoTracking().Where(v => v.InspectionId == id).OrderBy(v => v.Id)
            .Select(v => new InspectionViolationDto(v.ViolationTypeId, v.ViolationType!.Code, v.ViolationType.Name, v.Note)).ToListAsync(ct);
        var sanctions = await db.Sanctions.AsNoTracking().Where(s => s.InspectionId == id).OrderBy(s => s.Id)
            .Select(s => new SanctionDto(s.Kind, s.Amount, s.DecreeId, s.Decree != null ? s.Decree.Code : null, s.LegalBasis, s.Measures)).ToListAsync(ct);
        var followUps = await db.Inspections.AsNoTracking().Where(i => i.FollowUpOfId == id).OrderBy(i => i.Date).Select(i => new { i.Id, i.OrgUnitId }).ToListAsync(ct);
        return new InspectionDto(x.Id, x.EstablishmentId, x.EstablishmentName, x.EstablishmentAddress, x.OrgUnitId, x.OrgUnitName ?? "",
            x.TeamId, x.TeamName, x.Date, x.Kind, x.Reason, x.ReasonNote, x.InspectionPlanItemId, x.Findings, x.OwnersInformed,
            x.WorkersInformed, x.FollowUpOfId, x.FollowUpOfDate, followUps.Where(f => scope.CanReadUnit(f.OrgUnitId)).Select(f => f.Id).ToList(),
            x.Version, scope.Can(Permission.ManageRegistries) && scope.CanWriteUnit(x.OrgUnitId),
            members.OrderBy(m => m.Role).ThenBy(m => m.FullName, VietnameseText.Comparer).ToList(), violations, sanctions);
    }

    /// <summary>Earlier inspections of an establishment, for the "follow-up of" choice.</summary>
    public async Task<List<(int Id, DateOnly Date)>> History(UserScope scope, int establishmentId, int max = 20, CancellationToken ct = default)
    {
        var page = await List(scope, new InspectionFilter(EstablishmentId: establishmentId, PageSize: max), ct);
        return page.Items.Select(i => (i.Id, i.Date)).ToList();
    }

    /// <summary>Establishments of a team's area the user may record inspections of, for a select: at most
    /// <paramref name="max"/>, narrowed by a name or address; the one already chosen is always among them.</summary>
    public async Task<(List<EstablishmentOption> Options, bool More)> EstablishmentOptions(UserScope scope, int teamUnitId, string? search,
        int? chosenId, int max = 300, CancellationToken ct = default)
    {
        var q = db.Establishments.AsNoTracking().InAreaOf(db, teamUnitId, e => e.OrgUnitId).InWritableScope(db, scope, e => e.OrgUnitId);
        if (!string.IsNullOrWhiteSpace(search)) q = q.Where(e => e.Name.Contains(search.Trim()) || e.Address.Contains(search.Trim()));
        var rows = await q.OrderBy(e => e.Name).Take(max + 1).Select(e => new EstablishmentOption(e.Id, e.Name, e.Address, e.OrgUnitId)).ToListAsync(ct);
        var more = rows.Count > max;
        rows = rows.Take(max).ToList();
        if (chosenId is { } id && rows.All(r => r.Id != id))
        {
            var chosen = await db.Establishments.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new EstablishmentOption(e.Id, e.Name, e.Address, e.OrgUnitId)).FirstOrDefaultAsync(ct);
            if (chosen is not null && scope.CanReadUnit(chosen.OrgUnitId)) rows.Add(chosen);
        }
        return (rows.OrderBy(r => r.Name, VietnameseText.Comparer).ThenBy(r => r.Address, VietnameseText.Comparer).ToList(), more);
    }

    /// <summary>The form offers the decree in force first; the API lists them in the order they came into force.</summary>
    public Task<List<DecreeDto>> Decrees(bool newestFirst = true, CancellationToken ct = default)
    {
        var q = db.Decrees.AsNoTracking();
        return (newestFirst ? q.OrderByDescending(d => d.ValidFrom) : q.OrderBy(d => d.ValidFrom))
            .Select(d => new DecreeDto(d.Id, d.Code, d.Title, d.ValidFrom, d.ValidTo)).ToListAsync(ct);
    }

    /// <summary>The active catalogue, plus the retired types a record already carries.</summary>
    public Task<List<ViolationTypeDto>> ViolationTypes(IReadOnlyCollection<int> keep, CancellationToken ct = default) =>
        db.ViolationTypes.AsNoTracking().Where(v => v.IsActive || keep.Contains(v.Id)).OrderBy(v => v.Id)
            .Select(v => new ViolationTypeDto(v.Id, v.Code, v.Name, v.IsActive)).ToListAsync(ct);

    /// <summary>The whole catalogue, retired types too, for API clients that map old records.</summary>
    public Task<List<ViolationTypeDto>> AllViolationTypes(CancellationToken ct = default) =>
        db.ViolationTypes.AsNoTracking().OrderBy(v => v.Id).Select(v => new ViolationTypeDto(v.Id, v.Code, v.Name, v.IsActive)).ToListAsync(ct);
}
