using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Data;

/// <summary>The demo data of the first start (when the database holds no plan yet), built from the seed plans through the same import paths a user has
/// (address package, agency catalogue file, plan files; no hand-written SQL): each feature's <see cref="IDemoStep"/>, in order.</summary>
public sealed class DemoData(PcmdDbContext db, ILogger<DemoData> log, IEnumerable<IDemoStep> steps)
{
    public async Task EnsureLoaded(CancellationToken ct = default)
    {
        if (await db.Plans.AnyAsync(ct)) return;
        log.LogInformation("Loading demo data");
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            log.LogInformation("Demo data: {Step}", step.GetType().Name);
            await step.Load(ct);
        }
        log.LogInformation("Demo data loaded");
    }
}
