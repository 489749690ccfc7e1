using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments;

/// <summary>Turns a filter into one SQL query on indexed columns, for the list and the exports alike. At the scale
/// of the country (300,000 establishments) nothing is filtered in memory: the chosen unit and the user's scope become
/// subqueries on the areas' closure table (<see cref="ScopeFilter"/>; the chosen unit's subtree plus the units merged into
/// it), groups become type ids, and the text search is an ILIKE that PostgreSQL answers from a trigram index (db/postgres/0004).</summary>
public sealed class EstablishmentQuery(PcmdDbContext db, OrgUnitTree tree)
{
    public async Task<IQueryable<Establishment>> Build(UserScope scope, EstablishmentFilter f, CancellationToken ct)
    {
        var q = db.Establishments.AsNoTracking().InReadableScope(db, scope, e => e.OrgUnitId);
        if (f.Unit is { } unitId)
        {
            if (!scope.CanReadUnit(unitId) || await tree.Find(unitId) is null) throw new NotFoundException("Không tìm thấy đơn vị hoặc bạn không có quyền xem.");
            q = q.InAreaOf(db, unitId, e => e.OrgUnitId);
        }
        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            var code = f.Type.Trim();
            var typeId = await db.EstablishmentTypes.Where(t => t.Code == code).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                ?? throw ValidationException.One("type", $"Không có loại hình mã '{code}'.");
            q = q.Where(e => e.TypeId == typeId);
        }
        if (f.Group is { } g)
        {
            var typeIds = await db.EstablishmentTypes.Where(t => t.Group == g).Select(t => t.Id).ToListAsync(ct);
            q = q.Where(e => typeIds.Contains(e.TypeId));
        }
        if (f.Status is { } s) q = q.Where(e => e.Status == s);
        if (f.Risk is { } r) q = q.Where(e => e.RiskClass == r);
        if (f.Commitment is { } c) q = q.Where(e => e.CommitmentSigned == c);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = Matching(db, q, f.Q);
        return q;
    }

    /// <summary>Establishments whose name, address or licence number contains the typed text (case-insensitive on PostgreSQL;
    /// SQLite's LIKE folds ASCII only). Also the inspector's search in the field (Inspections/FieldWorklist).</summary>
    public static IQueryable<Establishment> Matching(PcmdDbContext db, IQueryable<Establishment> q, string text)
    {
        // Name, address and licence number folded (Establishment.SearchText): "hoan kiem" finds "Hoàn Kiếm" on both databases.
        // PostgreSQL: the trigram index on that column (db/postgres/0024) answers it. SQLite scans.
        var pattern = SearchText.Like(SearchFold.Fold(text));
        return q.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"));
    }

    public IOrderedQueryable<Establishment> Sort(IQueryable<Establishment> q, string? sort) => Keys(sort).Order(q);

    /// <summary>The sort's keys, ending with the id so that equal names still have one order (the pages' cursors need it).
    /// Vietnamese order (Đ after D) on PostgreSQL through the ICU collation of the name index; SQLite sorts by code point.</summary>
    public Keyset<Establishment> Keys(string? sort)
    {
        var npgsql = db.Database.IsNpgsql();
        return sort switch
        {
            "newest" => new Keyset<Establishment>().By(e => e.Id, descending: true),
            "unit" when npgsql => new Keyset<Establishment>().By(e => EF.Functions.Collate(e.OrgUnit!.Name, "vi-x-icu"))
                .By(e => EF.Functions.Collate(e.Name, "vi-x-icu")).By(e => e.Id),
            "unit" => new Keyset<Establishment>().By(e => e.OrgUnit!.Name).By(e => e.Name).By(e => e.Id),
            _ when npgsql => new Keyset<Establishment>().By(e => EF.Functions.Collate(e.Name, "vi-x-icu")).By(e => e.Id),
            _ => new Keyset<Establishment>().By(e => e.Name).By(e => e.Id),
        };
    }

    /// <summary>A list item's values of the keys of <see cref="Keys"/>.</summary>
    public static object[] KeysOf(EstablishmentListItem e, string? sort) => sort switch
    {
        "newest" => [e.Id],
        "unit" => [e.OrgUnitName, e.Name, e.Id],
        _ => [e.Name, e.Id],
    };
}
