using System.Globalization;
using System.Resources;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>The monitoring texts services write (keys "Monitoring.*" in Resources/strings.tsv), in the culture asked.</summary>
public static class MonitoringLabels
{
    static readonly ResourceManager Strings = new("Pcmd.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string T(string key, CultureInfo c) => Strings.GetString(key, c) ?? Strings.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Method(ProjectionMethod m, CultureInfo c) => T("Monitoring.Method." + m, c);
}
