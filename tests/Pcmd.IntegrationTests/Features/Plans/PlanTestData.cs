using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>Plans the tests import for themselves (the apps are shared, so keys carry the provider), and the plan as read back.</summary>
public sealed class PlanTestData(PcmdApp app) : TestData(app)
{
    /// <summary>A plan key for this provider's run: "parts-stale-sqlite".</summary>
    public string Key(string stem) => $"{stem}-{Provider}".ToLowerInvariant();

    /// <summary>Imports a plan file; returns the new plan's id and version.</summary>
    public static async Task<Versioned> Import(HttpClient c, JsonObject file) =>
        await (await c.PostRaw("/api/v1/plans/import", file.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

    public static Task<PlanView> Plan(HttpClient c, int id) => c.GetJson<PlanView>($"/api/v1/plans/{id}");
}
