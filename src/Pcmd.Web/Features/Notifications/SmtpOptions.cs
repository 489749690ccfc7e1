namespace Pcmd.Web.Features.Notifications;

/// <summary>Settings under <c>Pcmd:Smtp</c>. No host (the default) means mail is only recorded in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Pcmd:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "PCMD <no-reply@pcmd.local>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>STARTTLS.</summary>
    public bool EnableSsl { get; set; }
    public int PollSeconds { get; set; } = 10;
    public int MaxAttempts { get; set; } = 8;
    public int BatchSize { get; set; } = 50;
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>The public address of PCMD (https://pcmd.example.gov.vn), put before a notification's link in mails.</summary>
    public string? LinkBaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
