using System.Globalization;
using Microsoft.Extensions.Localization;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.OrgUnits.Pages;

/// <summary>Formatting shared by the pages of org units, agencies and the audit trail: vi-VN dates
/// (dd/MM/yyyy) and numbers (1.500), Vietnamese names of levels and validity.</summary>
public static class PageText
{
    static readonly TimeZoneInfo Vietnam = FindVietnam();

    static TimeZoneInfo FindVietnam()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { }
        // Việt Nam has had UTC+7 without daylight saving since 1975.
        return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
    }

    public static DateTime ToVietnamTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Vietnam);

    /// <summary>Today in Việt Nam, whatever the server's time zone.</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(ToVietnamTime(DateTime.UtcNow));

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string DateTimeText(DateTime local) => local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The value of an &lt;input type="date"&gt;.</summary>
    public static string IsoDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static DateOnly? ParseIsoDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Number(int n) => n.ToString("N0", VietnameseText.Culture);

    public static string Level(IStringLocalizer L, OrgUnitLevel level) => L["OrgUnitLevel_" + level];

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
