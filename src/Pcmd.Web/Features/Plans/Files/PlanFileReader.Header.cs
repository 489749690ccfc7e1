using System.Globalization;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans.Files;

// The parts of a plan's header that make it its own document (issue 16, item 1): what a plan as issued carries and a
// draft leaves blank, and a parent plan cited from outside PCMD (item 10).
public sealed partial class PlanFileReader
{
    static void ReadDocument(PlanFileDto p, Plan plan, ErrorList e)
    {
        plan.Purpose = Lines(p.Purpose, "plan.purpose", "mục đích", e);
        plan.Requirements = Lines(p.Requirements, "plan.requirements", "yêu cầu", e);
        plan.Recipients = Lines(p.Recipients, "plan.recipients", "nơi nhận", e);
        if (p.Signer is { } s)
        {
            plan.SignerForm = Lines(s.Form, "plan.signer.form", "thẩm quyền ký", e);
            plan.SignerTitle = Blank(s.Title);
            plan.SignerName = Blank(s.Name);
            if (s.Title?.Length > 200) e.Add("plan.signer.title", "Dài quá 200 ký tự.");
            if (s.Name?.Length > 200) e.Add("plan.signer.name", "Dài quá 200 ký tự.");
        }
        if (p.ParentPlan is { } pp)
        {
            plan.ParentNumber = Blank(pp.Number);
            plan.ParentIssuer = Blank(pp.Issuer);
            plan.ParentIssuedOn = Date(pp.IssuedOn, "plan.parentPlan.issuedOn", e);
            if (plan.ParentNumber is null && plan.ParentIssuer is null)
                e.Add("plan.parentPlan", "Kế hoạch cấp trên cần ít nhất số hiệu hoặc cơ quan ban hành.");
            if (pp.Number?.Length > 60) e.Add("plan.parentPlan.number", "Dài quá 60 ký tự.");
            if (pp.Issuer?.Length > 300) e.Add("plan.parentPlan.issuer", "Dài quá 300 ký tự.");
        }
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    static List<string> Lines(List<string>? lines, string path, string what, ErrorList e)
    {
        var list = lines?.ToList() ?? [];
        for (var i = 0; i < list.Count; i++)
            if (string.IsNullOrWhiteSpace(list[i])) e.Add($"{path}[{i}]", $"Dòng {what} không được để trống.");
        return list;
    }

    /// <summary>"2021-05-17", or "2021-05" and "2021" for a date known only to the month or the year
    /// ("ngày … tháng 5 năm 2021").</summary>
    static (DateOnly?, DatePrecision?) PartialDate(string? value, string path, ErrorList e)
    {
        if (value is null) return (null, null);
        var inv = CultureInfo.InvariantCulture;
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, inv, out var y) && y is >= 1900 and <= 2200)
            return (new DateOnly(y, 1, 1), DatePrecision.Year);
        if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var m))
            return (m, DatePrecision.Month);
        if (value.Length == 10) return (Date(value, path, e), null);
        e.Add(path, $"Ngày '{value}' không hợp lệ; dùng YYYY-MM-DD, hoặc YYYY-MM, YYYY khi chỉ biết tháng hay năm.");
        return (null, null);
    }

    /// <summary>The date as the file writes it, to its precision.</summary>
    public static string? WriteDate(DateOnly? d, DatePrecision? precision) => d?.ToString(precision switch
    {
        DatePrecision.Year => "yyyy",
        DatePrecision.Month => "yyyy-MM",
        _ => "yyyy-MM-dd",
    }, CultureInfo.InvariantCulture);
}
