using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pcmd.IntegrationTests.Infrastructure;

public static class Http
{
    public static async Task<JsonNode> Json(this HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"Expected {(int)expected}, got {(int)res.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJson(this HttpClient c, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await c.GetAsync(url)).Json(expected);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient c, string url, string body) =>
        c.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRaw(this HttpClient c, string url, string body) =>
        c.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>The problem's errors as "path: message" lines.</summary>
    public static List<string> Errors(this JsonNode problem) =>
        problem["errors"]?.AsObject().SelectMany(kv => kv.Value!.AsArray().Select(m => $"{kv.Key}: {m}")).ToList() ?? [];

    public static async Task<int> PlanId(this HttpClient c, string key)
    {
        var plans = (await c.GetJson("/api/v1/plans")).AsArray();
        return plans.First(p => p!["key"]!.GetValue<string>() == key)!["id"]!.GetValue<int>();
    }
}
