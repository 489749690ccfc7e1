using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Pcmd.IntegrationTests.Infrastructure;

public static class Http
{
    /// <summary>The API's JSON (camelCase) read into the small records the tests declare. A non-nullable member the
    /// answer leaves out or sends as null fails the read, as a <c>node["x"]!.GetValue&lt;T&gt;()</c> chain did.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            // A member that may not be null must be there; a nullable one may be left out (as ?["x"] read it).
            Modifiers = { info => { foreach (var p in info.Properties) if (p.Set is not null && !p.IsSetNullable) p.IsRequired = true; } },
        },
    };

    public static async Task<JsonNode> Json(this HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"Expected {(int)expected}, got {(int)res.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The answer, after checking its status, read as <typeparamref name="T"/>.</summary>
    public static async Task<T> Json<T>(this HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"Expected {(int)expected}, got {(int)res.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonOptions)!;
    }

    public static async Task<JsonNode> GetJson(this HttpClient c, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await c.GetAsync(url)).Json(expected);

    public static async Task<T> GetJson<T>(this HttpClient c, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await c.GetAsync(url)).Json<T>(expected);

    /// <summary>A node already read (kept raw for a check on the text) as <typeparamref name="T"/>.</summary>
    public static T As<T>(this JsonNode node) => node.Deserialize<T>(JsonOptions)!;

    public static Task<HttpResponseMessage> PostRaw(this HttpClient c, string url, string body) =>
        c.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRaw(this HttpClient c, string url, string body) =>
        c.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>The problem's errors as "path: message" lines.</summary>
    public static List<string> Errors(this JsonNode problem) =>
        problem["errors"]?.AsObject().SelectMany(kv => kv.Value!.AsArray().Select(m => $"{kv.Key}: {m}")).ToList() ?? [];

    public static async Task<int> PlanId(this HttpClient c, string key) =>
        (await c.GetJson<List<Keyed>>("/api/v1/plans")).First(p => p.Key == key).Id;
}

/// <summary>An RFC 7807 problem document as the API sends it (title, detail, and for a 400 the errors by field).</summary>
public sealed record Problem(string? Title, string? Detail, Dictionary<string, List<string>>? Errors)
{
    /// <summary>The errors as "path: message" lines.</summary>
    public List<string> Lines() => Errors?.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")).ToList() ?? [];

    /// <summary>The messages on one field (none if the field has no error).</summary>
    public List<string> On(string field) => Errors?.GetValueOrDefault(field) ?? [];
}

/// <summary>Any row of a list that has an id and a code (units, agencies, types, decrees…).</summary>
public sealed record Coded(int Id, string Code);

/// <summary>Any row of a list that has an id and a key (plans).</summary>
public sealed record Keyed(int Id, string Key);

/// <summary>The id and version of a record just written.</summary>
public sealed record Versioned(int Id, int Version);

/// <summary>Any row of a list that has an id.</summary>
public sealed record WithId(int Id);

/// <summary>A page of a list (inspections, establishments, the audit trail).</summary>
public sealed record Page<T>(List<T> Items, int? Total);

/// <summary>An entry of the audit trail; <see cref="Changes"/> is the JSON of the changed values.</summary>
public sealed record AuditEntryView(string Action, string? UserName, string Changes);

/// <summary>Only the total of a page.</summary>
public sealed record Counted(int Total);

/// <summary>Only the new version of a record just changed.</summary>
public sealed record VersionOnly(int Version);
