using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Notifications;

sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Notifier on an in-memory SQLite database built by the versioned scripts (so 0006 is exercised too): it adds
/// without saving, keeps one notification per user and key, mails only users with an address, and never lets one user
/// read or mark another's.</summary>
public sealed class NotifierTests : IDisposable
{
    readonly SqliteConnection _conn = new("Data Source=:memory:");
    readonly ServiceProvider _services;
    readonly FixedClock _clock = new(new DateTimeOffset(2026, 6, 17, 1, 30, 0, TimeSpan.Zero));

    public NotifierTests()
    {
        _conn.Open();
        _services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(_conn))
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton(Options.Create(new SmtpOptions { LinkBaseUrl = "https://pcmd.example.vn" }))
            .AddScoped<Notifier>()
            .BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = Db(scope);
        SchemaMigrator.MigrateAsync(db, DatabaseProvider.Sqlite).GetAwaiter().GetResult();
        var unit = new OrgUnit { Code = "09568", Name = "Phường Phú Lương", Level = OrgUnitLevel.Commune };
        db.OrgUnits.Add(unit);
        db.SaveChanges();
        db.Users.AddRange(
            new PcmdUser { Id = "a", UserName = "a", FullName = "Lê Thị An", OrgUnitId = unit.Id, Email = "an@pcmd.test" },
            new PcmdUser { Id = "b", UserName = "b", FullName = "Phạm Bình", OrgUnitId = unit.Id },
            new PcmdUser { Id = "c", UserName = "c", FullName = "Cao Cường", OrgUnitId = unit.Id, Email = "  " });
        db.SaveChanges();
    }

    static PcmdDbContext Db(IServiceScope s) => s.ServiceProvider.GetRequiredService<PcmdDbContext>();
    static Notifier Notifier(IServiceScope s) => s.ServiceProvider.GetRequiredService<Notifier>();

    async Task<int> NotifyAndSave(string[] users, string key, string? link = null)
    {
        using var scope = _services.CreateScope();
        var n = await Notifier(scope).Notify(users, "Nhắc hạn", "Sắp đến hạn báo cáo.", link, key, default);
        await Db(scope).SaveChangesAsync();
        return n;
    }

    [Fact]
    public async Task Notify_adds_to_the_callers_unit_of_work_without_saving_it()
    {
        using (var scope = _services.CreateScope())
        {
            Assert.Equal(3, await Notifier(scope).Notify(["a", "b", "c"], "Nhắc hạn", "x", null, "k", default));
            // The scope ends without SaveChanges: as if the caller's change failed.
        }
        using var check = _services.CreateScope();
        Assert.Equal(0, await Db(check).Set<Notification>().CountAsync());
        Assert.Equal(0, await Db(check).Set<OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task One_notification_per_user_and_key_and_a_mail_only_where_there_is_an_address()
    {
        Assert.Equal(2, await NotifyAndSave(["a", "b", "b"], "report:1", "/reports/1"));
        Assert.Equal(1, await NotifyAndSave(["a", "b", "c"], "report:1"));
        Assert.Equal(0, await NotifyAndSave(["a", "b", "c"], "report:1"));
        Assert.Equal(3, await NotifyAndSave(["a", "b", "c"], "report:2"));
        Assert.Equal(0, await NotifyAndSave(["nobody"], "report:3"));

        using var scope = _services.CreateScope();
        var db = Db(scope);
        Assert.Equal(6, await db.Set<Notification>().CountAsync());
        var mails = await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["an@pcmd.test", "an@pcmd.test"], mails.Select(m => m.To));
        Assert.Equal(["report:1", "report:2"], mails.Select(m => m.DedupKey));
        Assert.Equal(_clock.Now.UtcDateTime, mails[0].NextAttemptAt);
        Assert.Equal(0, mails[0].Attempts);
        Assert.Equal("Kính gửi Lê Thị An,\r\n\r\nSắp đến hạn báo cáo.\r\n\r\nXem chi tiết: https://pcmd.example.vn/reports/1\r\n\r\n--\r\n"
            + "Thư tự động từ hệ thống PCMD. Vui lòng không trả lời thư này.", mails[0].Body);
    }

    [Fact]
    public async Task A_user_reads_and_marks_only_their_own()
    {
        await NotifyAndSave(["a", "b"], "k1", "/reports/1");
        _clock.Now = _clock.Now.AddMinutes(5);
        await NotifyAndSave(["a"], "k2");
        using var scope = _services.CreateScope();
        var notifier = Notifier(scope);
        var mine = await notifier.ForUser("a", unreadOnly: false, take: 50, default);
        Assert.Equal(["k2", "k1"], mine.Select(n => Db(scope).Set<Notification>().Single(x => x.Id == n.Id).DedupKey));
        Assert.All(mine, n => Assert.Equal(DateTimeKind.Utc, n.CreatedAt.Kind));
        var theirs = (await notifier.ForUser("b", false, 50, default)).Single();

        await Assert.ThrowsAsync<NotFoundException>(() => notifier.MarkRead("a", theirs.Id, default));
        Assert.Equal(1, await notifier.UnreadCount("b", default));

        await notifier.MarkRead("a", mine[1].Id, default);
        _clock.Now = _clock.Now.AddMinutes(5);
        await notifier.MarkRead("a", mine[1].Id, default);
        var read = (await notifier.ForUser("a", false, 50, default)).Single(n => n.Id == mine[1].Id);
        Assert.Equal(_clock.Now.AddMinutes(-5).UtcDateTime, read.ReadAt);
        Assert.Equal([mine[0].Id], (await notifier.ForUser("a", true, 50, default)).Select(n => n.Id));

        await notifier.MarkAllRead("a", default);
        Assert.Equal(0, await notifier.UnreadCount("a", default));
        Assert.Equal(1, await notifier.UnreadCount("b", default));
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("reports/12")]
    public async Task A_link_must_be_a_local_path(string link)
    {
        using var scope = _services.CreateScope();
        await Assert.ThrowsAsync<ArgumentException>(() => Notifier(scope).Notify(["a"], "s", "t", link, "k", default));
    }

    [Fact]
    public async Task Without_an_SMTP_host_a_pass_sends_nothing()
    {
        await NotifyAndSave(["a"], "k");
        var sender = new OutboxSender(_services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new SmtpOptions()), _clock,
            NullLogger<OutboxSender>.Instance);
        Assert.Equal(0, await sender.SendDue(default));
        using var scope = _services.CreateScope();
        var m = await Db(scope).Set<OutboxMessage>().SingleAsync();
        Assert.Null(m.SentAt);
        Assert.Equal(0, m.Attempts);
    }

    [Fact]
    public async Task An_unreachable_server_fails_one_message_and_leaves_the_rest_for_the_next_pass()
    {
        await NotifyAndSave(["a"], "k1");
        await NotifyAndSave(["a"], "k2");
        // A port that was free a moment ago: nothing listens there, the connection is refused.
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var sender = new OutboxSender(_services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = 5 }), _clock, NullLogger<OutboxSender>.Instance);

        Assert.Equal(0, await sender.SendDue(default));
        using var scope = _services.CreateScope();
        var mails = await Db(scope).Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([1, 0], mails.Select(m => m.Attempts));
        Assert.All(mails, m => Assert.Null(m.SentAt));
        Assert.False(string.IsNullOrEmpty(mails[0].LastError));
        Assert.Equal(_clock.Now.UtcDateTime.AddSeconds(30), mails[0].NextAttemptAt);
        Assert.Equal(_clock.Now.UtcDateTime, mails[1].NextAttemptAt);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(20, 3600)]
    public void Retries_back_off_exponentially_up_to_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxSender.Backoff(attempts));

    public void Dispose()
    {
        _services.Dispose();
        _conn.Dispose();
    }
}
