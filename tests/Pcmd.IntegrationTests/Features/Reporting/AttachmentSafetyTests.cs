using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Shared;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Attachments (issue 9, items 1 and 7): a Word file that is a zip bomb is refused with the limit it passed,
/// and a file name with a path, controls or a right-to-left override is stored as a safe base name.</summary>
public abstract class AttachmentSafetyTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task A_zip_bomb_is_refused_and_hostile_names_are_stored_as_safe_base_names()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");

        // The body is written by hand: HttpClient refuses such names, a browser or a script sends them as they are.
        async Task<HttpResponseMessage> Upload(string name, byte[] content)
        {
            var version = (await Form(ward, id)).Version;
            var boundary = "pcmd-" + Guid.NewGuid().ToString("N");
            using var body = new MemoryStream();
            void W(string s) => body.Write(Encoding.UTF8.GetBytes(s));
            W($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(content);
            W($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n{version}\r\n--{boundary}--\r\n");
            var multipart = new ByteArrayContent(body.ToArray());
            multipart.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
            return await ward.PostAsync($"/api/v1/reports/{id}/attachments", multipart);
        }

        var bomb = ArchiveBombs.Docx(300L * 1024 * 1024);
        Assert.True(bomb.Length < 10 * 1024 * 1024);
        var res = await Upload("bien-ban.docx", bomb);
        var problem = await res.Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        Assert.Contains("khi giải nén lớn hơn 200 MB", Assert.Single(problem.On("file")));
        Assert.Contains("nén hơn 100 lần", Assert.Single((await (await Upload("bien-ban.docx", ArchiveBombs.Docx(20L * 1024 * 1024))).Json<Problem>(HttpStatusCode.BadRequest)).On("file")));
        Assert.Equal(0, await data.Db(db => db.ReportAttachments.CountAsync(a => a.ReportId == id)));

        var pdf = "%PDF-1.4\n% biên bản\n"u8.ToArray();
        foreach (var (name, stored) in new[]
                 {
                     ("..\\..\\windows\\win.pdf", "win.pdf"), ("a\u0000.exe.pdf", "a.exe.pdf"), ("/etc/../CON.pdf", "_CON.pdf"),
                     ("Biên bản\u202Efdp.pdf", "Biên bảnfdp.pdf"),
                 })
            Assert.Equal(stored, (await (await Upload(name, pdf)).Json<AttachmentView>(HttpStatusCode.Created)).FileName);
        Assert.Equal(["Biên bảnfdp.pdf", "_CON.pdf", "a.exe.pdf", "win.pdf"], (await Form(ward, id)).Attachments.Select(a => a.FileName).Order(StringComparer.Ordinal));
        // A name that hides an executable behind a right-to-left override shows what it is, and is refused as one.
        Assert.Contains("Chỉ nhận tệp", Assert.Single((await (await Upload("abc\u202Efdp.exe", pdf)).Json<Problem>(HttpStatusCode.BadRequest)).On("file")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AttachmentSafetyTestsOnSqlite(SqliteApp app) : AttachmentSafetyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AttachmentSafetyTestsOnPostgres(PostgresApp app) : AttachmentSafetyTests(app);
