using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>The parts of the HTTP contract that are not refusals: HEAD, caching, same-origin writes, forms a role cannot
/// submit; and, apart, text that must be refused once names are normalised (issue 9, item 7).</summary>
public abstract class ContractTests(PcmdApp app)
{
    [Fact]
    public async Task HEAD_on_an_API_route_answers_as_GET_without_a_body()
    {
        var client = await app.SignIn("lanhdao");
        var get = await client.GetAsync("/api/v1/plans");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/plans"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task API_answers_and_signed_in_pages_are_not_stored_by_caches()
    {
        var client = await app.SignIn("hotro");
        foreach (var url in new[] { "/api/v1/establishments", "/api/v1/establishments/export.csv", "/establishments" })
        {
            var res = await client.GetAsync(url);
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {res.StatusCode}");
            Assert.True(res.Headers.CacheControl?.NoStore == true, $"{url} has no Cache-Control: no-store");
        }
        var anonymous = await app.CreateClient().GetAsync("/api/v1/plans");
        Assert.True(anonymous.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task A_write_from_the_app_own_origin_or_without_an_origin_is_accepted()
    {
        var client = await app.SignIn("admin");
        foreach (var origin in new[] { "http://localhost", null })
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications/read-all");
            if (origin is not null) req.Headers.Add("Origin", origin);
            var res = await client.SendAsync(req);
            Assert.True(res.IsSuccessStatusCode, $"Origin {origin}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("kiemtra", "/plans/new", "plan-create")]
    [InlineData("hotro", "/plans/new", "plan-create")]
    [InlineData("kiemtra", "/agencies/new", "new-agency")]
    [InlineData("hotro", "/agencies/new", "new-agency")]
    public async Task A_ward_role_gets_no_form_it_cannot_submit(string user, string page, string form)
    {
        var client = await app.SignIn(user);
        var res = await client.GetAsync(page);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.DoesNotContain(form, html); // the form's name (Blazor's _handler field); the layout has forms of its own
        Assert.Contains("Không có quyền", html);
    }

    /// <summary>Text is refused, by field and with nothing saved, when it holds controls or bidi characters (issue 9, item 7).</summary>
    [Theory]
    [InlineData("NUL", "Cơ quan\u0000 A")]
    [InlineData("right-to-left override", "Cơ quan \u202Efdp.exe")]
    [InlineData("left-to-right embedding", "Cơ quan \u202A A")]
    [InlineData("isolate", "Cơ quan \u2066A\u2069")]
    [InlineData("escape sequence", "Cơ quan \u001B[31mđỏ")]
    [InlineData("bell", "Cơ quan \u0007")]
    [InlineData("C1 control", "Cơ quan \u0085 A")]
    [InlineData("zero-width space", "Cơ\u200Bquan")]
    [InlineData("zero-width joiner", "Cơ\u200Dquan")]
    [InlineData("new line in a one-line name", "Cơ quan\nA")]
    public async Task Control_and_bidi_characters_in_a_name_are_refused_by_field_and_nothing_saved(string what, string name)
    {
        var admin = await app.SignIn("admin");
        var unit = await admin.GetJson<List<Coded>>("/api/v1/org-units?search=09568");
        var before = await RowCounts.Read(app);
        var body = new JsonObject { ["code"] = $"CTRL-{Guid.NewGuid():N}"[..16], ["name"] = name, ["kind"] = "department", ["orgUnitId"] = unit.First(u => u.Code == "09568").Id };
        var res = await admin.PostAsync("/api/v1/agencies", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)res.StatusCode} {text}");
        Assert.Contains("name", JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContractTestsOnSqlite(SqliteApp app) : ContractTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ContractTestsOnPostgres(PostgresApp app) : ContractTests(app);
