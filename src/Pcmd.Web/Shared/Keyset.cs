using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>A page of a long list, with the cursors of its neighbours (null where there is none) and of the last page.</summary>
public sealed record KeysetPage<TRow>(List<TRow> Items, int Total, int Page, string? Next, string? Prev, string? Last);

/// <summary>Keyset ("seek") pagination over a list sorted by keys that end with a unique one (the id): a page starts where the
/// previous one ended (<c>WHERE (k1, k2, id) &gt; (…)</c>, written out so that any provider and collation translate it), so page
/// 6,000 costs what page 2 costs, and a row added or removed meanwhile neither repeats nor skips a row. The keys must not be
/// null; a key may carry a collation (<c>EF.Functions.Collate</c>), its comparison then uses the same one as the ORDER BY.</summary>
public sealed class Keyset<T>
{
    readonly List<(LambdaExpression Key, bool Descending)> _keys = [];

    public Keyset<T> By<TKey>(Expression<Func<T, TKey>> key, bool descending = false)
    {
        if (Nullable.GetUnderlyingType(typeof(TKey)) is not null) throw new ArgumentException("Keyset keys must not be nullable.");
        _keys.Add((key, descending));
        return this;
    }

    /// <summary>The page that <paramref name="cursor"/> points at, or, without one, the page at <paramref name="offset"/> (the first
    /// page, or a shallow page number). The total is counted only without a cursor, and not even then when the page is the
    /// last one (fewer rows than asked, read in the same statement: the total is what lies before them plus them).
    /// <paramref name="count"/> counts (default: <c>filtered.CountAsync</c>; a list may answer it from <see cref="Data.ListCache"/>).
    /// <paramref name="keysOf"/> gives a row's key values in the order of <see cref="By"/>.</summary>
    public async Task<KeysetPage<TRow>> Page<TRow>(IQueryable<T> filtered, Func<IQueryable<T>, IQueryable<TRow>> project,
        Func<TRow, object[]> keysOf, PageCursor? cursor, string filter, int offset, int size, CancellationToken ct,
        Func<Task<int>>? count = null)
    {
        var page = cursor?.Page ?? offset / size + 1;
        int total, last;
        List<TRow> rows;
        bool more;
        if (cursor is null || !cursor.Before)
        {
            var q = cursor is null ? filtered : Seek(filtered, Values(cursor), reverse: false);
            var ordered = Order(q, reverse: false);
            rows = await project(cursor is null ? ordered.Skip(offset) : ordered).Take(size + 1).ToListAsync(ct);
            more = rows.Count > size;
            if (more) rows.RemoveAt(size);
            total = cursor?.Total ?? (!more && (offset == 0 || rows.Count > 0) ? offset + rows.Count
                : await (count ?? (() => filtered.CountAsync(ct)))());
            last = Math.Max(1, (total + size - 1) / size);
        }
        else
        {
            total = cursor.Total;
            last = Math.Max(1, (total + size - 1) / size);
            // Backwards: the rows before the cursor in reverse order, turned round. The last page holds what is left over
            // after the full pages, so its rows are those the forward walk would show on it.
            var take = cursor.Keys is null ? total - (last - 1) * size : size + 1;
            var q = cursor.Keys is null ? filtered : Seek(filtered, Values(cursor), reverse: true);
            rows = await project(Order(q, reverse: true)).Take(Math.Max(take, 0)).ToListAsync(ct);
            if (cursor.Keys is null) page = last;
            else if (rows.Count > size) rows.RemoveAt(size);
            else page = 1; // nothing before these rows: this is the first page, whatever the cursor said
            rows.Reverse();
            more = cursor.Keys is not null;
        }
        string Make(TRow row, bool before, int number) =>
            new PageCursor(keysOf(row).Select(v => JsonSerializer.SerializeToElement(v)).ToArray(), before, number, total, filter).Encode();
        var next = more && rows.Count > 0 ? Make(rows[^1], false, page + 1) : null;
        var prev = page > 1 && rows.Count > 0 ? Make(rows[0], true, page - 1) : null;
        var lastCursor = last > 1 ? new PageCursor(null, true, last, total, filter).Encode() : null;
        return new KeysetPage<TRow>(rows, total, page, next, prev, lastCursor);
    }

    /// <summary>The list's order (or its reverse).</summary>
    public IOrderedQueryable<T> Order(IQueryable<T> q, bool reverse = false)
    {
        var ordered = q;
        for (var i = 0; i < _keys.Count; i++)
        {
            var (key, descending) = _keys[i];
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending != reverse ? "Descending" : "");
            ordered = ordered.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], ordered.Expression, Expression.Quote(key)));
        }
        return (IOrderedQueryable<T>)ordered;
    }

    /// <summary>The rows after <paramref name="values"/> in the list's order (before it when <paramref name="reverse"/>):
    /// k1 ≥ v1 AND (k1 &gt; v1 OR (k1 = v1 AND (k2 &gt; v2 OR …))). The leading k1 ≥ v1 lets an index on k1 start there.</summary>
    IQueryable<T> Seek(IQueryable<T> q, object[] values, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? tail = null;
        for (var i = _keys.Count - 1; i >= 0; i--)
        {
            var (key, value, forward) = Parts(i, row, values, reverse);
            var beyond = Compare(key, value, forward, strict: true);
            tail = tail is null ? beyond : Expression.OrElse(beyond, Expression.AndAlso(Expression.Equal(key, value), tail));
        }
        var (k0, v0, f0) = Parts(0, row, values, reverse);
        var predicate = _keys.Count > 1 ? Expression.AndAlso(Compare(k0, v0, f0, strict: false), tail!) : tail!;
        return q.Where(Expression.Lambda<Func<T, bool>>(predicate, row));
    }

    (Expression Key, Expression Value, bool Forward) Parts(int i, ParameterExpression row, object[] values, bool reverse)
    {
        var (key, descending) = _keys[i];
        var body = new Rebind(key.Parameters[0], row).Visit(key.Body);
        // A captured box, not a constant: EF sends it as a parameter (one plan for every page).
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(key.ReturnType), values[i])!;
        var value = Expression.Field(Expression.Constant(box), "Value");
        return (body, value, descending == reverse);
    }

    static Expression Compare(Expression key, Expression value, bool forward, bool strict)
    {
        if (key.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, value);
            key = compare;
            value = Expression.Constant(0);
        }
        return (forward, strict) switch
        {
            (true, true) => Expression.GreaterThan(key, value),
            (true, false) => Expression.GreaterThanOrEqual(key, value),
            (false, true) => Expression.LessThan(key, value),
            _ => Expression.LessThanOrEqual(key, value),
        };
    }

    /// <summary>The cursor's JSON values as the keys' types; a value of the wrong kind is a cursor someone made up.</summary>
    object[] Values(PageCursor cursor)
    {
        var invalid = ValidationException.One(cursor.Before ? "before" : "after", "Con trỏ trang không hợp lệ. Hãy mở lại trang đầu của danh sách.");
        var keys = cursor.Keys!;
        if (keys.Length != _keys.Count) throw invalid;
        try { return keys.Select((k, i) => k.Deserialize(_keys[i].Key.ReturnType) ?? throw invalid).ToArray(); }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException) { throw invalid; }
    }

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
