using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using static Pcmd.IntegrationTests.Features.Tips.TipTestData;

namespace Pcmd.IntegrationTests.Features.Tips;

/// <summary>Tips through HTTP: the workflow's order, who sees the source and the record of each read, another ward's reach,
/// and bad input — on both databases.</summary>
public abstract class TipTests(PcmdApp app)
{
    readonly TipTestData data = new(app);

    [Fact]
    public async Task A_tip_goes_through_every_step_in_order_and_a_step_out_of_order_is_refused_in_Vietnamese()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var t = await Create(ward, Input(data.Unique("Quán karaoke mở khuya"), unit));
        Assert.Equal("received", t.State);
        Assert.NotNull(t.NextDueOn);
        Assert.Matches("^TB-[A-Z2-9]{8}$", t.Code);

        var closing = await (await Step(ward, t.Id, S("closed", t.Version))).Json(HttpStatusCode.Conflict);
        Assert.Contains("Không thể chuyển tin từ \"Tiếp nhận\" sang \"Kết thúc\"", closing["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await Step(ward, t.Id, S("verifying", t.Version + 7))).StatusCode);

        t = await StepOk(ward, t.Id, S("verifying", t.Version));
        var missing = await (await Step(ward, t.Id, S("classified", t.Version))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(missing.Errors(), e => e.StartsWith("kind: "));
        Assert.Contains(missing.Errors(), e => e.StartsWith("relevance: "));
        t = await StepOk(ward, t.Id, S("classified", t.Version, ("kind", "violationReport"), ("relevance", "relevant")));
        Assert.Equal(HttpStatusCode.Conflict, (await Step(ward, t.Id, S("closed", t.Version))).StatusCode);
        t = await StepOk(ward, t.Id, S("assigned", t.Version, ("assignedUnitId", unit)));
        var noOutcome = await (await Step(ward, t.Id, S("handled", t.Version))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(noOutcome.Errors(), e => e.StartsWith("outcome: "));
        var noInspection = await (await Step(ward, t.Id, S("handled", t.Version, ("outcome", "inspected")))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(noInspection.Errors(), e => e.StartsWith("inspectionId: "));
        t = await StepOk(ward, t.Id, S("handled", t.Version, ("outcome", "unfounded"), ("publicResult", "Đã kiểm tra, không phát hiện vi phạm.")));
        t = await StepOk(ward, t.Id, S("closed", t.Version));
        Assert.Null(t.NextDueOn);

        var tip = await Get(ward, t.Id);
        Assert.Equal(["received", "verifying", "classified", "assigned", "handled", "closed"], tip.Steps.Select(s => s.State));
        Assert.All(tip.Steps, s => Assert.Equal("phuluong", s.By));
        Assert.All(tip.Steps.Skip(1), s => Assert.True(s.OnTime && s.DueOn is not null));
        Assert.Empty(tip.NextSteps);
        Assert.Equal(HttpStatusCode.Conflict, (await Step(ward, t.Id, S("closed", t.Version))).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_points_to_its_original_and_closes_after_classification_and_an_extension_needs_a_reason()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var original = await Create(ward, Input(data.Unique("Tin gốc"), unit));
        var copy = await Create(ward, Input(data.Unique("Tin trùng"), unit));
        copy = await StepOk(ward, copy.Id, S("verifying", copy.Version));
        var self = await (await Step(ward, copy.Id, S("classified", copy.Version, ("kind", "feedback"), ("relevance", "duplicate"), ("duplicateOfId", copy.Id))))
            .Json(HttpStatusCode.BadRequest);
        Assert.Contains(self.Errors(), e => e.StartsWith("duplicateOfId: "));
        copy = await StepOk(ward, copy.Id, S("classified", copy.Version, ("kind", "feedback"), ("relevance", "duplicate"), ("duplicateOfId", original.Id)));
        copy = await StepOk(ward, copy.Id, S("closed", copy.Version, ("publicResult", "Trùng với tin đã nhận.")));
        Assert.Equal(original.Id, (await Get(ward, copy.Id)).DuplicateOfId);

        var noReason = await (await ward.PostRaw($"/api/v1/tips/{original.Id}/extensions", $$"""{"days":5,"version":{{original.Version}}}"""))
            .Json(HttpStatusCode.BadRequest);
        Assert.Contains(noReason.Errors(), e => e.StartsWith("reason: "));
        // Verifying has no extension in its rule.
        var refused = await (await ward.PostRaw($"/api/v1/tips/{original.Id}/extensions", $$"""{"days":5,"reason":"Chờ xác minh thêm","version":{{original.Version}}}"""))
            .Json(HttpStatusCode.BadRequest);
        Assert.Contains(refused.Errors(), e => e.StartsWith("days: "));
    }

    [Fact]
    public async Task Another_ward_never_sees_a_tip_unless_it_is_assigned_to_it_and_then_never_its_source()
    {
        var city = await app.SignIn("dieuphoi");
        var other = await app.SignIn("hadong");
        var phuLuong = await data.UnitId(PhuLuong);
        var description = data.Unique("Tin của Phú Lương");
        var t = await Create(city, Input(description, phuLuong, name: "Người báo tin Phú Lương", contact: "0912 000 111"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/tips/{t.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/tips/{t.Id}/source")).StatusCode);
        Assert.Equal(0, (await other.GetJson<TipPageView>($"/api/v1/tips?search={Uri.EscapeDataString(description)}")).Total);
        Assert.DoesNotContain((await other.GetJson<TipPageView>("/api/v1/tips?pageSize=200")).Items, x => x.Id == t.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Step(other, t.Id, S("verifying", t.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/tips?unit={phuLuong}")).StatusCode);
        var page = await other.GetAsync($"/tips/{t.Id}");
        Assert.DoesNotContain(description, await page.Content.ReadAsStringAsync());

        t = await VerifyClassifyAssign(city, t, await data.UnitId(HaDong));
        var seen = await Get(other, t.Id);
        Assert.Equal(description, seen.Description);
        Assert.False(seen.CanReadSource);
        Assert.Null(seen.ReceivedBy);
        Assert.Equal(["handled"], seen.NextSteps);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/tips/{t.Id}/source")).StatusCode);
        Assert.DoesNotContain("0912 000 111", await (await other.GetAsync($"/tips/{t.Id}")).Content.ReadAsStringAsync());
        Assert.Contains((await other.GetJson<TipPageView>("/api/v1/tips?pageSize=200")).Items, x => x.Id == t.Id);
        t = await StepOk(other, t.Id, S("handled", t.Version, ("outcome", "unfounded")));
        await StepOk(other, t.Id, S("closed", t.Version));
    }

    [Fact]
    public async Task Only_the_intake_officers_of_the_receiving_unit_read_the_source_and_every_read_is_recorded()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var t = await Create(ward, Input(data.Unique("Tin có người báo"), unit, "inPerson", "Nguyễn Thị Báo Tin", "0987 654 321"));
        var tip = await Get(ward, t.Id);
        Assert.True(tip.CanReadSource);
        Assert.DoesNotContain("0987 654 321", await (await ward.GetAsync($"/api/v1/tips/{t.Id}")).Content.ReadAsStringAsync());

        var source = await ward.GetJson<TipSourceView>($"/api/v1/tips/{t.Id}/source");
        Assert.Equal(("Nguyễn Thị Báo Tin", "0987 654 321"), (source.ReporterName, source.ReporterContact));
        foreach (var user in new[] { "admin", "dieuphoi", "congan", "kiemtra", "hotro", "lanhdao" })
        {
            var c = await app.SignIn(user);
            var status = (await c.GetAsync($"/api/v1/tips/{t.Id}/source")).StatusCode;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user} → {status}");
            if (status == HttpStatusCode.Forbidden) Assert.False((await Get(c, t.Id)).CanReadSource);
        }
        await ward.GetJson<TipSourceView>($"/api/v1/tips/{t.Id}/source");

        var reads = (await Get(ward, t.Id)).SourceReads;
        Assert.Equal(["phuluong", "phuluong"], reads.Select(r => r.UserName));
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var audited = await db.AuditEntries.Where(a => a.EntityType == "TipSource" && a.EntityId == t.Id.ToString()).ToListAsync();
        Assert.Equal(2, audited.Count(a => a.Action == AuditAction.Read && a.UserName == "phuluong"));
        Assert.Contains(audited, a => a.Action == AuditAction.AccessDenied && a.UserName == "dieuphoi");
    }

    [Fact]
    public async Task No_reporter_contact_is_stored_in_clear_in_the_tip_or_the_audit_trail()
    {
        var ward = await app.SignIn("phuluong");
        var phone = $"09{Random.Shared.Next(10_000_000, 99_999_999)}";
        var t = await Create(ward, Input(data.Unique("Tin mã hóa"), await data.UnitId(PhuLuong), "letter", "Trần Văn Kín Tên", phone));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"ReporterName\", \"ReporterContact\" FROM tips WHERE \"Id\" = {t.Id}";
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            Assert.StartsWith("enc1:", r.GetString(0));
            Assert.StartsWith("enc1:", r.GetString(1));
            Assert.DoesNotContain(phone, r.GetString(1));
        }
        cmd.CommandText = $"SELECT COUNT(*) FROM audit_entries WHERE \"Changes\" LIKE '%{phone}%' OR \"Changes\" LIKE '%Kín Tên%'";
        Assert.Equal(0L, Convert.ToInt64(await cmd.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task Text_over_its_limit_is_refused_and_script_is_stored_as_typed_and_shown_escaped()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var tooLong = await (await ward.PostRaw("/api/v1/tips", Input(new string('a', 4001), unit).ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(tooLong.Errors(), e => e.StartsWith("description: ") && e.Contains("4.000"));
        var noChannel = Input("x", unit);
        noChannel["channel"] = "publicPortal";
        Assert.Contains((await (await ward.PostRaw("/api/v1/tips", noChannel.ToJsonString())).Json(HttpStatusCode.BadRequest)).Errors(), e => e.StartsWith("channel: "));

        var script = "<script>alert('tin')</script> " + data.Unique("<b>đậm</b>");
        var t = await Create(ward, Input(script, unit));
        Assert.Equal(script, (await Get(ward, t.Id)).Description);
        var html = await (await ward.GetAsync($"/tips/{t.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert('tin')", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TipTestsOnSqlite(SqliteApp app) : TipTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TipTestsOnPostgres(PostgresApp app) : TipTests(app);
