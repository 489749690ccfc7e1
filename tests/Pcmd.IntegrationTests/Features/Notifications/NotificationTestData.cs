using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.Users;

namespace Pcmd.IntegrationTests.Features.Notifications;

/// <summary>Fresh users per test (the apps are shared by every test class, so counts must start from zero), and
/// notifications sent the way the reminder code sends them: Notifier, then the caller's SaveChanges.</summary>
public sealed class NotificationTestData(IServiceProvider services) : TestData(services, provider: "")
{
    /// <summary>A user who can sign in with <see cref="PcmdApp.Password"/>.</summary>
    public async Task<(string Id, string UserName)> NewUser(string? email = null, int? agencyId = null, string fullName = "Nguyễn Thị Thông")
    {
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var unit = await db.OrgUnits.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var user = new PcmdUser { UserName = UniqueKey("tb"), FullName = fullName, OrgUnitId = unit, AgencyId = agencyId, Email = email, EmailConfirmed = true };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<PcmdUser>>().CreateAsync(user, PcmdApp.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return (user.Id, user.UserName);
    }

    public async Task<int> Notify(IReadOnlyCollection<string> userIds, string subject, string key, string? link = null, string text = "Nội dung thông báo")
    {
        using var scope = Scope();
        var added = await scope.ServiceProvider.GetRequiredService<Notifier>().Notify(userIds, subject, text, link, key, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().SaveChangesAsync();
        return added;
    }

    public Task<int> NotificationId(string userId, string key) =>
        Db(db => db.Set<Notification>().Where(n => n.UserId == userId && n.DedupKey == key).Select(n => n.Id).SingleAsync());

    public Task<List<OutboxMessage>> Outbox(string to) =>
        Db(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync());
}
