namespace Pcmd.Web.Features.Notifications;

/// <summary>The plain-text body of a notification mail.</summary>
public static class MailText
{
    public static string Body(string? fullName, string text, string? link, string? baseUrl)
    {
        var greeting = string.IsNullOrWhiteSpace(fullName) ? "Kính gửi anh/chị," : $"Kính gửi {fullName.Trim()},";
        var lines = new List<string> { greeting, "", text.Trim() };
        if (link is not null)
        {
            // Without a configured public address the path is all PCMD knows; the reader adds their own server.
            var url = string.IsNullOrWhiteSpace(baseUrl) ? link : baseUrl.TrimEnd('/') + link;
            lines.AddRange(["", "Xem chi tiết: " + url]);
        }
        lines.AddRange(["", "--", "Thư tự động từ hệ thống PCMD. Vui lòng không trả lời thư này."]);
        return string.Join("\r\n", lines);
    }
}
