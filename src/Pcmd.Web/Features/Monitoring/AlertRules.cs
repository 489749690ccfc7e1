using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Monitoring;

public enum AlertKind
{
    /// <summary>A hotspot re-emerged in the last <see cref="AlertRules.RecentDays"/> days.</summary>
    HotspotReEmerged,
    /// <summary>A ward with establishments under management and no inspection in <see cref="AlertRules.QuietDays"/> days.</summary>
    NoRecentInspection,
    /// <summary>A count this year so far well above the same period last year.</summary>
    SharpRise,
}

/// <summary>An alert for the people responsible for <see cref="UnitId"/>. <see cref="Key"/> names the event so that it is
/// notified once (the notification's dedup key), however often the rules run.</summary>
public sealed record Alert(AlertKind Kind, int UnitId, string UnitName, string Text, string Link, string Key);

/// <summary>The early-warning rules of issue 14, on the Vietnamese calendar day of the clock. Pure: the unit tests pin them
/// with a fixed clock. The thresholds are the ("no inspection in 90 days") or chosen so that a handful of cases does
/// not alarm anyone: a rise is sharp when at least half again as many and at least <see cref="RiseMinimum"/> more.</summary>
public sealed class AlertRules(TimeProvider clock)
{
    public const int QuietDays = 90;
    public const int RecentDays = 90;
    public const decimal RiseRatio = 1.5m;
    public const decimal RiseMinimum = 5m;

    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>No inspection in the ward for more than <see cref="QuietDays"/> days (or never), while it has something to inspect.</summary>
    public bool NoRecentInspection(DateOnly? lastInspection, int managedEstablishments) =>
        managedEstablishments > 0 && (lastInspection is not { } last || Today.DayNumber - last.DayNumber > QuietDays);

    /// <summary>A re-emergence dated in the last <see cref="RecentDays"/> days (not in the future: a typing error is not news).</summary>
    public bool ReEmergedRecently(DateOnly day) => day <= Today && Today.DayNumber - day.DayNumber <= RecentDays;

    /// <summary>This year so far against the same period last year.</summary>
    public static bool SharpRise(decimal now, decimal sameTimeLastYear) =>
        now - sameTimeLastYear >= RiseMinimum && now >= sameTimeLastYear * RiseRatio;

    /// <summary>The same calendar day a year earlier (29 February → 28 February).</summary>
    public static DateOnly SameDayYearBefore(DateOnly day) =>
        new(day.Year - 1, day.Month, Math.Min(day.Day, DateTime.DaysInMonth(day.Year - 1, day.Month)));
}
