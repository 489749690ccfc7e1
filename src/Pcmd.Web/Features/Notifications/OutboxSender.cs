using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Notifications;

/// <summary>Sends the outbox by SMTP every <see cref="SmtpOptions.PollSeconds"/>. A failed message is retried with
/// exponential backoff up to <see cref="SmtpOptions.MaxAttempts"/> times. Its updates are single UPDATE statements outside
/// SaveChanges: sending is not a change of the records, so it does not fill the audit trail. SMTP is MailKit's (Microsoft
/// no longer recommends System.Net.Mail.SmtpClient): one connection per pass, opened at the first due message and
/// opened anew after a failure.</summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxSender> log)
    : BackgroundService
{
    /// <summary>How long a claimed message is left to its sender before another pass may take it (a node that died mid-send).</summary>
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            log.LogInformation("No SMTP host (Pcmd:Smtp:Host): e-mails are recorded in the outbox but not sent");
            return;
        }
        log.LogInformation("Outbox: sending through {Host}:{Port} every {Seconds} s", o.Host, o.Port, o.PollSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.PollSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // A failing pass (database away) must not stop the host: the next tick tries again.
                try { await SendDue(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Outbox pass failed"); }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>One pass: sends the due messages, oldest first; returns how many were sent.</summary>
    public async Task<int> SendDue(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return 0;
        if (!MailboxAddress.TryParse(o.From, out var from))
        {
            // A setting's mistake, not the messages': they wait, untouched, for the setting to be fixed.
            log.LogError("Pcmd:Smtp:From is not an e-mail address: {From}", o.From);
            return 0;
        }
        using var scope = scopes.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<PcmdDbContext>().OutboxMessages;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < o.MaxAttempts && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        var sent = 0;
        SmtpClient? smtp = null;
        try
        {
            foreach (var m in due)
            {
                // Claim it first: another node's pass sees it as not due, so no message goes out twice.
                var lease = now + Lease;
                var claimed = await outbox.Where(x => x.Id == m.Id && x.SentAt == null && x.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, lease), ct);
                if (claimed == 0) continue;
                try
                {
                    smtp ??= await Connect(o, ct);
                    await smtp.SendAsync(Message(from, m), ct);
                    DateTime? at = clock.GetUtcNow().UtcDateTime;
                    await outbox.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.SentAt, at).SetProperty(x => x.Attempts, m.Attempts + 1).SetProperty(x => x.LastError, (string?)null),
                        CancellationToken.None);
                    sent++;
                }
                catch (Exception e) when (IsSendFailure(e))
                {
                    // The connection may be half-way through a command: the next message gets a new one.
                    var unreachable = smtp is null;
                    await Close(smtp);
                    smtp = null;
                    // A bad address will never work: give up at once rather than after eight tries.
                    var attempts = IsPermanent(e) ? Math.Max(o.MaxAttempts, m.Attempts + 1) : m.Attempts + 1;
                    var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
                    var error = Truncate($"{e.GetType().Name}: {e.Message}{(e.InnerException is { } i ? " — " + i.Message : "")}");
                    await outbox.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error).SetProperty(x => x.NextAttemptAt, next),
                        CancellationToken.None);
                    log.LogWarning("Outbox message {Id} to {To} failed (attempt {Attempts} of {Max}): {Error}", m.Id, m.To, attempts, o.MaxAttempts, error);
                    // The server itself is unreachable: the other messages stay due, their attempts untouched, for the next pass.
                    if (unreachable) break;
                }
            }
        }
        finally { await Close(smtp); }
        if (sent > 0) log.LogInformation("Outbox: {Sent} of {Due} message(s) sent", sent, due.Count);
        return sent;
    }

    static async Task<SmtpClient> Connect(SmtpOptions o, CancellationToken ct)
    {
        var smtp = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            // EnableSsl was System.Net.Mail's STARTTLS; port 465 is TLS from the first byte (RFC 8314).
            var security = !o.EnableSsl ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await smtp.ConnectAsync(o.Host, o.Port, security, ct);
            if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }

    static async Task Close(SmtpClient? smtp)
    {
        if (smtp is null) return;
        try { if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, CancellationToken.None); }
        catch (Exception e) when (IsSendFailure(e)) { } // QUIT on a broken connection: nothing more to do
        finally { smtp.Dispose(); }
    }

    /// <summary>A plain-text UTF-8 message; MimeKit encodes the subject (RFC 2047) and chooses the body's transfer encoding
    /// from what the server announces (quoted-printable or base64 without 8BITMIME).</summary>
    static MimeMessage Message(MailboxAddress from, OutboxMessage m)
    {
        var mail = new MimeMessage { Subject = m.Subject, Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = m.Body } };
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(m.To));
        return mail;
    }

    /// <summary>What one message's sending may throw: the server's answer, the connection, a bad address.</summary>
    static bool IsSendFailure(Exception e) => e is CommandException or ProtocolException or MailKit.Security.AuthenticationException
        or SslHandshakeException or IOException or SocketException or TimeoutException or FormatException or ArgumentException
        or InvalidOperationException;

    /// <summary>An address that cannot be parsed, or one the server refuses for good (5xx on RCPT TO).</summary>
    static bool IsPermanent(Exception e) => e is FormatException or ArgumentException
        || e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } r && (int)r.StatusCode >= 500;

    static string Truncate(string s) => s.Length <= OutboxMessage.ErrorLength ? s : s[..(OutboxMessage.ErrorLength - 1)] + "…";
}
