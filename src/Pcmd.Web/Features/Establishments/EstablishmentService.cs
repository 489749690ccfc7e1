using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments;

/// <summary>The registry of at-risk establishments within the user's scope: paginated list, record, create,
/// update (guarded by Version), delete (refused while inspections or hotspots refer to it).</summary>
public sealed class EstablishmentService(PcmdDbContext db, OrgUnitTree tree, EstablishmentQuery query, TimeProvider clock,
    IEnumerable<IEstablishmentReferences> references, AuditTrail audit, ListCache lists)
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;

    public async Task<List<EstablishmentTypeDto>> Types(CancellationToken ct = default) =>
        await db.EstablishmentTypes.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new EstablishmentTypeDto(t.Id, t.Code, t.Name, t.Group, t.IsActive, t.Position)).ToListAsync(ct);

    /// <summary>A page of the list: the first (counted), a shallow page number (counted, OFFSET up to
    /// <see cref="PageCursor.MaxOffset"/> rows), or the page a cursor of a previous page points at (<paramref name="after"/> /
    /// <paramref name="before"/>: found by its keys, the total carried in the cursor, not counted again).</summary>
    public async Task<EstablishmentPage> List(UserScope scope, EstablishmentFilter filter, int page = 1, int pageSize = DefaultPageSize,
        CancellationToken ct = default, string? after = null, string? before = null)
    {
        var errors = new ErrorList();
        if (page < 1) errors.Add("page", "Số trang phải từ 1 trở lên.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}.");
        if (filter.Sort is { } s && !EstablishmentFilter.Sorts.Contains(s)) errors.Add("sort", "Cách sắp xếp không hợp lệ (name, newest, unit).");
        errors.ThrowIfAny();
        var fingerprint = PageCursor.Fingerprint((filter with { Sort = filter.Sort ?? "name" }).ToQuery() + "&pageSize=" + pageSize);
        var cursor = PageCursor.Parse(after, before, fingerprint);
        var offset = cursor is null ? PageCursor.Offset(page, pageSize) : 0;
        // What the page depends on: the reach (all, or the rows of the user's unit in the closure table: ScopeFilter), the
        // filters, sort and size (the fingerprint), where it starts; and the registers it reads, through the stamp.
        var reach = scope.IsGlobal ? "all" : scope.OrgUnitId?.ToString(CultureInfo.InvariantCulture) ?? "none";
        var stamp = await lists.Stamp(db, ListKinds, ct);
        return await lists.Get(stamp, $"establishments|{reach}|{fingerprint}|{offset}|{after}|{before}", async () =>
        {
            var q = await query.Build(scope, filter, ct);
            var result = await query.Keys(filter.Sort).Page(q,
                rows => rows.Select(e => new EstablishmentListItem(e.Id, e.Name, e.Address, e.TypeId, e.Type!.Name, e.Type.Group, e.OrgUnitId,
                    e.OrgUnit!.Name, e.LicenceNumber, e.WorkerCount, e.RiskClass, e.Status, e.CommitmentSigned, e.CommitmentDate)),
                e => EstablishmentQuery.KeysOf(e, filter.Sort), cursor, fingerprint, offset, pageSize, ct,
                () => lists.Get(stamp, $"establishments-total|{reach}|{fingerprint}", () => q.CountAsync(ct), _ => 1));
            return new EstablishmentPage(result.Total, result.Page, pageSize, result.Items, result.Next, result.Prev, result.Last);
        }, p => p.Items.Count);
    }

    /// <summary>The registers a page of the list shows: the establishments and their types; the units (their names, and the
    /// closure table a scope is read through).</summary>
    static readonly RecordKind[] ListKinds = [RecordKind.Establishments, RecordKind.OrgUnits];

    public async Task<EstablishmentDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var dto = await db.Establishments.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EstablishmentDto(e.Id, e.TypeId, e.Type!.Code, e.Type.Name, e.Type.Group, e.Name, e.Address, e.OrgUnitId,
                e.OrgUnit!.Code, e.OrgUnit.Name, e.Latitude, e.Longitude, e.OwnerName, e.OwnerPhone, e.LicenceNumber, e.LicenceDate,
                e.WorkerCount, e.RiskClass, e.Status, e.ManagedFrom, e.ManagedTo, e.CommitmentSigned, e.CommitmentDate, e.Note, e.Version, false))
            .FirstOrDefaultAsync(ct);
        if (dto is null) throw new NotFoundException();
        if (!scope.CanReadUnit(dto.OrgUnitId)) throw audit.Denied(nameof(Establishment), id, new NotFoundException());
        // The owner's name and phone are in the answer.
        audit.RecordRead(nameof(Establishment), id);
        return dto with { CanEdit = EstablishmentAccess.CanWrite(scope, dto.OrgUnitId) };
    }

    public Task<Establishment> Create(UserScope scope, EstablishmentInput input, CancellationToken ct = default) => Save(scope, null, input, ct);

    public Task<Establishment> Update(UserScope scope, int id, EstablishmentInput input, CancellationToken ct = default) => Save(scope, id, input, ct);

    async Task<Establishment> Save(UserScope scope, int? id, EstablishmentInput input, CancellationToken ct)
    {
        if (!EstablishmentAccess.CanWrite(scope)) throw new ForbiddenException();
        Establishment? existing = null;
        if (id is { } existingId)
        {
            // Scope first: a record out of reach answers 404 whatever the input.
            existing = await db.Establishments.FirstOrDefaultAsync(e => e.Id == existingId, ct);
            if (existing is null) throw new NotFoundException();
            if (!scope.CanReadUnit(existing.OrgUnitId)) throw audit.Denied(nameof(Establishment), existingId, new NotFoundException());
            if (!scope.CanWriteUnit(existing.OrgUnitId)) throw audit.Denied(nameof(Establishment), existingId, new ForbiddenException());
            if (existing.Version != input.Version) throw new ConflictException();
        }
        var values = input.ToValues();
        var errors = new ErrorList();
        var today = EstablishmentRules.Today(clock);
        EstablishmentRules.Check(values, today, errors.Add);

        var type = await db.EstablishmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.TypeId, ct);
        if (input.TypeId == 0) errors.Add("typeId", "Thiếu loại hình kinh doanh.");
        else if (type is null) errors.Add("typeId", "Không có loại hình kinh doanh này.");
        else if (!type.IsActive && existing?.TypeId != type.Id) errors.Add("typeId", $"Loại hình '{type.Name}' đã ngừng sử dụng.");

        // A record keeps the commune it was recorded in (possibly merged since); a new or changed commune must be current.
        if (input.OrgUnitId == 0) errors.Add("orgUnitId", "Thiếu xã/phường.");
        else if (existing?.OrgUnitId != input.OrgUnitId
            && EstablishmentAccess.CommuneProblem(await tree.Find(input.OrgUnitId), scope, today) is { } problem)
            errors.Add("orgUnitId", problem);

        if (values.LicenceNumber is { } licence)
        {
            var holder = await db.Establishments.AsNoTracking().Where(e => e.LicenceNumber == licence && e.Id != (id ?? 0))
                .Select(e => new { e.Name, e.OrgUnitId }).FirstOrDefaultAsync(ct);
            if (holder is not null) errors.Add("licenceNumber", EstablishmentRules.LicenceTaken(licence, scope.CanReadUnit(holder.OrgUnitId) ? holder.Name : null));
        }
        errors.ThrowIfAny();

        var entity = existing ?? db.Establishments.Add(new Establishment()).Entity;
        if (existing is not null) db.Entry(existing).Property(e => e.Version).OriginalValue = input.Version;
        values.CopyTo(entity);
        await db.SaveChangesAsync(ct);
        return entity;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var e = await db.Establishments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) throw new NotFoundException();
        if (!scope.CanReadUnit(e.OrgUnitId)) throw audit.Denied(nameof(Establishment), id, new NotFoundException());
        if (!EstablishmentAccess.CanWrite(scope, e.OrgUnitId)) throw audit.Denied(nameof(Establishment), id, new ForbiddenException());
        if (e.Version != version) throw new ConflictException();
        var blocked = new ErrorList();
        foreach (var r in references)
            if (await r.BlocksDelete(id, ct) is { } reason) blocked.Add("id", reason);
        blocked.ThrowIfAny();
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        db.Establishments.Remove(e);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The units of the list's filter: the current provinces and communes the user reads (a unit's records
    /// include those of the units merged into it).</summary>
    public async Task<List<OrgUnitTree.Node>> FilterUnits(UserScope scope)
    {
        var today = EstablishmentRules.Today(clock);
        return (await tree.All())
            .Where(n => n.Level is OrgUnitLevel.Province or OrgUnitLevel.Commune && scope.CanReadUnit(n.Id)
                && (n.ValidFrom is null || n.ValidFrom <= today) && (n.ValidTo is null || today <= n.ValidTo))
            .OrderBy(n => n.Level).ThenBy(n => n.Name, Shared.VietnameseText.Comparer).ToList();
    }

    /// <summary>The communes a user may record establishments in: current communes within their writable scope.</summary>
    public async Task<List<OrgUnitTree.Node>> WritableCommunes(UserScope scope)
    {
        var today = EstablishmentRules.Today(clock);
        return (await tree.All()).Where(n => EstablishmentAccess.CommuneProblem(n, scope, today) is null)
            .OrderBy(n => n.Name, Shared.VietnameseText.Comparer).ToList();
    }
}
