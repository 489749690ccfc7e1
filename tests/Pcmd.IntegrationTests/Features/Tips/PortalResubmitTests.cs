using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Tips.TipTestData;

namespace Pcmd.IntegrationTests.Features.Tips;

/// <summary>A report sent twice with the same one-time token (a reload of the page after the receipt) makes one tip: the
/// second answer names the first report's code and never shows its secret again; no cookie either way.</summary>
public abstract class PortalResubmitTests(PcmdApp app)
{
    readonly TipTestData data = new(app);

    HttpClient Anonymous() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task The_report_page_posted_twice_with_its_token_makes_one_tip_and_shows_the_secret_once()
    {
        var citizen = Anonymous();
        var form = await (await citizen.GetAsync("/portal/report")).Content.ReadAsStringAsync();
        var token = Regex.Match(form, "name=\"Model.SubmissionToken\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var other = Regex.Match(await (await citizen.GetAsync("/portal/report")).Content.ReadAsStringAsync(), "name=\"Model.SubmissionToken\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEqual(token, other);
        var description = data.Unique("Gửi lại trang");
        var unit = await data.UnitId(PhuLuong);
        MultipartFormDataContent Post() => new()
        {
            { new StringContent("portal-report"), "_handler" }, { new StringContent("Brokering"), "Model.Category" },
            { new StringContent(unit.ToString()), "Model.OrgUnitId" }, { new StringContent(description), "Model.Description" },
            { new StringContent(token), "Model.SubmissionToken" },
        };
        var first = await citizen.PostAsync("/portal/report", Post());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var receipt = await first.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"receipt-secret\"", receipt);
        var code = Regex.Match(receipt, "data-testid=\"receipt-code\">(TB-[A-Z2-9]{8})<").Groups[1].Value;

        var again = await citizen.PostAsync("/portal/report", Post());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"already-received\"", page);
        Assert.Contains($">{code}<", page);
        Assert.DoesNotContain("receipt-secret", page);
        Assert.Contains("Mật mã chỉ hiện một lần", page);
        Assert.Equal(1, await data.Db(db => db.Tips.CountAsync(t => t.Description == description)));
    }

    [Fact]
    public async Task The_API_answers_a_repeated_token_with_the_first_code_and_no_secret()
    {
        var citizen = Anonymous();
        var description = data.Unique("Gửi lại API");
        var report = PortalTests.Report(description, await data.UnitId(PhuLuong));
        report["submissionToken"] = Guid.NewGuid().ToString("N");
        var first = await (await citizen.PostRaw("/api/v1/public/tips", report.ToJsonString())).Json(HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(first["secret"]?.GetValue<string>()));
        var second = await (await citizen.PostRaw("/api/v1/public/tips", report.ToJsonString())).Json(HttpStatusCode.OK);
        Assert.Equal(first["code"]!.GetValue<string>(), second["code"]!.GetValue<string>());
        Assert.Null(second["secret"]);
        Assert.True(second["alreadyReceived"]!.GetValue<bool>());
        Assert.Equal(1, await data.Db(db => db.Tips.CountAsync(t => t.Description == description)));
        // Another token is another report.
        report["submissionToken"] = Guid.NewGuid().ToString("N");
        await (await citizen.PostRaw("/api/v1/public/tips", report.ToJsonString())).Json(HttpStatusCode.Created);
        Assert.Equal(2, await data.Db(db => db.Tips.CountAsync(t => t.Description == description)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PortalResubmitTestsOnSqlite(SqliteApp app) : PortalResubmitTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PortalResubmitTestsOnPostgres(PostgresApp app) : PortalResubmitTests(app);
