using Pcmd.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>First start: fills Hà Nội with the <c>demo</c> scale (≈ 3.000 establishments, 15.000 inspections since 2021,
/// 60 hotspots), after the hand-written demo records of the registries (lower orders), so that dashboards and
/// indicators show believable numbers. Skipped when the registry already holds real volumes.</summary>
public sealed class SyntheticDemoStep(PcmdDbContext db, SyntheticData data, ILogger<SyntheticDemoStep> log) : IDemoStep
{
    /// <summary>Below this many establishments the registry holds only the hand-written demo records.</summary>
    public const int HandWrittenAtMost = 100;

    public int Order => 400;

    public async Task Load(CancellationToken ct)
    {
        if (await db.Establishments.CountAsync(ct) >= HandWrittenAtMost) return;
        var result = await data.Generate(new SyntheticOptions(SyntheticScale.Demo, Seed: 42, Append: true), null, ct);
        log.LogInformation("Synthetic demo data: {Result}", result.ToString());
    }
}
