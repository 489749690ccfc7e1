using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Programme;

public sealed record ModelView(int Id, int OrgUnitId, int Year, string Status, int Version, bool CanEdit);

public sealed record ModelListView(int Year, int Maintained, int New, List<ModelView> Items);

public sealed record CriterionView(int Id, string Code, int MaxScore, bool Required, bool Active);

public sealed record ScoreView(int CriterionId, string Code, int MaxScore, int Score);

public sealed record AssessmentView(int Id, int OrgUnitId, int Year, string Status, int TotalScore, int MaxScore, int PassPercent, bool? Healthy,
    List<ScoreView> Scores, int Version, bool CanEdit, bool CanReview);

/// <summary>The commune model and the healthy-commune rating through HTTP: a ward writes its own, the coordinator confirms; bad
/// input refused in Vietnamese by field with nothing saved; stale versions are conflicts. Each test uses its own far year, so
/// that the demo's rows (2014, 2024, 2026) and the other tests' are never in the way.</summary>
public abstract class CommuneModelTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568";

    static JsonObject Model(int unit, int year, string status = "maintained", int version = 0) => new()
    {
        ["orgUnitId"] = unit, ["year"] = year, ["status"] = status, ["note"] = "Tổ dân phố 3 và 5", ["version"] = version,
    };

    [Fact]
    public async Task A_ward_lists_itself_as_applying_the_model_and_no_other_ward_can_touch_it()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var saved = await (await ward.PostRaw("/api/v1/commune-models", Model(phuLuong, 2041, "new").ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var list = await ward.GetJson<ModelListView>("/api/v1/commune-models?year=2041");
        Assert.Equal((0, 1), (list.Maintained, list.New));
        Assert.True(Assert.Single(list.Items).CanEdit);

        var other = await app.SignIn("hadong");
        Assert.Empty((await other.GetJson<ModelListView>("/api/v1/commune-models?year=2041")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/commune-models/{saved.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/commune-models/{saved.Id}?version={saved.Version}")).StatusCode);
        var into = await (await other.PostRaw("/api/v1/commune-models", Model(phuLuong, 2041).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Không có đơn vị hành chính này.", into.On("orgUnitId"));

        var coordinator = await app.SignIn("dieuphoi");
        var all = await coordinator.GetJson<ModelListView>("/api/v1/commune-models?year=2041");
        Assert.Contains(all.Items, m => m.Id == saved.Id && m.Status == "new");
        var page = await (await coordinator.GetAsync("/commune-model?year=2041")).Content.ReadAsStringAsync();
        Assert.Contains("Áp dụng mới: 1", page);
    }

    [Fact]
    public async Task The_model_form_offers_the_communes_that_existed_in_the_year_shown()
    {
        var ward = await app.SignIn("phuluong");
        async Task<string> Options(int year)
        {
            var page = await (await ward.GetAsync($"/commune-model?year={year}")).Content.ReadAsStringAsync();
            var start = page.IndexOf("id=\"m-unit\"", StringComparison.Ordinal);
            Assert.True(start > 0, "the form's commune box");
            return page[start..page.IndexOf("</select>", start, StringComparison.Ordinal)];
        }
        // 2024: the old Phú Lãm (merged into Phú Lương on 1/7/2025), not Phú Lương, which did not exist yet.
        var before = await Options(2024);
        Assert.Contains("Phường Phú Lãm (", before);
        Assert.DoesNotContain(">Phường Phú Lương<", before);
        // 2025: both; 2027: only today's.
        var reform = await Options(2025);
        Assert.Contains("Phường Phú Lãm (", reform);
        Assert.Contains(">Phường Phú Lương<", reform);
        var after = await Options(2027);
        Assert.DoesNotContain("Phú Lãm", after);
        Assert.Contains(">Phường Phú Lương<", after);
    }

    [Fact]
    public async Task A_second_row_for_the_year_a_commune_that_did_not_exist_and_a_stale_version_are_refused()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var saved = await (await ward.PostRaw("/api/v1/commune-models", Model(phuLuong, 2042).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var before = await RowCounts.Read(app);
        var twice = await (await ward.PostRaw("/api/v1/commune-models", Model(phuLuong, 2042, "new").ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Xã, phường này đã có trong danh sách áp dụng mô hình của năm.", twice.On("orgUnitId"));
        var early = await (await ward.PostRaw("/api/v1/commune-models", Model(phuLuong, 2020).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Xã, phường này không tồn tại trong năm 2020 (sắp xếp đơn vị hành chính ngày 01/07/2025).", early.On("orgUnitId"));
        var empty = await (await ward.PostRaw("/api/v1/commune-models", "{}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập năm áp dụng mô hình.", empty.On("year"));
        Assert.Contains("Chọn \"duy trì\" hoặc \"áp dụng mới\".", empty.On("status"));
        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));

        var edit = Model(phuLuong, 2042, "new", saved.Version);
        await (await ward.PutRaw($"/api/v1/commune-models/{saved.Id}", edit.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await ward.PutRaw($"/api/v1/commune-models/{saved.Id}", edit.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ward.DeleteAsync($"/api/v1/commune-models/{saved.Id}?version={saved.Version}")).StatusCode);
    }

    static JsonObject Assessment(int unit, int year, IEnumerable<(int Criterion, int Score)> scores, int version = 0) => new()
    {
        ["orgUnitId"] = unit, ["year"] = year, ["version"] = version,
        ["scores"] = new JsonArray(scores.Select(s => (JsonNode)new JsonObject { ["criterionId"] = s.Criterion, ["score"] = s.Score }).ToArray()),
    };

    [Fact]
    public async Task The_ward_scores_and_submits_its_year_and_the_coordinator_confirms_it_healthy()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var criteria = (await ward.GetJson<List<CriterionView>>("/api/v1/healthy-communes/criteria?activeOnly=true"));
        Assert.NotEmpty(criteria);
        var before = await RowCounts.Read(app);
        var over = await (await ward.PostRaw("/api/v1/healthy-communes/assessments",
            Assessment(phuLuong, 2043, criteria.Select((c, i) => (c.Id, i == 0 ? c.MaxScore + 1 : -1))).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains($"Điểm của tiêu chí {criteria[0].Code} vượt quá điểm tối đa ({criteria[0].MaxScore}).", over.On("scores[0].score"));
        Assert.Contains($"Điểm của tiêu chí {criteria[1].Code} không được âm.", over.On("scores[1].score"));
        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));

        // A draft with the first criterion only: submitting it names the criteria still to score.
        var draft = await (await ward.PostRaw("/api/v1/healthy-communes/assessments",
            Assessment(phuLuong, 2043, [(criteria[0].Id, criteria[0].MaxScore)]).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var missing = await (await ward.PostRaw($"/api/v1/healthy-communes/assessments/{draft.Id}/submit", $$"""{"version":{{draft.Version}}}"""))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.StartsWith("Chưa chấm điểm các tiêu chí: ", Assert.Single(missing.On("scores")));
        var full = await (await ward.PutRaw($"/api/v1/healthy-communes/assessments/{draft.Id}",
            Assessment(phuLuong, 2043, criteria.Select(c => (c.Id, c.MaxScore)), draft.Version).ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        var sent = await (await ward.PostRaw($"/api/v1/healthy-communes/assessments/{draft.Id}/submit", $$"""{"version":{{full.Version}}}"""))
            .Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await ward.PostRaw($"/api/v1/healthy-communes/assessments/{draft.Id}/confirm", $$"""{"version":{{sent.Version}}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ward.PutRaw($"/api/v1/healthy-communes/assessments/{draft.Id}",
            Assessment(phuLuong, 2043, criteria.Select(c => (c.Id, 0)), sent.Version).ToJsonString())).StatusCode);

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/healthy-communes/assessments/{draft.Id}")).StatusCode);

        var coordinator = await app.SignIn("dieuphoi");
        Assert.True((await coordinator.GetJson<AssessmentView>($"/api/v1/healthy-communes/assessments/{draft.Id}")).CanReview);
        Assert.Equal(HttpStatusCode.Conflict,
            (await coordinator.PostRaw($"/api/v1/healthy-communes/assessments/{draft.Id}/confirm", $$"""{"version":{{full.Version}}}""")).StatusCode);
        var returnWithoutNote = await (await coordinator.PostRaw($"/api/v1/healthy-communes/assessments/{draft.Id}/return", $$"""{"version":{{sent.Version}}}"""))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nêu lý do trả lại.", returnWithoutNote.On("note"));
        await (await coordinator.PostRaw($"/api/v1/healthy-communes/assessments/{draft.Id}/confirm", $$"""{"version":{{sent.Version}}}"""))
            .Json<Versioned>(HttpStatusCode.OK);
        var done = await ward.GetJson<AssessmentView>($"/api/v1/healthy-communes/assessments/{draft.Id}");
        Assert.Equal(("confirmed", true, criteria.Sum(c => c.MaxScore)), (done.Status, done.Healthy, done.TotalScore));
        Assert.False(done.CanEdit);
    }

    [Fact]
    public async Task Only_an_administrator_or_the_coordinator_defines_the_checklist()
    {
        var ward = await app.SignIn("phuluong");
        var criterion = new JsonObject { ["code"] = data.UniqueKey("x")[..12], ["text"] = "Tiêu chí thử", ["maxScore"] = 10, ["active"] = false };
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PostRaw("/api/v1/healthy-communes/criteria", criterion.ToJsonString())).StatusCode);
        var admin = await app.SignIn("admin");
        var saved = await (await admin.PostRaw("/api/v1/healthy-communes/criteria", criterion.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var twice = await (await admin.PostRaw("/api/v1/healthy-communes/criteria", criterion.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Đã có tiêu chí mang số thứ tự này.", twice.On("code"));
        var bad = await (await admin.PostRaw("/api/v1/healthy-communes/criteria", """{"code":"","maxScore":0}""")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Điểm tối đa phải từ 1 đến 1000.", bad.On("maxScore"));
        Assert.Contains("Nhập nội dung tiêu chí.", bad.On("text"));
        criterion["version"] = saved.Version;
        await (await admin.PutRaw($"/api/v1/healthy-communes/criteria/{saved.Id}", criterion.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutRaw($"/api/v1/healthy-communes/criteria/{saved.Id}", criterion.ToJsonString())).StatusCode);
        var rule = await admin.GetJson<JsonObject>("/api/v1/healthy-communes/rule");
        var badRule = await (await admin.PutRaw("/api/v1/healthy-communes/rule", """{"passPercent":101}""")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Mức đạt phải từ 1 đến 100 % tổng điểm tối đa.", badRule.On("passPercent"));
        Assert.Equal(80, (int)rule["passPercent"]!);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommuneModelTestsOnSqlite(SqliteApp app) : CommuneModelTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommuneModelTestsOnPostgres(PostgresApp app) : CommuneModelTests(app);
