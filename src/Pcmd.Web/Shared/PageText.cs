using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Pcmd.Web.Shared;

/// <summary>Formatting shared by the pages of every feature: vi-VN dates (dd/MM/yyyy) and numbers (1.500),
/// validity ranges, and the page status of a problem.</summary>
public static class PageText
{
    public static DateTime ToVietnamTime(DateTime utc) => VietnamTime.ToLocal(utc);

    /// <summary>Today in Việt Nam, whatever the server's time zone.</summary>
    public static DateOnly Today() => VietnamTime.Day(DateTime.UtcNow);

    public static string Date(DateOnly? d) => ViFormat.Date(d);

    public static string DateTimeText(DateTime local) => ViFormat.DateTimeSeconds(local);

    /// <summary>The value of an &lt;input type="date"&gt;.</summary>
    public static string IsoDate(DateOnly? d) => ViFormat.IsoDate(d);

    public static DateOnly? ParseIsoDate(string? s) => ViFormat.ParseIsoDate(s);

    public static string Number(int n) => ViFormat.Number(n);

    /// <summary>"đang hiệu lực", "từ 01/07/2025, đang hiệu lực", "đến 30/06/2025", "08/05/2009 – 30/06/2025".</summary>
    public static string Validity(IStringLocalizer L, DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => L["OU_InForce"],
        ({ } f, null) => L["OU_Since", Date(f)] + ", " + L["OU_InForce"],
        (null, { } t) => L["OU_Until", Date(t)],
        ({ } f, { } t) => Date(f) + " – " + Date(t),
    };

    public static bool HasEnded(DateOnly? to) => to is { } t && t < Today();

    /// <summary>When a page cannot show what was asked (forbidden, bad filter), answer with the problem's status as
    /// the API does, still with the Vietnamese message in the page. Not for 404: static rendering then drops the page
    /// and the status-code middleware answers with bare problem JSON, so "not found" pages keep 200.</summary>
    public static void SetStatus(Microsoft.AspNetCore.Http.HttpContext? ctx, Security.AppProblemException problem)
    {
        if (problem.Status != Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound
            && ctx is { Response.HasStarted: false } && Microsoft.AspNetCore.Http.HttpMethods.IsGet(ctx.Request.Method))
            ctx.Response.StatusCode = problem.Status;
    }
}
