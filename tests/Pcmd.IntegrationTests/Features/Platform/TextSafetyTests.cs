using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>Text is stored in NFC and without hidden characters, whatever brings it: NUL, ESC, a right-to-left override
/// or a zero-width space is refused (400, Vietnamese, by field) on the API and on a page form and nothing is saved;
/// line breaks are kept where the text is multi-line.</summary>
public abstract class TextSafetyTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);
    readonly PlanTestData plans = new(app);

    static async Task<Problem> Refused(HttpResponseMessage res)
    {
        var problem = await res.Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        return problem;
    }

    [Theory]
    [InlineData("\u0000", "ký tự điều khiển (U+0000)")]
    [InlineData("\u001B[2J", "ký tự điều khiển (U+001B)")]
    [InlineData("\u202Efdp.exe", "ký tự đảo chiều văn bản (U+202E)")]
    [InlineData("\u200B", "ký tự ẩn (không hiển thị) (U+200B)")]
    public async Task Hidden_characters_are_refused_by_field_on_establishments_agencies_and_plans(string bad, string message)
    {
        var officer = await app.SignIn("phuluong");
        var admin = await app.SignIn("admin");
        var (establishments, agencies, plansBefore) = await Counts();
        var prefix = data.Tag("Ẩn", 30);
        var input = EstablishmentApi.Input(prefix + bad, await officer.TypeId("KARAOKE"), await app.UnitId("09568"));
        Assert.Contains(message, Assert.Single((await Refused(await officer.PostRaw("/api/v1/establishments", input.ToJsonString()))).On("name")));
        // Personal data is checked before its encryption.
        input = EstablishmentApi.Input(prefix, await officer.TypeId("KARAOKE"), await app.UnitId("09568"));
        input["ownerName"] = "Trần" + bad;
        Assert.Contains(message, Assert.Single((await Refused(await officer.PostRaw("/api/v1/establishments", input.ToJsonString()))).On("ownerName")));

        var agency = new JsonObject
        {
            ["code"] = data.Tag("AG", 20), ["name"] = "Phòng" + bad + " Văn hóa", ["kind"] = "peoplesCommittee", ["orgUnitId"] = await app.UnitId("09568"),
        };
        Assert.Contains(message, Assert.Single((await Refused(await admin.PostRaw("/api/v1/agencies", agency.ToJsonString()))).On("name")));

        var plan = SamplePlan.Create(plans.Key("text-" + Guid.NewGuid().ToString("N")[..6]));
        plan.Plan()["title"] = "Kế hoạch" + bad;
        Assert.Contains(message, Assert.Single((await Refused(await admin.PostRaw("/api/v1/plans/import", plan.ToJsonString()))).On("title")));

        Assert.Equal((establishments, agencies, plansBefore), await Counts());
    }

    async Task<(int, int, int)> Counts() =>
        await data.Db(async db => (await db.Establishments.CountAsync(), await db.Agencies.CountAsync(), await db.Plans.CountAsync()));

    [Fact]
    public async Task Decomposed_text_is_stored_composed_and_line_breaks_stay_only_in_multi_line_text()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = data.Tag("Nfc", 30);
        var name = $"{prefix} Hà Nội";
        var input = EstablishmentApi.Input(name.Normalize(NormalizationForm.FormD), await officer.TypeId("KARAOKE"), await app.UnitId("09568"));
        input["ownerName"] = "Nguyễn Thị Hòa".Normalize(NormalizationForm.FormD);
        input["note"] = "Dòng 1\r\nDòng 2\tcột";
        var (id, version) = await officer.Create(input);
        var saved = await officer.Establishment(id);
        Assert.Equal(name, saved.Name);
        Assert.Equal("Nguyễn Thị Hòa", saved.OwnerName);
        Assert.Equal("Dòng 1\r\nDòng 2\tcột", (await officer.GetJson($"/api/v1/establishments/{id}"))["note"]!.GetValue<string>());
        Assert.Single(await officer.Search(name));

        // A change is checked too: a line break in a one-line field.
        input["name"] = "Dòng 1\nDòng 2";
        input["version"] = version;
        var problem = await Refused(await officer.PutRaw($"/api/v1/establishments/{id}", input.ToJsonString()));
        Assert.Contains("ký tự xuống dòng", Assert.Single(problem.On("name")));
        Assert.Equal(name, (await officer.Establishment(id)).Name);
    }

    [Fact]
    public async Task A_page_form_refuses_hidden_characters_and_keeps_the_record()
    {
        var admin = await app.SignIn("admin");
        var created = await PlanTestData.Import(admin, SamplePlan.Create(plans.Key("text-page-" + Guid.NewGuid().ToString("N")[..6])));
        var plan = await PlanTestData.Plan(admin, created.Id);
        var taskId = plan.Task("1.a").Id;
        var html = await admin.GetStringAsync($"/plans/{created.Id}/tasks/{taskId}/edit");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        List<KeyValuePair<string, string>> form =
        [
            new("_handler", "task-edit"), new("__RequestVerificationToken", token), new("Version", created.Version.ToString()),
            new("Number", "1.a"), new("Section", ""), new("Text", "Tuyên truyền\u202Eexe.pdf"), new("TimingKind", "due"),
            new("Frequency", ""), new("DueDate", "2027-06-30"), new("TimingText", ""), new("Lead", "SYT"),
        ];
        var res = await admin.PostAsync($"/plans/{created.Id}/tasks/{taskId}/edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var page = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Contains("ký tự đảo chiều văn bản (U+202E)", page);
        Assert.Equal("Tuyên truyền", (await PlanTestData.Plan(admin, created.Id)).Task("1.a").Text);
        Assert.Equal(created.Version, (await PlanTestData.Plan(admin, created.Id)).Version);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TextSafetyTestsOnSqlite(SqliteApp app) : TextSafetyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TextSafetyTestsOnPostgres(PostgresApp app) : TextSafetyTests(app);
