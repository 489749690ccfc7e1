using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>Every case of <see cref="BadInputCorpus"/> is refused with a 4xx RFC 7807 problem in Vietnamese (its field
/// named where one is at fault), and leaves every table with the rows it had.</summary>
public abstract class BadInputTests(PcmdApp app)
{
    static readonly string[] EnglishTitles = ["Bad Request", "Not Found", "Method Not Allowed", "Unsupported Media Type",
        "Payload Too Large", "Request Entity Too Large", "URI Too Long", "Unauthorized", "Forbidden", "One or more validation errors occurred."];

    [Fact]
    public async Task Every_bad_input_gets_a_Vietnamese_problem_and_changes_no_row()
    {
        var admin = await app.SignIn("admin");
        var cases = BadInputCorpus.Build(await admin.GetJson("/openapi/v1.json"));
        Assert.True(cases.Count >= 200, $"Only {cases.Count} cases");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var before = await RowCounts.Read(app);
            var client = c.User is null ? anonymous : admin;
            using var req = new HttpRequestMessage(new HttpMethod(c.Method), c.Url) { Content = c.Body() };
            foreach (var (k, v) in c.Headers ?? new Dictionary<string, string>()) req.Headers.TryAddWithoutValidation(k, v);
            using var res = await client.SendAsync(req);
            var problem = await Check(c, res);
            if (problem is not null) failures.Add($"{c} → {problem}");
            var changed = RowCounts.Changed(before, await RowCounts.Read(app));
            if (changed.Count > 0) failures.Add($"{c} changed rows: {string.Join(", ", changed)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures));
    }

    /// <summary>What is wrong with the answer, or null when it is the problem the case expects.</summary>
    static async Task<string?> Check(BadInput c, HttpResponseMessage res)
    {
        var status = (int)res.StatusCode;
        var text = await res.Content.ReadAsStringAsync();
        var brief = text.Length > 300 ? text[..300] + "…" : text;
        if (!c.Statuses.Contains(status)) return $"status {status}, expected {string.Join("/", c.Statuses.Take(3))}: {brief}";
        if (c.Method == "HEAD") return text.Length == 0 ? null : "a body on HEAD";
        if (res.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"content type {res.Content.Headers.ContentType}: {brief}";
        JsonNode? doc;
        try { doc = JsonNode.Parse(text); } catch (Exception) { return $"not JSON: {brief}"; }
        var title = doc?["title"]?.GetValue<string>();
        var detail = doc?["detail"]?.GetValue<string>();
        if (title is null || EnglishTitles.Contains(title) || title.All(char.IsAscii)) return $"title not Vietnamese: {brief}";
        if (detail is not null && detail.All(char.IsAscii)) return $"detail not Vietnamese: {brief}";
        if (doc?["status"]?.GetValue<int>() != status) return $"status member missing: {brief}";
        if (c.Field is { } field)
        {
            var errors = doc?["errors"]?.AsObject();
            if (errors is null || !errors.Any(e => field == BadInputCorpus.AnyField || string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)))
                return $"no error under \"{field}\": {brief}";
            if (errors.SelectMany(e => e.Value!.AsArray()).Any(m => m!.GetValue<string>().All(char.IsAscii))) return $"an English error: {brief}";
        }
        return null;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app);
