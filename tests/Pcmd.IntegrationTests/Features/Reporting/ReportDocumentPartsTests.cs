using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Features.Reporting.Documents;
using Pcmd.Web.Features.Audit;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Issue 13's leftover: the yearly report's .docx and the period's .xlsx carry the year's budget (totals per source)
/// and commendations as the report page shows them; the files are valid Open XML and open in LibreOffice; reading a commended
/// person's name for the document is audited; a six-monthly report carries neither.</summary>
public abstract class ReportDocumentPartsTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task The_yearly_docx_and_xlsx_carry_the_budget_per_source_and_the_commendations_with_the_read_audited()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.AgencyId("UBND-PHULUONG");
        async Task AddLine(string source, long estimate, long allocated, long spent) =>
            await (await coordinator.PostRaw("/api/v1/budget-lines", new JsonObject
            {
                ["planId"] = planId, ["year"] = 2025, ["source"] = source, ["estimate"] = estimate, ["allocated"] = allocated, ["spent"] = spent,
                ["agencyId"] = phuLuong, ["purpose"] = "In tài liệu tuyên truyền", ["version"] = 0,
            }.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        await AddLine("provincialBudget", 10_000_000, 8_000_000, 6_000_000);
        await AddLine("communeBudget", 2_000_000, 2_000_000, 1_500_000);
        var person = data.Unique("Trần Văn Khen");
        var commended = (await (await ward.PostRaw("/api/v1/commendations", new JsonObject
        {
            ["orgUnitId"] = await data.UnitId("09568"), ["recipient"] = "individual", ["name"] = person, ["workplace"] = "Công an phường Phú Lương",
            ["level"] = "commune", ["form"] = "letter", ["decisionNumber"] = "15/QĐ-UBND", ["decisionDate"] = "2025-12-20", ["year"] = 2025,
            ["achievement"] = "Phát hiện tụ điểm", ["version"] = 0,
        }.ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var readsBefore = await NameReads(commended);

        var dir = Directory.CreateTempSubdirectory("pcmd-parts-").FullName;
        var consolidated = await data.ReportId(PeriodId(periods, "annual", 2025), "SYT", consolidated: true);
        var docx = await coordinator.GetByteArrayAsync($"/api/v1/reports/{consolidated}/docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false)) AssertValid(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(word));
        var docxFile = Path.Combine(dir, "nam.docx");
        await File.WriteAllBytesAsync(docxFile, docx);
        var text = Flat(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(docxFile, "pdf", dir))));
        // After "III. Khó khăn" and "IV. Đề xuất": the budget, then the commendations, numbered on.
        Assert.Contains("V. KINH PHÍ NĂM 2025", text);
        Assert.Contains("Ngân sách cấp tỉnh, thành phố: dự toán 10.000.000 đồng; được giao 8.000.000 đồng; đã chi 6.000.000 đồng.", text);
        Assert.Contains("Ngân sách cấp xã: dự toán 2.000.000 đồng; được giao 2.000.000 đồng; đã chi 1.500.000 đồng.", text);
        Assert.Contains("Tổng cộng: dự toán 12.000.000 đồng; được giao 10.000.000 đồng; đã chi 7.500.000 đồng.", text);
        Assert.Contains("VI. KHEN THƯỞNG NĂM 2025", text);
        Assert.Contains($"Giấy khen (UBND xã, phường) cho cá nhân {person} (Công an phường Phú Lương), Quyết định số 15/QĐ-UBND ngày 20/12/2025", text);
        Assert.True(await NameReads(commended) > readsBefore, "reading the person's name for the document is audited");

        // The period's workbook: a sheet each, amounts as numbers.
        var xlsx = await coordinator.GetByteArrayAsync($"/api/v1/report-periods/{PeriodId(periods, "annual", 2025)}/xlsx");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            AssertValid(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(book));
            Assert.Equal(["Chỉ tiêu theo đơn vị", "Tính kịp thời", "Kinh phí năm 2025", "Khen thưởng năm 2025"],
                book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!));
        }
        var xlsxFile = Path.Combine(dir, "phu-luc.xlsx");
        await File.WriteAllBytesAsync(xlsxFile, xlsx);
        var sheets = Flat(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(xlsxFile, "pdf", dir))));
        Assert.Contains("12.000.000 10.000.000 7.500.000", sheets);
        Assert.Contains(person, sheets);

        // The ward's own yearly report: its own lines; a six-monthly report: neither part.
        var wardDocx = Path.Combine(dir, "phuong.docx");
        await File.WriteAllBytesAsync(wardDocx, await ward.GetByteArrayAsync($"/api/v1/reports/{await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG")}/docx"));
        Assert.Contains("Tổng cộng: dự toán 12.000.000 đồng", Flat(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(wardDocx, "pdf", dir)))));
        var half = periods.First(p => p.Kind == "semiannual");
        var halfDocx = Path.Combine(dir, "sau-thang.docx");
        await File.WriteAllBytesAsync(halfDocx, await coordinator.GetByteArrayAsync($"/api/v1/reports/{await data.ReportId(half.Id, "SYT", consolidated: true)}/docx"));
        var halfText = Flat(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(halfDocx, "pdf", dir))));
        Assert.DoesNotContain("KINH PHÍ", halfText);
        Assert.DoesNotContain(person, halfText);
    }

    async Task<int> NameReads(int commendationId)
    {
        using (var scope = data.Scope()) await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var key = commendationId.ToString();
        return await data.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == "Commendation" && a.EntityId == key && a.Action == AuditAction.Read));
    }

    static void AssertValid(IEnumerable<ValidationErrorInfo> errors)
    {
        var list = errors.Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(list.Count == 0, string.Join("\n", list));
    }

    static string Flat(string s) => System.Text.RegularExpressions.Regex.Replace(s.Normalize(System.Text.NormalizationForm.FormC), @"\s+", " ");
}

[Collection(SqliteCollection.Name)]
public sealed class ReportDocumentPartsTestsOnSqlite(SqliteApp app) : ReportDocumentPartsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportDocumentPartsTestsOnPostgres(PostgresApp app) : ReportDocumentPartsTests(app);
