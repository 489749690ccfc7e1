using System.Net;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Features.Reporting.Documents;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>The documents as a user downloads them, opened by LibreOffice and read back from the PDF: the national
/// title, the subject, an indicator row with its figures; the workbook with each unit's figure and its timeliness.</summary>
public abstract class ReportDocumentTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task The_consolidated_docx_and_the_period_xlsx_open_in_LibreOffice_with_the_figures()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var ward = await app.SignIn("phuluong");
        var other = await app.SignIn("hadong");
        await Accepted(ward, coordinator, await data.ReportId(period, "UBND-PHULUONG"), 1500, 3, 4);
        await Accepted(other, coordinator, await data.ReportId(period, "UBND-P-HADONG"), 120, 1, 2);
        var consolidated = await data.ReportId(period, "SYT", consolidated: true);

        var dir = Directory.CreateTempSubdirectory("pcmd-doc-").FullName;
        var docx = await coordinator.GetAsync($"/api/v1/reports/{consolidated}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var docxFile = Path.Combine(dir, "bao-cao.docx");
        await File.WriteAllBytesAsync(docxFile, await docx.Content.ReadAsByteArrayAsync());
        var pdf = Assert.Single(LibreOffice.Convert(docxFile, "pdf", dir));
        var text = Flat(LibreOffice.PdfText(pdf));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("SỞ Y TẾ", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Kết quả thực hiện Kế hoạch phòng, chống mại dâm thử nghiệm báo cáo", text);
        Assert.Contains("Nơi nhận", text);
        Assert.Contains("Lưu: VT", text);
        // Appendix row of indicator 1: target 10, actual 1.620 (1.500 + 120), 16.200 % of the target.
        Assert.Matches(@"1 Số tụ điểm mới phát sinh 10 điểm 1\.620 16\.200 %", text);
        Assert.Contains("66,67 % (4/6)", text);
        // The coordinator wrote nothing on the task: the report reads as one text drafted from the units' — the same point
        // written by both wards is said once, each ward named once.
        Assert.Contains("Nhiệm vụ 1.a: Tuyên truyền tại tổ dân phố - Đã tổ chức 3 buổi tuyên truyền (Ủy ban nhân dân phường Hà Đông, "
            + "Ủy ban nhân dân phường Phú Lương).", text);
        Assert.DoesNotContain("Ủy ban nhân dân phường Phú Lương: Đã tổ chức", text);
        // The annex adds what each unit wrote, as written, under each task; the figures are the same.
        var unitsFile = Path.Combine(dir, "kem-don-vi.docx");
        await File.WriteAllBytesAsync(unitsFile, await coordinator.GetByteArrayAsync($"/api/v1/reports/{consolidated}/docx?units=true"));
        var annex = Flat(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(unitsFile, "pdf", dir))));
        Assert.Contains("Ủy ban nhân dân phường Phú Lương: Đã tổ chức 3 buổi tuyên truyền.", annex);
        Assert.Matches(@"1 Số tụ điểm mới phát sinh 10 điểm 1\.620 16\.200 %", annex);

        var xlsx = await coordinator.GetAsync($"/api/v1/report-periods/{period}/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var xlsxFile = Path.Combine(dir, "phu-luc.xlsx");
        await File.WriteAllBytesAsync(xlsxFile, await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = Flat(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(xlsxFile, "pdf", dir))));
        Assert.Contains("Ủy ban nhân dân phường Phú Lương", sheet);
        Assert.Contains("Số tụ điểm mới phát sinh", sheet);
        Assert.Contains("120 1.500 1.620", sheet); // Hà Đông, Phú Lương, total — units in Vietnamese order
        // The ward's own report downloads too, for the ward; another ward does not find it.
        var own = await data.ReportId(period, "UBND-PHULUONG");
        Assert.Equal(HttpStatusCode.OK, (await ward.GetAsync($"/api/v1/reports/{own}/docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/reports/{own}/docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync($"/api/v1/report-periods/{period}/xlsx")).StatusCode);
    }

    [Fact]
    public async Task Attachments_are_checked_by_type_and_size_and_stay_with_the_report()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        var version = (await Form(ward, id)).Version;

        async Task<HttpResponseMessage> Upload(HttpClient c, string name, byte[] content, int v)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name }, { new StringContent(v.ToString()), "version" } };
            return await c.PostAsync($"/api/v1/reports/{id}/attachments", form);
        }
        var pdf = "%PDF-1.4\n% biên bản kiểm tra\n"u8.ToArray();
        var exe = (await (await Upload(ward, "bien-ban.pdf", [0x4D, 0x5A, 0x90, 0x00], version)).Json<Problem>(HttpStatusCode.BadRequest)).Lines();
        Assert.Equal(["file: Nội dung tệp không đúng với định dạng của tên tệp."], exe);
        Assert.Contains("Chỉ nhận tệp", (await (await Upload(ward, "script.sh", pdf, version)).Json<Problem>(HttpStatusCode.BadRequest)).Lines()[0]);
        var big = new byte[10 * 1024 * 1024 + 1];
        pdf.CopyTo(big, 0);
        Assert.Equal(["file: Tệp lớn hơn 10 MB."], (await (await Upload(ward, "lon.pdf", big, version)).Json<Problem>(HttpStatusCode.BadRequest)).Lines());
        var aid = (await (await Upload(ward, "Biên bản kiểm tra.pdf", pdf, version)).Json<AttachmentView>(HttpStatusCode.Created)).Id;
        // The stale version is refused: someone (here, the upload) changed the report.
        await (await Upload(ward, "khac.pdf", pdf, version)).Json(HttpStatusCode.Conflict);
        var download = await ward.GetAsync($"/api/v1/reports/{id}/attachments/{aid}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var form = await Form(ward, id);
        Assert.Equal("Biên bản kiểm tra.pdf", Assert.Single(form.Attachments).FileName);
        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/reports/{id}/attachments/{aid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/reports/{id}/attachments/{aid}?version={form.Version}")).StatusCode);
        var deleted = await (await ward.DeleteAsync($"/api/v1/reports/{id}/attachments/{aid}?version={form.Version}")).Json<VersionView>(HttpStatusCode.OK);
        Assert.Empty((await Form(ward, id)).Attachments);
        Assert.Equal(deleted.Version, (await Form(ward, id)).Version);
    }

    static string Flat(string s) => System.Text.RegularExpressions.Regex.Replace(s.Normalize(System.Text.NormalizationForm.FormC), @"\s+", " ");
}

[Collection(SqliteCollection.Name)]
public sealed class ReportDocumentTestsOnSqlite(SqliteApp app) : ReportDocumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportDocumentTestsOnPostgres(PostgresApp app) : ReportDocumentTests(app);
