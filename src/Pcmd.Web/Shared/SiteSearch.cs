using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>One thing found by the site-wide search: what it is, its name, a line that tells it apart, and where it lives.</summary>
public sealed record SearchHit(string Title, string? Detail, string Url);

/// <summary>A kind of record the site-wide search looks through. Each feature that owns the records implements it and
/// registers it in its module, so that the search knows no feature and every source applies the scope its own lists apply.</summary>
public interface ISearchSource
{
    /// <summary>The kind in the API ("establishments"); the group's heading is the resource "Search.{Kind}".</summary>
    string Kind { get; }
    /// <summary>The group's place on the results page.</summary>
    int Order { get; }
    /// <summary>Whether the user uses these records at all (the menu's rule): a case worker is not offered establishments.</summary>
    bool AppliesTo(UserScope scope);
    /// <summary>The full list filtered by the same text, where one exists ("/establishments?q=…").</summary>
    string? MoreUrl(SearchText text);
    Task<List<SearchHit>> Find(UserScope scope, SearchText text, int take, CancellationToken ct);
}

/// <summary>What the user typed, folded (<see cref="SearchFold"/>: "Đống Đa", "dong da" and "ĐỐNG ĐA" are one text), as a LIKE
/// pattern that matches it anywhere in a record's folded <see cref="ISearchable.SearchText"/>: the same answers on both databases.</summary>
public sealed record SearchText(string Text)
{
    public const int MinLength = 2, MaxLength = 100;

    public string Folded { get; } = SearchFold.Fold(Text);

    public string Pattern => Like(Folded);

    /// <summary>A LIKE pattern (escape character \) that finds <paramref name="folded"/> anywhere.</summary>
    public static string Like(string folded) => "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>The rows whose any of <paramref name="fields"/> contains the text.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> q, DbContext db, params Expression<Func<T, string?>>[] fields)
    {
        var row = Expression.Parameter(typeof(T), "x");
        var like = db.Database.IsNpgsql()
            ? typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
                [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!
            : typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
                [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        var pattern = Pattern;
        // A captured variable, not a constant: EF sends it as a parameter, so every search shares one query plan.
        var patternValue = ((Expression<Func<string>>)(() => pattern)).Body;
        Expression? any = null;
        foreach (var field in fields)
        {
            var value = new ParameterReplacer(field.Parameters[0], row).Visit(field.Body);
            var call = Expression.Call(like, Expression.Constant(EF.Functions), value, patternValue, Expression.Constant("\\"));
            any = any is null ? call : Expression.OrElse(any, call);
        }
        return any is null ? q : q.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }

    /// <summary>The text as typed, trimmed; too short or too long is a Vietnamese 400.</summary>
    public static SearchText Parse(string? q)
    {
        var text = (q ?? "").Trim();
        if (text.Length < MinLength) throw ValidationException.One("q", $"Nhập ít nhất {MinLength} ký tự để tìm.");
        if (text.Length > MaxLength) throw ValidationException.One("q", $"Từ khóa tìm kiếm tối đa {MaxLength} ký tự.");
        return new SearchText(text);
    }

    sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
