using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>What the read audit of issue 9 costs: one establishment (with its owner's name and phone) read N times through
/// <see cref="EstablishmentService.Get"/> in a new DI scope each (a new DbContext, as a request), in interleaved blocks
/// with the read audit off and on (<see cref="AuditOptions.RecordReads"/>, the bench's switch). An "on" block's time
/// includes <see cref="AuditTrail.Flush"/>, so the batched inserts of its rows are paid inside the block that made them.</summary>
public static class AuditReadsBenchmark
{
    public static async Task<int> Run(Args o)
    {
        var sqlite = o.Get("sqlite");
        var postgres = sqlite is null ? o.Connection : null;
        var reads = o.Int("reads", 500);
        var blocks = o.Int("blocks", 10);
        await using var host = BenchHost.Create(postgres, sqlite);
        await host.Migrate();
        // The bench host starts no hosted service; the audit's writer is the one it needs.
        var writer = host.Services.GetServices<IHostedService>().OfType<AuditWriter>().Single();
        await writer.StartAsync(CancellationToken.None);
        var trail = host.Services.GetRequiredService<AuditTrail>();

        List<int> ids;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            ids = await db.Establishments.AsNoTracking().Where(e => e.OwnerName != null).OrderBy(e => e.Id).Select(e => e.Id).Take(5000).ToListAsync();
        }
        if (ids.Count == 0) throw new InvalidOperationException("No establishment with an owner: generate a data set first.");
        var random = new Random(42);
        var rowsBefore = await AuditRows(host);

        // Direct: the design not taken, for comparison — one INSERT with its own context inside each read.
        async Task<double> Block(Mode mode)
        {
            trail.Options.RecordReads = mode == Mode.Queued;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < reads; i++)
            {
                using var scope = host.Services.CreateScope();
                var id = ids[random.Next(ids.Count)];
                await scope.ServiceProvider.GetRequiredService<EstablishmentService>().Get(UserScope.System, id);
                if (mode == Mode.Direct)
                {
                    using var own = host.Services.CreateScope();
                    var db = own.ServiceProvider.GetRequiredService<PcmdDbContext>();
                    db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, EntityType = nameof(Establishment), EntityId = id.ToString(), Action = AuditAction.Read });
                    await db.SaveChangesAsync();
                }
            }
            await trail.Flush();
            return clock.Elapsed.TotalMicroseconds / reads;
        }

        Mode[] modes = [Mode.Off, Mode.Queued, Mode.Direct];
        foreach (var m in modes) await Block(m);
        var times = modes.ToDictionary(m => m, _ => new List<double>());
        for (var b = 0; b < blocks; b++)
            // Rotate which goes first, so that none always follows another's writes.
            for (var k = 0; k < modes.Length; k++)
            {
                var m = modes[(b + k) % modes.Length];
                times[m].Add(await Block(m));
            }
        var (off, on, direct) = (times[Mode.Off], times[Mode.Queued], times[Mode.Direct]);
        trail.Options.RecordReads = true;
        var written = await AuditRows(host) - rowsBefore;
        var (mOff, mOn, mDirect) = (Benchmarks.Median(off), Benchmarks.Median(on), Benchmarks.Median(direct));
        Console.WriteLine($"Database: {host.Database.Provider}; {ids.Count:N0} establishments sampled; {blocks} blocks of {reads} reads each way");
        Console.WriteLine();
        Console.WriteLine("| one establishment read (new scope + EstablishmentService.Get) | median per read | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| read audit off | {mOff:0} µs | 1.00 × |");
        Console.WriteLine($"| read audit on, as built (one queued row per read, inserted in batches; flush inside the block) | {mOn:0} µs | {mOn / mOff:0.00} × |");
        Console.WriteLine($"| for comparison: one INSERT with its own context inside each read | {mDirect:0} µs | {mDirect / mOff:0.00} × |");
        Console.WriteLine();
        Console.WriteLine($"audit rows written: {written:N0} (expected {2 * (blocks + 1) * reads:N0})");
        await writer.StopAsync(CancellationToken.None);
        return 0;
    }

    enum Mode { Off, Queued, Direct }

    static async Task<long> AuditRows(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().AuditEntries.LongCountAsync();
    }
}
