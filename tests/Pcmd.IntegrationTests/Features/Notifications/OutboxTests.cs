using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Notifications;

namespace Pcmd.IntegrationTests.Features.Notifications;

/// <summary>A clock the test moves: the retry waits are minutes, the test does not sleep them.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The outbox sender against a real (local, minimal) SMTP server, configured through the app's settings as in
/// production; the test calls one pass (<see cref="OutboxSender.SendDue"/>) rather than waiting for the timer.</summary>
public abstract class OutboxTests(PcmdApp app)
{
    /// <summary>The same database and code, with Pcmd:Smtp pointing at the listener and the test's clock. The poll is
    /// an hour, so the hosted loop never races the test's own passes.</summary>
    static WebApplicationFactory<Program> WithSmtp(PcmdApp app, SmtpListener smtp, TestClock clock) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Pcmd:Smtp:Host", "127.0.0.1");
        b.UseSetting("Pcmd:Smtp:Port", smtp.Port.ToString());
        b.UseSetting("Pcmd:Smtp:From", "PCMD Hà Nội <no-reply@pcmd.test>");
        b.UseSetting("Pcmd:Smtp:PollSeconds", "3600");
        b.UseSetting("Pcmd:Smtp:LinkBaseUrl", "https://pcmd.example.vn/");
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
    });

    [Fact]
    public async Task A_queued_mail_is_sent_by_SMTP_with_its_Vietnamese_subject_and_body()
    {
        await using var smtp = new SmtpListener();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var host = WithSmtp(app, smtp, clock);
        var data = new NotificationTestData(host.Services);
        var to = $"{data.UniqueKey("lanh-dao")}@pcmd.test";
        var (user, _) = await data.NewUser(email: to, fullName: "Trần Văn Đức");
        const string subject = "Nhắc nộp báo cáo công tác phòng, chống mại dâm quý II/2026 — hạn 15/07";
        await data.Notify([user], subject, data.UniqueKey("due"), "/reports/12", "Đơn vị chưa nộp báo cáo. Đề nghị hoàn thành trước ngày 15/07/2026.");

        var sender = host.Services.GetRequiredService<OutboxSender>();
        Assert.True(await sender.SendDue(CancellationToken.None) >= 1);

        var mail = Assert.Single(smtp.Received, m => m.To.Contains(to));
        Assert.Equal([to], mail.To);
        Assert.Equal("no-reply@pcmd.test", mail.From);
        Assert.Equal(subject, mail.Subject);
        Assert.Contains("Kính gửi Trần Văn Đức,", mail.Body);
        Assert.Contains("Đơn vị chưa nộp báo cáo. Đề nghị hoàn thành trước ngày 15/07/2026.", mail.Body);
        Assert.Contains("Xem chi tiết: https://pcmd.example.vn/reports/12", mail.Body);
        var sent = Assert.Single(await data.Outbox(to));
        Assert.Equal(clock.Now.UtcDateTime, DateTime.SpecifyKind(sent.SentAt!.Value, DateTimeKind.Utc), TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);

        // Sent once: the next pass leaves it alone.
        await sender.SendDue(CancellationToken.None);
        Assert.Single(smtp.Received, m => m.To.Contains(to));
    }

    [Fact]
    public async Task A_refused_mail_is_retried_after_the_backoff_and_then_sent()
    {
        await using var smtp = new SmtpListener { RefuseData = true };
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var host = WithSmtp(app, smtp, clock);
        var data = new NotificationTestData(host.Services);
        var to = $"{data.UniqueKey("thu-lai")}@pcmd.test";
        var (user, _) = await data.NewUser(email: to);
        await data.Notify([user], "Thư gửi lại", data.UniqueKey("retry"));
        var sender = host.Services.GetRequiredService<OutboxSender>();

        await sender.SendDue(CancellationToken.None);
        var failed = Assert.Single(await data.Outbox(to));
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("Try again later", failed.LastError);
        Assert.Equal(clock.Now.UtcDateTime + OutboxSender.Backoff(1), DateTime.SpecifyKind(failed.NextAttemptAt, DateTimeKind.Utc), TimeSpan.FromMilliseconds(1));
        Assert.True(failed.NextAttemptAt > clock.Now.UtcDateTime);

        // The server is back, but the wait is not over: nothing goes out yet.
        smtp.RefuseData = false;
        await sender.SendDue(CancellationToken.None);
        Assert.DoesNotContain(smtp.Received, m => m.To.Contains(to));
        Assert.Null(Assert.Single(await data.Outbox(to)).SentAt);

        clock.Now += OutboxSender.Backoff(1) + TimeSpan.FromSeconds(1);
        await sender.SendDue(CancellationToken.None);
        Assert.Equal("Thư gửi lại", Assert.Single(smtp.Received, m => m.To.Contains(to)).Subject);
        var sent = Assert.Single(await data.Outbox(to));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task An_address_the_server_refuses_for_good_is_given_up_at_once_and_the_next_mail_still_goes()
    {
        await using var smtp = new SmtpListener();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var host = WithSmtp(app, smtp, clock);
        var data = new NotificationTestData(host.Services);
        var unknown = $"{data.UniqueKey("khong-co")}@pcmd.test";
        var known = $"{data.UniqueKey("co-that")}@pcmd.test";
        smtp.UnknownRecipient = unknown;
        var (refused, _) = await data.NewUser(email: unknown);
        var (reached, _) = await data.NewUser(email: known);
        await data.Notify([refused, reached], "Thư cho hai người", data.UniqueKey("permanent"));
        var sender = host.Services.GetRequiredService<OutboxSender>();

        await sender.SendDue(CancellationToken.None);
        var givenUp = Assert.Single(await data.Outbox(unknown));
        Assert.Null(givenUp.SentAt);
        Assert.Equal(new SmtpOptions().MaxAttempts, givenUp.Attempts);
        Assert.Contains("User unknown", givenUp.LastError);
        Assert.NotNull(Assert.Single(await data.Outbox(known)).SentAt);
        Assert.Single(smtp.Received, m => m.To.Contains(known));

        // However long one waits, it is not tried again.
        clock.Now += TimeSpan.FromDays(2);
        await sender.SendDue(CancellationToken.None);
        Assert.Equal(new SmtpOptions().MaxAttempts, Assert.Single(await data.Outbox(unknown)).Attempts);
        Assert.DoesNotContain(smtp.Received, m => m.To.Contains(unknown));
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_outbox_only_records()
    {
        var data = new NotificationTestData(app.Services);
        var to = $"{data.UniqueKey("khong-gui")}@pcmd.test";
        var (user, _) = await data.NewUser(email: to);
        await data.Notify([user], "Chỉ ghi lại", data.UniqueKey("record"));

        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().SendDue(CancellationToken.None));
        var m = Assert.Single(await data.Outbox(to));
        Assert.Null(m.SentAt);
        Assert.Equal(0, m.Attempts);
        Assert.Null(m.LastError);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutboxTestsOnSqlite(SqliteApp app) : OutboxTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OutboxTestsOnPostgres(PostgresApp app) : OutboxTests(app);
