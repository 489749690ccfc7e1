using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Users.Sessions;

/// <summary>Settings <c>Pcmd:Sessions</c>.</summary>
public sealed class UserSessionOptions
{
    /// <summary>A session unused this long ends; the user signs in again.</summary>
    public int IdleMinutes { get; set; } = 30;
    /// <summary>How often a busy session's last-seen time is written (and, on a cluster, re-read: see docs/decisions).</summary>
    public int TouchSeconds { get; set; } = 60;
}

/// <summary>The server side of sign-in sessions. Every request's cookie is checked here; the check is answered from
/// memory, and goes to the database only when the session is not in memory yet (first request after start) or once a
/// minute to write its last-seen time. Ending sessions writes the database first, then forgets what memory holds: ending
/// one session removes it, ending all of a user's sessions moves the user's epoch on, so every cached entry of theirs
/// (loaded under the old epoch) is read again from the database on its next use.</summary>
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<UserSessionOptions> options)
{
    sealed class Entry(string userId, long epoch, DateTime lastSeen)
    {
        public string UserId { get; } = userId;
        public long Epoch { get; } = epoch;
        public DateTime LastSeen = lastSeen, Persisted = lastSeen;
    }

    readonly MemoryCache _cache = new(new MemoryCacheOptions());
    readonly ConcurrentDictionary<string, long> _epochs = new();
    DateTime _nextPurge = DateTime.MinValue;

    TimeSpan Idle => TimeSpan.FromMinutes(options.Value.IdleMinutes);
    TimeSpan Touch => TimeSpan.FromSeconds(options.Value.TouchSeconds);
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    long Epoch(string userId) => _epochs.GetValueOrDefault(userId);

    /// <summary>A new session for a user who has just signed in; its id goes into the cookie.</summary>
    public async Task<string> Start(string userId)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        db.UserSessions.Add(new UserSession { Id = id, UserId = userId, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync();
        if (now >= _nextPurge)
        {
            // Ended and long-idle sessions are kept a month (who was signed in when), then removed.
            _nextPurge = now.AddHours(1);
            var before = now.AddDays(-30);
            await db.UserSessions.Where(s => s.EndedAt < before || (s.EndedAt == null && s.LastSeenAt < before)).ExecuteDeleteAsync();
        }
        _cache.Set(id, new Entry(userId, Epoch(userId), now), Cached);
        return id;
    }

    /// <summary>True if the session is open and belongs to the user; it is then marked as used now. A session idle longer
    /// than the timeout is ended here.</summary>
    public async Task<bool> Use(string sessionId, string userId)
    {
        var now = Now;
        var epoch = Epoch(userId); // read before the database, so an ending that lands meanwhile is noticed next time
        if (!_cache.TryGetValue(sessionId, out Entry? e) || e!.Epoch != epoch)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.UserId, s.LastSeenAt, s.EndedAt }).FirstOrDefaultAsync();
            if (row is null || row.EndedAt is not null || row.UserId != userId) { _cache.Remove(sessionId); return false; }
            e = new Entry(row.UserId, epoch, row.LastSeenAt);
            _cache.Set(sessionId, e, Cached);
        }
        if (e.UserId != userId) return false;
        if (now - e.LastSeen > Idle)
        {
            await End(sessionId, SessionEnd.Idle);
            return false;
        }
        if (now > e.LastSeen) e.LastSeen = now;
        if (now - e.Persisted >= Touch)
        {
            e.Persisted = now;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            // Ended by another node (or by hand in the database): this write finds no open row.
            var open = await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
            if (open == 0) { _cache.Remove(sessionId); return false; }
        }
        return true;
    }

    /// <summary>Ends one session (logout).</summary>
    public async Task End(string sessionId, string reason)
    {
        var now = Now;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason));
        }
        _cache.Remove(sessionId);
    }

    /// <summary>Ends every open session of a user, but <paramref name="keep"/> (an administrator changing their own account
    /// stays signed in). Call it after the change is committed: a request that reads the session between the two would
    /// otherwise cache it as open.</summary>
    public async Task<int> EndAll(string userId, string reason, string? keep = null)
    {
        var now = Now;
        int ended;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            ended = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason));
        }
        _epochs.AddOrUpdate(userId, 1, (_, n) => n + 1);
        return ended;
    }

    // Memory is only a copy: an entry unused past the idle time is dropped (the database says the rest).
    MemoryCacheEntryOptions Cached => new() { SlidingExpiration = Idle + Touch };

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
