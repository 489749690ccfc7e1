using System.Diagnostics.CodeAnalysis;

namespace Pcmd.Web.Shared;

/// <summary>A date in an API query string (<c>?from=05/12/2025</c>), read as <see cref="DateInput"/> reads a date box: day
/// first (dd/mm/yyyy, d/m/yyyy) or ISO. The framework's own DateOnly binder reads the invariant culture, month first, so
/// 05/12/2025 became 12 May and 31/02 a bare "cannot bind"; every API date query parameter is this type instead (a test
/// reads the OpenAPI document for any left). A date that does not exist fails binding; <see cref="Security.BindingProblems"/>
/// then answers a Vietnamese 400 under the parameter's name with <see cref="DateInput.Read"/>'s reason.</summary>
public readonly record struct DateQuery(DateOnly Value) : IParsable<DateQuery>
{
    /// <summary>The type's name as the framework writes it in a binding failure ("DateQuery? from").</summary>
    public const string TypeName = nameof(DateQuery);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DateQuery result)
    {
        var ok = DateInput.TryParse(s, out var d);
        result = new DateQuery(d);
        return ok;
    }

    public static DateQuery Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var d) ? d : throw new FormatException(DateInput.Read(s).Error);

    public static implicit operator DateOnly(DateQuery q) => q.Value;

    public override string ToString() => DateInput.Text(Value);
}

public static class DateQueryExtensions
{
    /// <summary>The day of an optional query date.</summary>
    public static DateOnly? Day(this DateQuery? q) => q?.Value;
}
