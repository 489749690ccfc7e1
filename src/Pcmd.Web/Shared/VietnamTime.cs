namespace Pcmd.Web.Shared;

/// <summary>Việt Nam's civil time: UTC+7 without daylight saving since 1975. Deadlines, "today" and the dates printed
/// on documents are Vietnamese days whatever the server's time zone, so every feature converts here.</summary>
public static class VietnamTime
{
    /// <summary>UTC+7 all year (no daylight saving), as a constant a query can carry.</summary>
    public const int OffsetHours = 7;
    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    /// <summary>A UTC instant (of any <see cref="DateTimeKind"/>: EF gives Unspecified) as Vietnamese wall-clock time.</summary>
    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateTimeOffset ToOffset(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    public static DateTimeOffset? ToOffset(DateTime? utc) => utc is { } u ? ToOffset(u) : null;

    /// <summary>The Vietnamese calendar day of a UTC instant.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Day(clock.GetUtcNow());

    /// <summary>The UTC instant at which a Vietnamese day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
