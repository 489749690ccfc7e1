using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Programme;

public sealed record TotalsView(long Estimate, long Allocated, long Spent);

public sealed record SourceTotalsView(string? Source, TotalsView Totals);

public sealed record LineView(int Id, int? Year, int? AgencyId, int? OrgUnitId, string? Source, string? SourceText, long? Spent, string? OverspendNote,
    int Version, bool CanEdit);

public sealed record BudgetView(int PlanId, List<LineView> Lines, List<SourceTotalsView> BySource, TotalsView Total, bool CanAdd);

public sealed record CommendationView(int Id, string Recipient, string Name, string DecisionNumber, int Year, int Version, bool CanEdit);

public sealed record CommendationListView(int Year, int Collectives, int Individuals, List<CommendationView> Items);

/// <summary>A plan's budget and the commendations through HTTP: who writes which line, the checks (an agency the plan does not
/// involve, a year outside its period, spending above the allocation without a note), totals per source, conflicts; a commended
/// person's name encrypted at rest and its reads audited.</summary>
public abstract class BudgetAndCommendationTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568", HaDong = "09556";

    static JsonObject Line(int plan, int? year, string? source, long? estimate, long? allocated, long? spent, int? agency = null, int? unit = null,
        string? note = null, int version = 0) => new()
    {
        ["planId"] = plan, ["year"] = year, ["source"] = source, ["estimate"] = estimate, ["allocated"] = allocated, ["spent"] = spent,
        ["agencyId"] = agency, ["orgUnitId"] = unit, ["overspendNote"] = note, ["purpose"] = "Truyền thông", ["version"] = version,
    };

    [Fact]
    public async Task Lines_add_up_per_source_and_spending_above_the_allocation_needs_a_note()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var plan = await coordinator.PlanId("hn-2026-2030");
        var before = await coordinator.GetJson<BudgetView>($"/api/v1/plans/{plan}/budget");
        Assert.Contains(before.Lines, l => l.Source is null && l.SourceText!.StartsWith("Nguồn kinh phí thực hiện Kế hoạch"));
        var police = await data.AgencyId("CA-TP");
        var rows = await RowCounts.Read(app);

        var over = await (await coordinator.PostRaw("/api/v1/budget-lines", Line(plan, 2027, "donors", 100, 100, 150, police).ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Số đã chi vượt số được giao: ghi rõ lý do (giải trình) trước khi lưu.", over.On("overspendNote"));
        var outside = await (await coordinator.PostRaw("/api/v1/budget-lines",
            Line(plan, 2031, "provincialBudget", -5, 1, 1, await data.AgencyId("UBND-P-HADONG")).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Năm ngân sách nằm ngoài thời kỳ của kế hoạch (2026–2030).", outside.On("year"));
        Assert.Contains("Dự toán không được âm.", outside.On("estimate"));
        Assert.Contains("Cơ quan này không được kế hoạch phân công (không chủ trì, không phối hợp).", outside.On("agencyId"));
        var nothing = await (await coordinator.PostRaw("/api/v1/budget-lines", Line(plan, 2027, null, 1, 1, 1).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Chọn nguồn kinh phí hoặc ghi nguồn như kế hoạch nêu.", nothing.On("source"));
        Assert.Empty(RowCounts.Changed(rows, await RowCounts.Read(app)));

        var saved = await (await coordinator.PostRaw("/api/v1/budget-lines",
            Line(plan, 2027, "donors", 1_000_000, 2_000_000, 2_500_000, police, note: "Bổ sung in tài liệu").ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        await (await coordinator.PostRaw("/api/v1/budget-lines", Line(plan, 2027, "socialised", 300_000, null, 200_000, police).ToJsonString()))
            .Json<Versioned>(HttpStatusCode.Created);
        var after = await coordinator.GetJson<BudgetView>($"/api/v1/plans/{plan}/budget");
        Assert.Equal((before.Total.Estimate + 1_300_000, before.Total.Allocated + 2_000_000, before.Total.Spent + 2_700_000),
            (after.Total.Estimate, after.Total.Allocated, after.Total.Spent));
        TotalsView Of(BudgetView b, string s) => b.BySource.FirstOrDefault(x => x.Source == s)?.Totals ?? new TotalsView(0, 0, 0);
        Assert.Equal(Of(before, "donors").Spent + 2_500_000, Of(after, "donors").Spent);
        Assert.Equal(Of(before, "socialised").Estimate + 300_000, Of(after, "socialised").Estimate);
        Assert.Equal(after.Lines.Sum(l => l.Spent ?? 0), after.Total.Spent);

        var edit = Line(plan, 2027, "donors", 1_000_000, 2_000_000, 2_500_000, police, note: "Bổ sung in tài liệu (đã duyệt)", version: saved.Version);
        await (await coordinator.PutRaw($"/api/v1/budget-lines/{saved.Id}", edit.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutRaw($"/api/v1/budget-lines/{saved.Id}", edit.ToJsonString())).StatusCode);

        var page = await (await coordinator.GetAsync($"/plans/{plan}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"kinh-phi\"", page);
        Assert.Contains("Bổ sung in tài liệu (đã duyệt)", page);
    }

    [Fact]
    public async Task A_ward_writes_the_lines_of_its_own_unit_and_an_agency_those_of_its_own_agency()
    {
        var ward = await app.SignIn("phuluong");
        var plan = await ward.PlanId("hn-2026-2030");
        var phuLuong = await data.UnitId(PhuLuong);
        var own = await (await ward.PostRaw("/api/v1/budget-lines", Line(plan, 2026, "communeBudget", 5_000_000, 4_000_000, 1_000_000, unit: phuLuong).ToJsonString()))
            .Json<Versioned>(HttpStatusCode.Created);
        Assert.True((await ward.GetJson<LineView>($"/api/v1/budget-lines/{own.Id}")).CanEdit);
        var haDong = await (await ward.PostRaw("/api/v1/budget-lines",
            Line(plan, 2026, "communeBudget", 1, 1, 1, unit: await data.UnitId(HaDong)).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Bạn chỉ ghi kinh phí của cơ quan, đơn vị mình.", haDong.On("orgUnitId"));

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await other.PutRaw($"/api/v1/budget-lines/{own.Id}", Line(plan, 2026, "communeBudget", 1, 1, 1, unit: phuLuong, version: own.Version).ToJsonString())).StatusCode);
        Assert.False((await other.GetJson<LineView>($"/api/v1/budget-lines/{own.Id}")).CanEdit);

        var police = await app.SignIn("congan");
        var foreign = await (await police.PostRaw("/api/v1/budget-lines",
            Line(plan, 2026, "provincialBudget", 1, 1, 1, await data.AgencyId("SYT")).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Bạn chỉ ghi kinh phí của cơ quan, đơn vị mình.", foreign.On("agencyId"));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync("/api/v1/plans/999999/budget")).StatusCode);
    }

    static JsonObject Commendation(int unit, string recipient, string name, string date, int year, int? plan = null, int version = 0) => new()
    {
        ["orgUnitId"] = unit, ["recipient"] = recipient, ["name"] = name, ["workplace"] = "Công an phường", ["level"] = "commune",
        ["form"] = "letter", ["decisionNumber"] = "12/QĐ-UBND", ["decisionDate"] = date, ["year"] = year, ["planId"] = plan,
        ["achievement"] = "Phát hiện tụ điểm", ["version"] = version,
    };

    [Fact]
    public async Task A_commended_persons_name_is_encrypted_at_rest_and_out_of_other_wards_reach()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var name = data.Unique("Nguyễn Thị Bình");
        var saved = await (await ward.PostRaw("/api/v1/commendations", Commendation(phuLuong, "individual", name, "2026-01-15", 2025).ToJsonString()))
            .Json<Versioned>(HttpStatusCode.Created);
        var read = await ward.GetJson<CommendationView>($"/api/v1/commendations/{saved.Id}");
        Assert.Equal((name, "individual", true), (read.Name, read.Recipient, read.CanEdit));
        var list = await ward.GetJson<CommendationListView>("/api/v1/commendations?year=2025");
        Assert.Contains(list.Items, c => c.Id == saved.Id);
        Assert.True(list.Individuals >= 1);

        var stored = await data.Db(db => db.Database.SqlQuery<string>($"SELECT \"Name\" AS \"Value\" FROM commendations WHERE \"Id\" = {saved.Id}").SingleAsync());
        Assert.DoesNotContain("Bình", stored);

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/commendations/{saved.Id}")).StatusCode);
        Assert.DoesNotContain((await other.GetJson<CommendationListView>("/api/v1/commendations?year=2025")).Items, c => c.Id == saved.Id);

        var rows = await RowCounts.Read(app);
        var plan = await ward.PlanId("hn-2026-2030");
        var bad = await (await ward.PostRaw("/api/v1/commendations",
            Commendation(phuLuong, "individual", " ", "2024-01-15", 2025, plan).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập họ và tên người được khen thưởng.", bad.On("name"));
        Assert.Contains("Ngày quyết định phải trong năm được khen thưởng hoặc năm sau đó.", bad.On("decisionDate"));
        Assert.Contains("Năm khen thưởng nằm ngoài thời kỳ của kế hoạch (2026–2030).", bad.On("year"));
        var empty = await (await ward.PostRaw("/api/v1/commendations", "{}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Chọn tập thể hoặc cá nhân.", empty.On("recipient"));
        Assert.Contains("Nhập số quyết định khen thưởng.", empty.On("decisionNumber"));
        Assert.Empty(RowCounts.Changed(rows, await RowCounts.Read(app)));

        var edit = Commendation(phuLuong, "individual", name, "2026-01-16", 2025, version: saved.Version);
        await (await ward.PutRaw($"/api/v1/commendations/{saved.Id}", edit.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await ward.PutRaw($"/api/v1/commendations/{saved.Id}", edit.ToJsonString())).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BudgetAndCommendationTestsOnSqlite(SqliteApp app) : BudgetAndCommendationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BudgetAndCommendationTestsOnPostgres(PostgresApp app) : BudgetAndCommendationTests(app);
