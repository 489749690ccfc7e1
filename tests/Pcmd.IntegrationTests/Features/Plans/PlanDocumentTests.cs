using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Features.Reporting.Documents;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>Issue 16: a real plan enters completely and prints back as its own document — every field round-trips, the
/// export adds nothing, the plan downloads as an official .docx, and file errors name the plan's own numbering.</summary>
public abstract class PlanDocumentTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    static string Export(string json) => json.ReplaceLineEndings("\n").TrimEnd();

    [Fact]
    public async Task A_plan_using_every_field_exports_byte_for_byte_as_it_was_imported_and_again_after_a_second_import()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("full-plan");
        var id = (await PlanTestData.Import(admin, FullPlan.Node(key))).Id;
        var first = await admin.GetStringAsync($"/api/v1/plans/{id}/export");
        Assert.Equal(Export(FullPlan.Json(key)), Export(first));

        var copyKey = data.Key("full-plan-copy");
        var copy = (await PlanTestData.Import(admin, FullPlan.Node(copyKey))).Id;
        var second = await admin.GetStringAsync($"/api/v1/plans/{copy}/export");
        Assert.Equal(Export(first), Export(second).Replace(copyKey, key));
    }

    /// <summary>The Kinh phí of a plan file is budget data (issue 16, item 2), not a task: its lines are the plan's budget lines,
    /// and replacing the plan from its file replaces them.</summary>
    [Fact]
    public async Task The_plans_Kinh_phi_is_stored_as_its_budget_lines_and_replaced_with_the_file()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("full-plan-budget");
        var created = await PlanTestData.Import(admin, FullPlan.Node(key));
        var budget = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/plans/{created.Id}/budget"))!;
        var lines = budget["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        var words = Assert.Single(lines, l => l!["source"] is null)!;
        Assert.StartsWith("Kinh phí thực hiện Kế hoạch do ngân sách quận", (string?)words["sourceText"]);
        var amounts = Assert.Single(lines, l => l!["source"] is not null)!;
        Assert.Equal("districtBudget", (string?)amounts["source"]);
        Assert.Equal("V.1.a", (string?)amounts["taskNumber"]);
        Assert.Equal(2022, (int?)amounts["year"]);
        Assert.Equal(104_500_000, (long?)budget["total"]!["spent"]);
        Assert.Equal(4, (await PlanTestData.Plan(admin, created.Id)).Tasks.Count);   // the section added no task

        var doc = FullPlan.Node(key);
        doc["plan"]!["budget"]!.AsArray().RemoveAt(1);
        var version = (await PlanTestData.Plan(admin, created.Id)).Version;
        await (await admin.PutRaw($"/api/v1/plans/{created.Id}/file?version={version}", doc.ToJsonString())).Json(HttpStatusCode.OK);
        var after = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/plans/{created.Id}/budget"))!["lines"]!.AsArray();
        Assert.Single(after);
        Assert.Equal(0, (long?)JsonNode.Parse(await admin.GetStringAsync($"/api/v1/plans/{created.Id}/budget"))!["total"]!["spent"]);
    }

    /// <summary>The demo plans' files come back with the same content: no "window" added to a heading row, nothing lost.</summary>
    [Fact]
    public async Task Exporting_a_demo_plan_gives_its_file_back_with_nothing_added()
    {
        var admin = await app.SignIn("admin");
        foreach (var key in PlanFileTests.DemoKeys)
        {
            // The demo files spell out nulls, empty lists and "timing": { "kind": "unspecified" }, which the exporter leaves
            // out: they carry no content (docs/plan-file.md: no timing is an unspecified one).
            var source = Content(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(DemoPlans(), key + ".json"))));
            var exported = Content(JsonNode.Parse(await admin.GetStringAsync($"/api/v1/plans/{await admin.PlanId(key)}/export")));
            // The budget demo step then records invented figures (allocated, spent) after the plan's own Kinh phí: the export
            // carries them too, after the file's lines, which come back first and unchanged.
            if (exported!["plan"]!["budget"] is JsonArray budget)
            {
                var own = source!["plan"]!["budget"] is JsonArray b ? b.Count : 0;
                Assert.All(budget.Skip(own), l => Assert.NotNull(l!["spent"]));
                while (budget.Count > own) budget.RemoveAt(own);
                if (budget.Count == 0) exported["plan"]!.AsObject().Remove("budget");
            }
            Assert.True(JsonNode.DeepEquals(source, exported), $"{key}: the export differs from its demo file at {FirstDifference(source, exported, "$")}");
        }
    }

    [Fact]
    public async Task The_plan_docx_opens_in_LibreOffice_with_its_number_date_signer_recipients_and_indicator_table()
    {
        var admin = await app.SignIn("admin");
        var id = (await PlanTestData.Import(admin, FullPlan.Node(data.Key("full-plan-docx")))).Id;
        var docx = await admin.GetAsync($"/api/v1/plans/{id}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var dir = Directory.CreateTempSubdirectory("pcmd-plan-doc-").FullName;
        var file = Path.Combine(dir, "ke-hoach.docx");
        await File.WriteAllBytesAsync(file, await docx.Content.ReadAsByteArrayAsync());
        var text = Regex.Replace(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(file, "pdf", dir))), @"\s+", " ");
        void Has(string expected) => Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in:\n{text}");
        Has("ỦY BAN NHÂN DÂN QUẬN");
        Has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Has("Số: /KH-UBND");                           // a draft's blank number keeps its suffix
        Has("Hà Nội, ngày … tháng 5 năm 2021");        // a date known to the month
        Has("KẾ HOẠCH");
        Has("1. Mục đích");
        Has("Các phòng, ban, ngành, UBND các phường chủ động xây dựng kế hoạch.");
        Has("TM. ỦY BAN NHÂN DÂN");
        Has("KT. CHỦ TỊCH");
        Has("PHÓ CHỦ TỊCH");
        Has("Nguyễn Văn Bình");
        Has("Nơi nhận:");
        Has("Lưu: VT, LĐTBXH.");
        Assert.DoesNotContain("- Lưu: VT.", text);                       // the plan's own line, not the reports' default
        Has("PHỤ LỤC");
        Has("1.2 Phát hiện, xử lý hình sự 10-15 vụ án vụ án 10–15 vụ án");
        Has("Khu vực bến xe Yên Nghĩa");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task File_errors_name_the_plans_numbering_and_suggest_the_closest_codes()
    {
        var admin = await app.SignIn("admin");
        var doc = FullPlan.Node(data.Key("bad-numbering"));
        var p = doc["plan"]!;
        p["indicators"]![2]!["target"]!["min"] = 20;                      // above max 15
        p["tasks"]![0]!["lead"]![0]!["agency"] = "PLDTBXH-HADONGG";
        p["appendices"]![0]!["items"]![0]!["unit"] = "01.HADON";
        p["tasks"]![1]!["timing"]!["dueDate"] = "2025-13-01";
        p["budget"]![1]!["source"] = "stateBudget";
        p["budget"]![1]!["task"] = "V.9";
        var problem = await (await admin.PostRaw("/api/v1/plans/import", doc.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        var lines = problem.Lines();
        Assert.Contains(lines, l => l.StartsWith("plan.indicators[2].target.min: Chỉ tiêu 1.2: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("plan.tasks[0].lead[0].agency: Nhiệm vụ V.1.a: Không có cơ quan mã 'PLDTBXH-HADONGG'", StringComparison.Ordinal)
            && l.Contains("Có phải: 'PLDTBXH-HADONG' (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("plan.appendices[0].items[0].unit: Phụ lục II, dòng 1: Không có đơn vị hành chính mã '01.HADON'", StringComparison.Ordinal)
            && l.Contains("'01.HADONG' (Quận Hà Đông)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("plan.tasks[1].timing.dueDate: Nhiệm vụ V.1.b: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("plan.budget[1].source: Kinh phí, dòng 2: Giá trị 'stateBudget' không hợp lệ", StringComparison.Ordinal)
            && l.Contains("districtBudget", StringComparison.Ordinal));
        Assert.Contains("plan.budget[1].task: Kinh phí, dòng 2: Kế hoạch không có nhiệm vụ số 'V.9'.", lines);
    }

    [Fact]
    public async Task A_parent_plan_cited_from_outside_is_linked_when_it_is_entered()
    {
        var admin = await app.SignIn("admin");
        var number = $"77/KH-UBND-{app.Provider}";
        var child = FullPlan.Node(data.Key("cites-parent"));
        child["plan"]!["parentPlan"]!["number"] = number;
        var childId = (await PlanTestData.Import(admin, child)).Id;
        Assert.Null((await PlanTestData.Plan(admin, childId)).Parent);

        var parent = SamplePlan.Create(data.Key("cited-parent"), unit: "01", from: 2021, to: 2025);
        parent.Plan()["number"] = number;
        parent.Plan()["issuedOn"] = "2021-03-19";
        var parentId = (await PlanTestData.Import(admin, parent)).Id;
        var linked = await PlanTestData.Plan(admin, childId);
        Assert.Equal(parentId, linked.Parent!.Id);
        // The citation stays as the plan wrote it, so the file still round-trips.
        var file = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/plans/{childId}/export"))!["plan"]!;
        Assert.Equal(number, (string?)file["parentPlan"]!["number"]);
        Assert.Equal(data.Key("cited-parent"), (string?)file["parentKey"]);
    }

    static JsonNode? Content(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                    if (Content(value) is { } v && !(v is JsonArray { Count: 0 })
                        && !(name == "timing" && v is JsonObject { Count: 1 } t && (string?)t["kind"] == "unspecified")) copy[name] = v;
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(Content).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    static string FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var name in oa.Select(kv => kv.Key).Union(ob.Select(kv => kv.Key)))
                if (!JsonNode.DeepEquals(oa[name], ob[name])) return FirstDifference(oa[name], ob[name], path + "." + name);
        }
        else if (a is JsonArray xa && b is JsonArray xb)
        {
            for (var i = 0; i < Math.Max(xa.Count, xb.Count); i++)
                if (i >= xa.Count || i >= xb.Count || !JsonNode.DeepEquals(xa[i], xb[i]))
                    return FirstDifference(i < xa.Count ? xa[i] : null, i < xb.Count ? xb[i] : null, $"{path}[{i}]");
        }
        return $"{path}: file {a?.ToJsonString() ?? "(none)"}, export {b?.ToJsonString() ?? "(none)"}";
    }

    static string DemoPlans()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Pcmd.Web", "Features", "Demo", "Data", "plans");
            if (Directory.Exists(path)) return path;
        }
        throw new DirectoryNotFoundException("src/Pcmd.Web/Features/Demo/Data/plans");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlanDocumentTestsOnSqlite(SqliteApp app) : PlanDocumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlanDocumentTestsOnPostgres(PostgresApp app) : PlanDocumentTests(app);
