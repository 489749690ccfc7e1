using System.Globalization;
using System.Text;

namespace Pcmd.Web.Features.Establishments;

/// <summary>The Vietnamese words of the import/export files (the file format is Vietnamese whatever the UI
/// language), and their reading back: case, spacing and Unicode normalisation do not matter.</summary>
public static class EstablishmentLabels
{
    public static string Status(ManagementStatus s) => s switch
    {
        ManagementStatus.UnderManagement => "Đang quản lý",
        ManagementStatus.NotUnderManagement => "Không thuộc diện quản lý",
        ManagementStatus.Closed => "Đã ngừng kinh doanh",
        _ => s.ToString(),
    };

    public static string Risk(RiskClass r) => r switch
    {
        RiskClass.Low => "Thấp",
        RiskClass.Medium => "Trung bình",
        RiskClass.High => "Cao",
        _ => r.ToString(),
    };

    public static string Group(EstablishmentGroup g) => g switch
    {
        EstablishmentGroup.Lodging => "Lưu trú",
        EstablishmentGroup.Culture => "Văn hóa",
        EstablishmentGroup.HealthTherapy => "Sức khỏe, trị liệu",
        EstablishmentGroup.Other => "Khác",
        _ => g.ToString(),
    };

    public static string YesNo(bool b) => b ? "Có" : "Không";

    /// <summary>Lower-case, NFC, single spaces: "ĐANG  quản lý" and "Đang quản lý" read the same.</summary>
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s.Trim().Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    static readonly Dictionary<string, ManagementStatus> StatusWords = Words<ManagementStatus>(Status,
        ("quản lý", ManagementStatus.UnderManagement), ("ngừng kinh doanh", ManagementStatus.Closed), ("không quản lý", ManagementStatus.NotUnderManagement));

    static readonly Dictionary<string, RiskClass> RiskWords = Words<RiskClass>(Risk, ("tb", RiskClass.Medium));

    static Dictionary<string, T> Words<T>(Func<T, string> label, params (string Word, T Value)[] more) where T : struct, Enum
    {
        var d = new Dictionary<string, T>();
        foreach (var v in Enum.GetValues<T>())
        {
            d[Fold(label(v))] = v;
            d[Fold(v.ToString())] = v;
        }
        foreach (var (w, v) in more) d[Fold(w)] = v;
        return d;
    }

    public static bool TryStatus(string text, out ManagementStatus s) => StatusWords.TryGetValue(Fold(text), out s);

    public static bool TryRisk(string text, out RiskClass r) => RiskWords.TryGetValue(Fold(text), out r);

    static readonly HashSet<string> Yes = ["có", "x", "1", "true", "đã ký", "rồi", "yes"];
    static readonly HashSet<string> No = ["không", "0", "false", "chưa", "chưa ký", "no"];

    public static bool TryYesNo(string text, out bool b)
    {
        var f = Fold(text);
        b = Yes.Contains(f);
        return b || No.Contains(f);
    }
}
