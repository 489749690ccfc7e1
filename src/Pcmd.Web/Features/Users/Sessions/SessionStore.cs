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
/// (loaded under the old epoch) is read again from the database on its next use. On PostgreSQL every ending is also
/// announced to the other nodes (<see cref="SessionListener"/>), which forget the user's cached sessions at once.</summary>
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<UserSessionOptions> options)
{
    sealed class Entry(string userId, long epoch, DateTime lastSeen, string? stamp)
    {
        public string UserId { get; } = userId;
        public long Epoch { get; } = epoch;
        /// <summary>The user's security stamp when the entry was read: a cookie carrying another one is stale.</summary>
        public string? Stamp { get; } = stamp;
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
    public async Task<string> Start(string userId, string? stamp)
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
        _cache.Set(id, new Entry(userId, Epoch(userId), now, stamp), Cached);
        return id;
    }

    /// <summary>True if the session is open, belongs to the user and the cookie carries the user's current security stamp
    /// (<paramref name="stamp"/>); it is then marked as used now. A session idle longer than the timeout is ended here; a cookie
    /// carrying a stamp the user no longer has is refused. This replaces Identity's security-stamp validator, which
    /// re-read the user and re-issued the cookie on every request of a client that does not keep renewed cookies once the
    /// cookie was older than its interval: the stamp is held with the session in memory and re-read with it (a change
    /// through UserService moves the user's epoch on; a change made elsewhere is seen at the next touch).</summary>
    public async Task<bool> Use(string sessionId, string userId, string? stamp)
    {
        var now = Now;
        var epoch = Epoch(userId); // read before the database, so an ending that lands meanwhile is noticed next time
        if (!_cache.TryGetValue(sessionId, out Entry? e) || e!.Epoch != epoch || e.Stamp != stamp)
        {
            // A stamp that differs from the cached one may be newer (a refresh after one's own change): the database decides.
            e = await Load(sessionId, userId, epoch);
            // An older cookie of a session whose user refreshed theirs (same session, new stamp) is refused, not the session.
            if (e is null || e.Stamp != stamp) return false;
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
            // Ended by another node (or by hand in the database), or the stamp changed outside UserService: no row is updated.
            var open = await db.UserSessions
                .Where(s => s.Id == sessionId && s.EndedAt == null && db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
            if (open == 0)
            {
                _cache.Remove(sessionId);
                return false;
            }
        }
        return true;
    }

    async Task<Entry?> Load(string sessionId, string userId, long epoch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.LastSeenAt, s.EndedAt, Stamp = db.Users.Where(u => u.Id == s.UserId).Select(u => u.SecurityStamp).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (row is null || row.EndedAt is not null || row.UserId != userId)
        {
            _cache.Remove(sessionId);
            return null;
        }
        var e = new Entry(row.UserId, epoch, row.LastSeenAt, row.Stamp);
        _cache.Set(sessionId, e, Cached);
        return e;
    }

    /// <summary>Ends one session (logout).</summary>
    public async Task End(string sessionId, string reason)
    {
        var now = Now;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason));
            if (ended > 0) await SessionListener.Publish(db, await db.UserSessions.Where(s => s.Id == sessionId).Select(s => s.UserId).FirstAsync());
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
            // Also with none ended: the user's stamp may have changed, which the other nodes hold in memory too.
            await SessionListener.Publish(db, userId);
        }
        Reload(userId);
        return ended;
    }

    /// <summary>Every cached session of the user is read again from the database on its next use (an ending made here or,
    /// heard through <see cref="SessionListener"/>, on another node).</summary>
    public void Reload(string userId) => _epochs.AddOrUpdate(userId, 1, (_, n) => n + 1);

    /// <summary>Forgets every cached session (a node that was not listening may have missed endings).</summary>
    public void ReloadAll() => _cache.Clear();

    // Memory is only a copy: an entry unused past the idle time is dropped (the database says the rest).
    MemoryCacheEntryOptions Cached => new() { SlidingExpiration = Idle + Touch };

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
