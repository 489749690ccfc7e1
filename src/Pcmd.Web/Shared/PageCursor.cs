using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>Where a page of a long list starts: the sort keys of the row next to it (the last row of the page before for
/// <c>after</c>, the first of the page after for <c>before</c>; none and <c>before</c> for the last page), the page's number,
/// and the total counted on the first page, which every following page carries instead of counting again. It travels as
/// opaque base64url JSON; <see cref="Filter"/> fingerprints the filters and sort it was made for, so a cursor reused with
/// other filters is refused rather than answering a page of something else with the wrong total.</summary>
public sealed record PageCursor(JsonElement[]? Keys, bool Before, int Page, int Total, string Filter)
{
    /// <summary>The deepest row a page number (an OFFSET) may reach; beyond it, pages follow the cursors.</summary>
    public const int MaxOffset = 10_000;

    sealed record Wire(JsonElement[]? K, bool B, int P, int T, string F);

    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Wire(Keys, Before, Page, Total, Filter)));

    /// <summary>The cursor of <c>after</c> or <c>before</c> (at most one of them), or null for a list read by page number.</summary>
    public static PageCursor? Parse(string? after, string? before, string filter)
    {
        if (!string.IsNullOrEmpty(after) && !string.IsNullOrEmpty(before))
            throw ValidationException.One("after", "Chỉ dùng một trong hai tham số after hoặc before.");
        var (name, text) = !string.IsNullOrEmpty(after) ? ("after", after) : ("before", before);
        if (string.IsNullOrEmpty(text)) return null;
        Wire? w = null;
        try { w = text.Length <= 2000 ? JsonSerializer.Deserialize<Wire>(WebEncoders.Base64UrlDecode(text)) : null; }
        catch (Exception e) when (e is FormatException or JsonException) { }
        if (w is null || w.P < 1 || w.T < 0 || w.F is null || w.B != (name == "before") || (w.K is null && !w.B))
            throw ValidationException.One(name, "Con trỏ trang không hợp lệ. Hãy mở lại trang đầu của danh sách.");
        if (w.F != filter)
            throw ValidationException.One(name, "Con trỏ trang thuộc một bộ lọc hoặc cách sắp xếp khác. Hãy mở lại trang đầu của danh sách.");
        return new PageCursor(w.K, w.B, w.P, w.T, w.F);
    }

    /// <summary>A short digest of the list's filters and sort (its query string), carried in its cursors.</summary>
    public static string Fingerprint(string filters) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(filters)).AsSpan(0, 9));

    /// <summary>The page number's offset, refused beyond <see cref="MaxOffset"/> with a message that says what to do.</summary>
    public static int Offset(int page, int pageSize)
    {
        var offset = (long)(page - 1) * pageSize;
        if (offset > MaxOffset)
            throw ValidationException.One("page", $"Trang {ViFormat.Number(page)} quá sâu: số trang chỉ mở trực tiếp được {ViFormat.Number(MaxOffset)} dòng đầu. " +
                "Hãy đi tiếp bằng nút “Trang sau” (tham số after của trang trước), đến trang cuối bằng nút “Trang cuối”, hoặc thu hẹp bộ lọc.");
        return (int)offset;
    }
}
