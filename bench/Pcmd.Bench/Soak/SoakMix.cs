using System.Globalization;

namespace Pcmd.Bench.Soak;

/// <summary>One kind of request in the mix. A read is a GET of <see cref="Url"/> by any session allowed to run it, answered 200;
/// a write or the sign-in cycle is <see cref="Run"/>, by the one demo account <see cref="Owner"/>.</summary>
public sealed record SoakOp(string Name, string Kind, double Weight, Func<SoakSession, Random, string?>? Url = null,
    Func<SoakActions, int, Random, Task>? Run = null, string? Owner = null);

/// <summary>The request mix of the soak (docs/decisions.md, "The soak benchmark", says why these and these weights): what the demo's people
/// do in a working day — mostly pages and lists in their own scope, single records, the map, plan and indicator results,
/// report forms; now and then an export; a few writes with their version; a sign-in and sign-out cycle.</summary>
public static class SoakMix
{
    public const string Page = "page", Api = "api", Export = "export", Write = "write", SignIn = "sign-in";
    /// <summary>The deepest page number asked for: 200 pages of 50 are the 10,000 rows a page number may reach (PageCursor.MaxOffset).</summary>
    const int MaxPage = 200;

    /// <summary>Reads draw from the ids each user found in its own scope (so out-of-scope 404s are not part of the mix).</summary>
    public static IReadOnlyList<SoakOp> Ops { get; } =
    [
        new("home page", Page, 2, (_, _) => "/"),
        new("plans page", Page, 3, (_, _) => "/plans"),
        new("plan page", Page, 5, (s, r) => Pick(s.Plans, r) is { } p ? $"/plans/{p}" : null),
        new("plan results page", Page, 3, (s, r) => Pick(s.Plans, r) is { } p ? $"/plans/{p}/results" : null),
        new("indicator results page", Page, 1, (s, r) => Pick(s.Indicators, r) is var (p, i) && p > 0 ? $"/plans/{p}/indicators/{i}/results" : null),
        // Page numbers reach 10,000 rows at most (PageCursor.MaxOffset): deeper pages follow the cursors.
        new("establishments page", Page, 6, (s, r) => "/establishments" + EstablishmentFilter(s, r, page: true)),
        new("establishment page", Page, 5, (s, r) => Pick(s.Establishments, r) is { } e ? $"/establishments/{e}" : null),
        new("inspections page", Page, 3, (s, r) => "/inspections" + (r.Next(2) == 0 ? "" : $"?from={Year(r)}-01-01&page={1 + r.Next(Math.Min(s.InspectionPages, MaxPage))}")),
        new("inspection page", Page, 3, (s, r) => Pick(s.Inspections, r) is { } i ? $"/inspections/{i}" : null),
        new("hotspots page", Page, 2, (_, _) => "/hotspots"),
        new("hotspot page", Page, 1, (s, r) => Pick(s.Hotspots, r) is { } h ? $"/hotspots/{h}" : null),
        new("map page", Page, 3, (_, _) => "/map"),
        new("reports page", Page, 3, (_, _) => "/reports"),
        new("report page", Page, 2, (s, r) => Pick(s.Reports, r) is { } id ? $"/reports/{id}" : null),
        new("plan reports page", Page, 1, (s, r) => Pick(s.Plans, r) is { } p ? $"/plans/{p}/reports" : null),
        new("my tasks page", Page, 1, (_, _) => "/my-tasks"),
        new("notifications page", Page, 1, (_, _) => "/notifications"),

        new("establishments list", Api, 10, (s, r) => "/api/v1/establishments" + EstablishmentFilter(s, r, page: false)),
        new("establishment", Api, 6, (s, r) => Pick(s.Establishments, r) is { } e ? $"/api/v1/establishments/{e}" : null),
        new("inspections list", Api, 5, (s, r) => $"/api/v1/inspections?from={Year(r)}-01-01&to={Year(r)}-12-31&page={1 + r.Next(Math.Min(s.InspectionPages, MaxPage))}"
            + (r.Next(4) == 0 ? "&hasSanction=true" : "")),
        new("inspection", Api, 4, (s, r) => Pick(s.Inspections, r) is { } i ? $"/api/v1/inspections/{i}" : null),
        new("hotspots list", Api, 3, (_, r) => "/api/v1/hotspots" + (r.Next(2) == 0 ? "" : "?state=" + (r.Next(2) == 0 ? "identified" : "targeted"))),
        new("hotspot", Api, 1, (s, r) => Pick(s.Hotspots, r) is { } h ? $"/api/v1/hotspots/{h}" : null),
        // As the page asks: the whole area once, then the visible box after each move (here a box of Hà Nội's centre).
        new("map points", Api, 4, (_, r) => "/api/v1/map/points?layer=" + (r.Next(3) switch { 0 => "hotspots", 1 => "establishments", _ => "both" })
            + (r.Next(3) == 0 ? "" : $"&bbox=105.78,20.98,105.88,21.06&zoom={12 + r.Next(5)}")),
        new("plan results", Api, 3, (s, r) => Pick(s.Plans, r) is { } p ? $"/api/v1/plans/{p}/results" : null),
        new("indicator results", Api, 3, (s, r) => Pick(s.Indicators, r) is var (p, i) && p > 0 ? $"/api/v1/indicators/{i}/results" : null),
        new("my reports", Api, 2, (_, _) => "/api/v1/reports/mine"),
        new("report form", Api, 3, (s, r) => Pick(s.Reports, r) is { } id ? $"/api/v1/reports/{id}" : null),
        new("period matrix", Api, 1, (s, r) => Pick(s.Periods, r) is { } id ? $"/api/v1/report-periods/{id}/matrix" : null),
        new("unread count", Api, 3, (_, _) => "/api/v1/notifications/unread-count"),
        new("me", Api, 1, (_, _) => "/api/v1/auth/me"),
        new("plans list", Api, 1, (_, _) => "/api/v1/plans"),
        new("plan", Api, 2, (s, r) => Pick(s.Plans, r) is { } p ? $"/api/v1/plans/{p}" : null),

        new("export csv", Export, 0.3, (s, r) => "/api/v1/establishments/export.csv" + UnitFilter(s, r)),
        new("export xlsx", Export, 0.2, (s, r) => "/api/v1/establishments/export.xlsx" + UnitFilter(s, r)),
        new("report docx", Export, 0.1, (s, r) => Pick(s.Reports, r) is { } id ? $"/api/v1/reports/{id}/docx" : null),
        new("period xlsx", Export, 0.1, (s, r) => Pick(s.Periods, r) is { } id ? $"/api/v1/report-periods/{id}/xlsx" : null),

        new("inspection create", Write, 0.5, Run: (a, m, r) => a.CreateInspection(m, r), Owner: SoakActions.Inspector),
        new("inspection update", Write, 1.0, Run: (a, m, r) => a.UpdateInspection(m, r), Owner: SoakActions.Inspector),
        new("establishment create", Write, 0.4, Run: (a, m, r) => a.CreateEstablishment(m, r), Owner: SoakActions.Officer),
        new("establishment update", Write, 0.8, Run: (a, m, r) => a.UpdateEstablishment(m, r), Owner: SoakActions.Officer),
        new("sign-in cycle", SignIn, 0.15, Run: (a, m, r) => a.SignInCycle(m), Owner: SoakActions.Churn),
    ];

    /// <summary>The op of a draw in [0, total weight).</summary>
    public static SoakOp Choose(IReadOnlyList<SoakOp> ops, double draw)
    {
        foreach (var op in ops)
        {
            if (draw < op.Weight) return op;
            draw -= op.Weight;
        }
        return ops[^1];
    }

    static T? Pick<T>(List<T> xs, Random r) => xs.Count == 0 ? default : xs[r.Next(xs.Count)];

    /// <summary>The registry data end on 31/10/2026; a year of the data, recent ones more often.</summary>
    static int Year(Random r) => r.Next(3) switch { 0 => 2025, _ => 2026 };

    /// <summary>The filters the list offers, one or two at a time, as people use them; page within the user's pages.</summary>
    static string EstablishmentFilter(SoakSession s, Random r, bool page)
    {
        var q = new List<string>();
        switch (r.Next(6))
        {
            case 0: q.Add("status=underManagement"); break;
            case 1: q.Add("risk=" + (r.Next(2) == 0 ? "high" : "medium")); break;
            case 2 when s.TypeCodes.Count > 0: q.Add("type=" + Uri.EscapeDataString(s.TypeCodes[r.Next(s.TypeCodes.Count)])); break;
            case 3: q.Add("q=" + Uri.EscapeDataString(r.Next(3) switch { 0 => "karaoke", 1 => "nhà nghỉ", _ => "massage" })); break;
            case 4 when s.EstablishmentUnits.Count > 0: q.Add("unit=" + s.EstablishmentUnits[r.Next(s.EstablishmentUnits.Count)]); break;
        }
        if (r.Next(4) == 0) q.Add("sort=newest");
        if (q.Count == 0 || r.Next(3) == 0) q.Add($"page={1 + r.Next(Math.Min(s.EstablishmentPages, 20))}");
        if (!page) q.Add("pageSize=50");
        return "?" + string.Join("&", q);
    }

    /// <summary>An export is of one commune's list (what a ward officer or the coordinator exports), never the whole city.</summary>
    static string UnitFilter(SoakSession s, Random r) =>
        s.EstablishmentUnits.Count == 0 ? "" : "?Unit=" + s.EstablishmentUnits[r.Next(s.EstablishmentUnits.Count)].ToString(CultureInfo.InvariantCulture);
}
