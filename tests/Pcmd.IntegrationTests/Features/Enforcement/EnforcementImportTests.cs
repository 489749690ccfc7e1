using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.UnitTests.Shared.ArchiveBombs;

namespace Pcmd.IntegrationTests.Features.Enforcement;

/// <summary>The spreadsheet imports of sanctions and criminal cases (issue 11 item 5) through HTTP on both databases: good
/// files saved and counted by the indicators bound to them on the next load, bad rows named by row and column with nothing
/// saved, a unit out of the user's scope refused by row, a zip bomb and an oversize file refused at upload, and the job
/// read by another request.</summary>
public abstract class EnforcementImportTests(PcmdApp app)
{
    sealed class Data(PcmdApp app) : TestData(app);
    readonly Data data = new(app);

    public static readonly string[] SanctionHeaders =
        ["Mã xã/phường", "Ngày quyết định", "Đối tượng", "Số giấy phép của cơ sở", "Hình thức", "Số tiền phạt (đồng)", "Biện pháp khác", "Mã nghị định", "Điều, khoản", "Số quyết định", "Ghi chú"];
    public static readonly string[] CaseHeaders =
        ["Mã xã/phường", "Số hiệu, tên vụ án", "Tội danh", "Ngày phát hiện", "Ngày khởi tố", "Ngày truy tố", "Ngày xét xử", "Xét xử lưu động", "Số bị can", "Số bị cáo", "Triệt phá đường dây", "Ghi chú"];

    static object?[] Sanction(string number, string unit = "09568", string date = "15/03/2026", string target = "Người bán dâm", string kind = "Phạt tiền",
        object? amount = null, string decree = "282/2025/NĐ-CP") =>
        [unit, date, target, null, kind, amount ?? "1.500.000", null, decree, "Điều 25 khoản 1", number, null];

    static object?[] Case(string reference, string unit = "09568") =>
        [unit, reference, "Môi giới mại dâm", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10), null, null, "Không", 2, 0, "Có", null];

    static async Task<HttpResponseMessage> Upload(HttpClient c, string what, byte[] file, string name = "xu-ly.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", name);
        return await c.PostAsync($"/api/v1/enforcement/{what}/import", form);
    }

    static async Task<JobView> Import(HttpClient c, string what, byte[] file)
    {
        var accepted = await (await Upload(c, what, file)).Json<JobAccepted>(HttpStatusCode.Accepted);
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await c.GetJson<JobView>($"/api/v1/enforcement/import/{accepted.JobId}");
            if (job.State is "done" or "failed") return job;
            Assert.True(DateTime.UtcNow < until, $"import job still {job.State}");
            await Task.Delay(100);
        }
    }

    /// <summary>A plan of the city with two yearly counts bound to Phú Lương: cases detected and people sanctioned.</summary>
    async Task<(HttpClient Admin, int PlanId)> Plan()
    {
        var admin = await app.SignIn("admin");
        var file = SamplePlan.Create($"imp-{data.Provider}-{Guid.NewGuid():N}"[..30].ToLowerInvariant(), "01", 2026, 2027);
        (string Number, string Computation)[] bound = [("1", "criminalCasesDetected"), ("2", "peopleSanctioned")];
        file.Plan()["indicators"] = new JsonArray(bound.Select(i => (JsonNode)new JsonObject
        {
            ["number"] = i.Number, ["text"] = "Chỉ tiêu thử " + i.Number, ["target"] = JsonNode.Parse("""{ "kind": "count", "value": 5 }"""), ["window"] = "year",
            ["lead"] = new JsonArray(new JsonObject { ["agency"] = "SYT" }),
        }).ToArray());
        var id = (await (await admin.PostRaw("/api/v1/plans/import", file.ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var plan = await admin.GetJson<PlanView>($"/api/v1/plans/{id}");
        var ward = await data.UnitId("09568");
        foreach (var (number, computation) in bound)
            await (await admin.PutRaw($"/api/v1/indicators/{plan.Indicator(number).Id}/binding", $$"""{ "computation": "{{computation}}", "orgUnitId": {{ward}} }"""))
                .Json(HttpStatusCode.OK);
        return (admin, id);
    }

    static async Task<(decimal Cases, decimal People)> Figures(HttpClient admin, int planId)
    {
        var results = await admin.GetJson<ResultsView>($"/api/v1/plans/{planId}/results?year=2026");
        return (results.Row("1").Actual?.Value ?? 0, results.Row("2").Actual?.Value ?? 0);
    }

    [Fact]
    public async Task Good_files_are_saved_whole_and_the_bound_indicators_count_them_on_the_next_load()
    {
        var (admin, planId) = await Plan();
        var before = await Figures(admin, planId);
        var police = await app.SignIn("congan");
        var tag = data.UniqueKey("QĐ");
        var sanctions = XlsxBuilder.Build([Sanction(tag + "-1"), Sanction(tag + "-2", amount: 2_000_000.0), Sanction(tag + "-3", kind: "Cảnh cáo", amount: "")],
            SanctionHeaders, sheet: "Xử phạt hành chính");
        var job = await Import(police, "sanctions", sanctions);
        Assert.Equal(("done", 3, 3, 0), (job.State, job.Total, job.Accepted, job.Rejected));
        var reference = data.Unique("Vụ nhập");
        job = await Import(police, "criminal-cases", XlsxBuilder.Build([Case(reference + " 1"), Case(reference + " 2")], CaseHeaders, sheet: "Vụ án hình sự"));
        Assert.Equal(("done", 2, 2), (job.State, job.Total, job.Accepted));

        var saved = await data.Db(db => db.AdministrativeSanctions.Where(s => s.DecisionNumber!.StartsWith(tag)).OrderBy(s => s.DecisionNumber).ToListAsync());
        Assert.Equal([1_500_000m, 2_000_000m, (decimal?)null], saved.Select(s => s.Amount));
        Assert.Equal(2, await data.Db(db => db.CriminalCases.CountAsync(c => c.Reference.StartsWith(reference) && c.AccusedCount == 2 && c.RingDismantled)));
        // Each record's audit names the uploader, not the system that ran the job.
        var id = saved[0].Id.ToString();
        Assert.Equal("congan", await data.Db(db => db.AuditEntries.Where(a => a.EntityType == "AdministrativeSanction" && a.EntityId == id).Select(a => a.UserName).SingleAsync()));

        var after = await Figures(admin, planId);
        Assert.Equal((before.Cases + 2, before.People + 3), after);
    }

    [Fact]
    public async Task A_file_with_bad_rows_saves_nothing_and_names_each_problem_by_row_and_column_in_Vietnamese()
    {
        var ward = await app.SignIn("phuluong");
        var tag = data.UniqueKey("QĐ");
        var before = await data.Db(db => db.AdministrativeSanctions.CountAsync());
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("dd/MM/yyyy");
        var file = XlsxBuilder.Build(
        [
            Sanction(tag + "-2"),                                          // row 2: good
            Sanction(tag + "-3", decree: "167/2013/NĐ-CP"),                // no longer in force on 15/03/2026
            Sanction(tag + "-4", date: "01/06/2025"),                      // 282/2025 not yet in force
            Sanction(tag + "-5", amount: ""),                              // a fine without its amount
            Sanction(tag + "-6", date: future),                            // in the future
            Sanction(tag + "-7", target: "Người qua đường"),               // not a target
            Sanction(tag + "-8", decree: "999/2030/NĐ-CP"),                // not in the catalogue
            Sanction(tag + "-9", unit: "09556"),                           // another ward: out of the officer's scope
            Sanction(tag + "-10", kind: "Cảnh cáo", amount: 100.0),        // an amount on a warning
        ], SanctionHeaders, sheet: "Xử phạt hành chính");
        var job = await Import(ward, "sanctions", file);
        Assert.Equal(("done", 9, 0, 8), (job.State, job.Total, job.Accepted, job.Rejected));
        Assert.Contains("Không dòng nào được lưu", job.Message);
        var problems = job.Problems();
        void Has(int row, string column, string text) =>
            Assert.True(problems.Any(p => p.Row == row && p.Column == column && p.Message.Contains(text)), $"row {row}, {column}: {text} — {string.Join(" | ", problems)}");
        Has(3, "Mã nghị định", "không còn hiệu lực");
        Has(4, "Mã nghị định", "chưa có hiệu lực");
        Has(5, "Số tiền phạt (đồng)", "số tiền phạt");
        Has(6, "Ngày quyết định", "tương lai");
        Has(7, "Đối tượng", "không phải đối tượng hợp lệ");
        Has(8, "Mã nghị định", "Không có nghị định '999/2030/NĐ-CP'");
        Has(9, "Mã xã/phường", "nằm ngoài phạm vi bạn được giao");
        Has(10, "Số tiền phạt (đồng)", "Chỉ hình thức phạt tiền");
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(before, await data.Db(db => db.AdministrativeSanctions.CountAsync()));

        // A case out of order: tried without an indictment; and a ward officer may not import cases at all.
        var police = await app.SignIn("congan");
        var bad = Case(data.Unique("Vụ lỗi"));
        bad[6] = new DateOnly(2026, 5, 1);
        bad[9] = 1;
        var caseJob = await Import(police, "criminal-cases", XlsxBuilder.Build([bad], CaseHeaders, sheet: "Vụ án hình sự"));
        Assert.Equal((0, 1), (caseJob.Accepted, caseJob.Rejected));
        Assert.Contains(caseJob.Problems(), p => p.Row == 2 && p.Column == "Ngày xét xử" && p.Message.Contains("Chưa có ngày truy tố"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(ward, "criminal-cases", XlsxBuilder.Build([Case("x")], CaseHeaders))).StatusCode);

        // A renamed column refuses the whole file.
        var renamed = (string[])SanctionHeaders.Clone();
        renamed[7] = "Nghị định";
        var whole = await Import(ward, "sanctions", XlsxBuilder.Build([Sanction(tag + "-x")], renamed));
        Assert.Equal("failed", whole.State);
        Assert.Contains(whole.Problems(), p => p.Row == 1 && p.Message.Contains("Thiếu cột bắt buộc 'Mã nghị định'"));
    }

    [Fact]
    public async Task A_zip_bomb_and_an_oversize_file_are_refused_at_upload_and_start_no_job()
    {
        var police = await app.SignIn("congan");
        var jobs = await data.Db(db => db.ImportJobs.CountAsync());
        var bomb = Xlsx(sharedStrings: HugeSharedString(20L * 1024 * 1024));
        var problem = await (await Upload(police, "sanctions", bomb)).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("nén hơn 100 lần", Assert.Single(problem.On("file")));
        var big = new byte[26 * 1024 * 1024];
        "PK\u0003\u0004"u8.CopyTo(big);
        problem = await (await Upload(police, "criminal-cases", big)).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Tệp lớn quá 25 MB", Assert.Single(problem.On("file")));
        Assert.Equal(jobs, await data.Db(db => db.ImportJobs.CountAsync()));
    }

    [Fact]
    public async Task The_job_is_read_by_another_request_of_its_user_or_an_administrator_and_the_templates_have_the_Vietnamese_headers()
    {
        var police = await app.SignIn("congan");
        var accepted = await (await Upload(police, "sanctions", XlsxBuilder.Build([Sanction(data.UniqueKey("QĐ"))], SanctionHeaders))).Json<JobAccepted>(HttpStatusCode.Accepted);
        var again = await app.SignIn("congan");
        var until = DateTime.UtcNow.AddMinutes(3);
        JobView job;
        while ((job = await again.GetJson<JobView>($"/api/v1/enforcement/import/{accepted.JobId}")).State is not ("done" or "failed"))
        {
            Assert.True(DateTime.UtcNow < until);
            await Task.Delay(100);
        }
        Assert.Equal(1, job.Accepted);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignIn("admin")).GetAsync($"/api/v1/enforcement/import/{accepted.JobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignIn("phuluong")).GetAsync($"/api/v1/enforcement/import/{accepted.JobId}")).StatusCode);
        // Not an establishment job either.
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/establishments/import/{accepted.JobId}")).StatusCode);
        var page = await (await again.GetAsync($"/enforcement/import/{accepted.JobId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"accepted\">1<", page);

        foreach (var (what, headers, sheet) in new[] { ("sanctions", SanctionHeaders, "Xử phạt hành chính"), ("criminal-cases", CaseHeaders, "Vụ án hình sự") })
        {
            var res = await police.GetAsync($"/api/v1/enforcement/{what}/import/template.xlsx");
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var rows = XlsxBuilder.Read(await res.Content.ReadAsByteArrayAsync(), sheet);
            Assert.Equal(headers, rows[0].Select(v => v as string));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("hotro")).GetAsync("/api/v1/enforcement/sanctions/import/template.xlsx")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EnforcementImportTestsOnSqlite(SqliteApp app) : EnforcementImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EnforcementImportTestsOnPostgres(PostgresApp app) : EnforcementImportTests(app);
