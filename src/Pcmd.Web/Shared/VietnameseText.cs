using System.Globalization;

namespace Pcmd.Web.Shared;

/// <summary>Vietnamese collation for names (Ă after A, Đ after D…), which the databases' default
/// collations do not give; lists are small enough to sort after the query.</summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, CompareOptions.IgnoreCase);
}
