using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

/// <summary>The five seed plans (Features/Demo/Data/plans), imported as plan files, each after the plan it implements.</summary>
public sealed class PlansDemoStep(PlanService plans) : IDemoStep
{
    public int Order => 30;

    public async Task Load(CancellationToken ct)
    {
        foreach (var doc in InParentOrder(EmbeddedFiles.Read("demo/plans/").Select(f => PlanFileReader.Parse(f.Text))))
            await plans.Import(UserScope.System, doc, ct);
    }

    static IEnumerable<PlanFileDocument> InParentOrder(IEnumerable<PlanFileDocument> docs)
    {
        var pending = docs.ToList();
        var loaded = new HashSet<string>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(d => d.Plan?.ParentKey is null || loaded.Contains(d.Plan.ParentKey) || pending.All(p => p.Plan?.Key != d.Plan.ParentKey)).ToList();
            if (ready.Count == 0) ready = pending;
            foreach (var d in ready) { yield return d; loaded.Add(d.Plan?.Key ?? ""); pending.Remove(d); }
        }
    }
}
