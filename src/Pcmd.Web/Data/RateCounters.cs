using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Data;

/// <summary>How many requests of one kind one client made in the current window. The client is never stored: the key is a
/// keyed hash of the kind, the client's address and the window's number, so the same address gives an unrelated key in the
/// next window and nobody without the server's key can tell which address a row counts (the portal promises reporters that
/// nothing of them is kept). Rows live until their window ends.</summary>
public class RateCount
{
    public string Key { get; set; } = "";
    /// <summary>Unix seconds at which the window ends.</summary>
    public long Expires { get; set; }
    public int Hits { get; set; }
}

public class RateCountConfiguration : IEntityTypeConfiguration<RateCount>
{
    public void Configure(EntityTypeBuilder<RateCount> b)
    {
        b.ToTable("rate_counts");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => x.Expires);
    }
}

/// <summary>Fixed-window limits kept in the database rather than in a node's memory (issue 17: behind nginx's round robin a
/// client would get the limit once per node). One statement per request: an upsert that returns the window's count. The
/// framework's partitioned limiters were per process, which is why they are not used here.</summary>
public sealed class RateCounters(PcmdDbContext db, TimeProvider clock)
{
    static byte[]? _secret;
    static byte[] Secret => _secret ??= Security.PersonalData.DeriveKey("pcmd rate counters");

    const string Upsert = """
        INSERT INTO rate_counts ("Key", "Expires", "Hits") VALUES ({0}, {1}, 1)
        ON CONFLICT ("Key") DO UPDATE SET "Hits" = rate_counts."Hits" + 1
        RETURNING "Hits" AS "Value"
        """;

    /// <summary>Counts this request and says whether it is within <paramref name="permits"/> for the window, and when the
    /// window ends (for Retry-After).</summary>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> Take(string kind, string client, int permits, TimeSpan window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var length = Math.Max(1, (long)window.TotalSeconds);
        var number = now / length;
        var expires = (number + 1) * length;
        var hits = (await db.Database.SqlQueryRaw<int>(Upsert, KeyOf(kind, client, number), expires).ToListAsync(ct)).Single();
        // The first request of a window clears the windows that ended, so the table holds the current windows only.
        if (hits == 1) await db.Database.ExecuteSqlRawAsync("""DELETE FROM rate_counts WHERE "Expires" <= {0}""", [now], ct);
        return (hits <= permits, TimeSpan.FromSeconds(expires - now));
    }

    public static string KeyOf(string kind, string client, long window) =>
        Convert.ToHexString(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes($"{kind}\n{client}\n{window}"))).ToLowerInvariant();

    /// <summary>The client as the rate limits know it: its address after the trusted proxy's forwarded headers.</summary>
    public static string ClientOf(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "?";
}
