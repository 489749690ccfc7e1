using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.UnitDocuments;

public sealed record DocumentView(int Id, int OrgUnitId, string Kind, string Number, string IssuedOn, int? PlanId, int Version, bool CanEdit);

public sealed record CascadeRowView(int UnitId, string UnitName, bool Has, string? Evidence, string? Url);

public sealed record CascadeView(List<CascadeRowView> Agencies, List<CascadeRowView> Communes);

/// <summary>Documents a unit issued, through HTTP: scope, the number once per unit and year, the date inside the period of the
/// plan it implements, conflicts, and the parent plan's cascade (who has a plan implementing it and who has not).</summary>
public abstract class UnitDocumentTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568";

    static JsonObject Doc(int unit, string number, string date, int? plan, string kind = "plan", int version = 0) => new()
    {
        ["orgUnitId"] = unit, ["kind"] = kind, ["number"] = number, ["issuedOn"] = date, ["signer"] = "Nguyễn Văn An",
        ["subject"] = "Kế hoạch thực hiện Chương trình phòng, chống mại dâm", ["planId"] = plan, ["version"] = version,
    };

    [Fact]
    public async Task A_ward_records_its_plan_document_and_the_city_plan_shows_it_down_the_cascade()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var plan = await ward.PlanId("hn-2026-2030");
        var number = $"{Random.Shared.Next(1000, 9999)}/KH-UBND-{data.UniqueKey("t")}";
        var saved = await (await ward.PostRaw("/api/v1/unit-documents", Doc(phuLuong, number, "2026-06-15", plan).ToJsonString()))
            .Json<Versioned>(HttpStatusCode.Created);
        var read = await ward.GetJson<DocumentView>($"/api/v1/unit-documents/{saved.Id}");
        Assert.Equal((number, plan, true), (read.Number, read.PlanId, read.CanEdit));

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/unit-documents/{saved.Id}")).StatusCode);
        Assert.DoesNotContain((await other.GetJson<Page<DocumentView>>("/api/v1/unit-documents?pageSize=200&year=2026")).Items, d => d.Id == saved.Id);

        var coordinator = await app.SignIn("dieuphoi");
        var cascade = await coordinator.GetJson<CascadeView>($"/api/v1/plans/{plan}/cascade");
        Assert.True(cascade.Communes.Count > 100, "Hà Nội's communes since 1/7/2025");
        Assert.True(Assert.Single(cascade.Communes, c => c.UnitId == phuLuong).Has);
        Assert.Contains(cascade.Agencies, a => a.UnitName == "Sở Y tế");
        var page = await (await coordinator.GetAsync($"/plans/{plan}")).Content.ReadAsStringAsync();
        Assert.Contains("Thực hiện ở cấp dưới", page);
        Assert.Contains("xã, phường đã có kế hoạch:", page);
    }

    [Fact]
    public async Task Duplicate_numbers_dates_outside_the_plan_and_stale_versions_are_refused_and_nothing_is_half_saved()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var plan = await ward.PlanId("hn-2026-2030");
        var number = $"{Random.Shared.Next(1000, 9999)}/QĐ-UBND-{data.UniqueKey("t")}";
        var saved = await (await ward.PostRaw("/api/v1/unit-documents", Doc(phuLuong, number, "2026-03-02", null, "decision").ToJsonString()))
            .Json<Versioned>(HttpStatusCode.Created);
        var before = await RowCounts.Read(app);

        var twice = await (await ward.PostRaw("/api/v1/unit-documents", Doc(phuLuong, number, "2026-11-02", null, "directive").ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Đơn vị đã có văn bản mang số, ký hiệu này trong năm.", twice.On("number"));
        var early = await (await ward.PostRaw("/api/v1/unit-documents", Doc(phuLuong, number + "-b", "2025-12-20", plan).ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Ngày ban hành nằm ngoài thời kỳ của kế hoạch được thực hiện (2026–2030).", early.On("issuedOn"));
        var empty = await (await ward.PostRaw("/api/v1/unit-documents", "{}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập số, ký hiệu văn bản.", empty.On("number"));
        Assert.Contains("Chọn loại văn bản: kế hoạch, quyết định, chỉ thị hoặc công văn.", empty.On("kind"));
        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));

        var edited = Doc(phuLuong, number, "2026-03-03", null, "decision", saved.Version);
        await (await ward.PutRaw($"/api/v1/unit-documents/{saved.Id}", edited.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await ward.PutRaw($"/api/v1/unit-documents/{saved.Id}", edited.ToJsonString())).StatusCode);
        Assert.Equal("2026-03-03", (await ward.GetJson<DocumentView>($"/api/v1/unit-documents/{saved.Id}")).IssuedOn);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnitDocumentTestsOnSqlite(SqliteApp app) : UnitDocumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnitDocumentTestsOnPostgres(PostgresApp app) : UnitDocumentTests(app);
