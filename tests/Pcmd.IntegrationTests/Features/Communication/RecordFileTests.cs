using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Shared;
using Pcmd.Web.Features.UnitDocuments;

namespace Pcmd.IntegrationTests.Features.Communication;

public sealed record FileView(int Id, string FileName, string ContentType, long Size);

public sealed record FilesSavedView(List<FileView> Files, int Version);

/// <summary>Photos and files of communication events and unit documents (issue 13, items 1 and 3), through HTTP: a round trip
/// with the photo's position removed, the record's scope (404 out of it, 403 read-only), the record's version (an upload moves
/// it; a stale one is 409), and every refusal in Vietnamese with nothing saved: a renamed program, too big, empty, a zip bomb
/// as .docx, too many files.</summary>
public abstract class RecordFileTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568";

    /// <summary>A 1×1 JPEG carrying an EXIF segment with a position, as a phone's camera writes it (as in InspectionPhotoTests).</summary>
    static readonly byte[] PhotoWithExif = Convert.FromBase64String(
        "/9j/4QAyRXhpZgAAR1BTIDIxLjAyODUsMTA1Ljg1NDIgR1BTIDIxLjAyODUsMTA1Ljg1NDIg/+AAEEpGSUYAAQEBAEgASAAA/9sAQwD//////////////////////////////////////////////////////////////////////////////////////8IACwgAAQABAQERAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Q/9k=");
    static readonly byte[] Pdf = "%PDF-1.4\n% danh sách người tham dự\n"u8.ToArray();

    static async Task<HttpResponseMessage> Upload(HttpClient c, string url, int version, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(version.ToString()), "version" } };
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "file", name);
        return await c.PostAsync(url, form);
    }

    async Task<Versioned> NewEvent(HttpClient ward) => await (await ward.PostRaw("/api/v1/communication-events", new JsonObject
    {
        ["date"] = "2026-04-02", ["orgUnitId"] = await data.UnitId(PhuLuong), ["kind"] = "meeting", ["title"] = data.Unique("Họp tổ dân phố có ảnh"),
        ["audiences"] = new JsonArray(new JsonObject { ["group"] = "residents", ["peopleReached"] = 30 }),
    }.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

    async Task<Versioned> NewDocument(HttpClient ward) => await (await ward.PostRaw("/api/v1/unit-documents", new JsonObject
    {
        ["orgUnitId"] = await data.UnitId(PhuLuong), ["kind"] = "decision", ["number"] = $"{Random.Shared.Next(1000, 9999)}/QĐ-UBND-{data.UniqueKey("f")}",
        ["issuedOn"] = "2026-05-04", ["signer"] = "Nguyễn Văn An", ["subject"] = "Quyết định kiện toàn Ban chỉ đạo",
    }.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

    [Fact]
    public async Task A_ward_attaches_a_photo_and_a_file_to_an_event_its_position_removed_and_reachable_only_within_the_event_scope()
    {
        var ward = await app.SignIn("phuluong");
        var e = await NewEvent(ward);
        var files = $"/api/v1/communication-events/{e.Id}/files";

        var saved = await (await Upload(ward, files, e.Version, ("Buổi họp.jpg", PhotoWithExif), ("danh-sach.pdf", Pdf))).Json<FilesSavedView>(HttpStatusCode.Created);
        Assert.Equal([("Buổi họp.jpg", "image/jpeg"), ("danh-sach.pdf", "application/pdf")], saved.Files.Select(f => (f.FileName, f.ContentType)));
        Assert.Equal(e.Version + 1, saved.Version);   // an upload changes the event
        var (photo, pdf) = (saved.Files[0].Id, saved.Files[1].Id);

        var download = await ward.GetAsync($"{files}/{photo}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Buổi họp.jpg", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(PhotoWithExif.Length - 52, bytes.Length);           // the 52-byte EXIF segment, and nothing else, is gone
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(bytes));
        Assert.Equal(PhotoWithExif[^20..], bytes[^20..]);                 // the picture itself is unchanged
        Assert.Equal(Pdf, await ward.GetByteArrayAsync($"{files}/{pdf}"));

        // The version the ward read before the upload is stale now: nothing more is added.
        await (await Upload(ward, files, e.Version, ("khac.pdf", Pdf))).Json(HttpStatusCode.Conflict);
        Assert.Equal(2, (await ward.GetJson<List<FileView>>(files)).Count);

        // Another ward reaches nothing of it; the leader of the area reads but does not write.
        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(files)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{files}/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(other, files, saved.Version, ("x.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{files}/{photo}?version={saved.Version}")).StatusCode);
        var leader = await app.SignIn("lanhdao");
        Assert.Equal(Pdf, await leader.GetByteArrayAsync($"{files}/{pdf}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(leader, files, saved.Version, ("x.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"{files}/{photo}?version={saved.Version}")).StatusCode);

        // Delete: a stale version is refused, the current one removes the file and moves the version.
        Assert.Equal(HttpStatusCode.Conflict, (await ward.DeleteAsync($"{files}/{photo}?version={e.Version}")).StatusCode);
        var deleted = await (await ward.DeleteAsync($"{files}/{photo}?version={saved.Version}")).Json(HttpStatusCode.OK);
        Assert.Equal(saved.Version + 1, (int)deleted["version"]!);
        Assert.Equal(["danh-sach.pdf"], (await ward.GetJson<List<FileView>>(files)).Select(f => f.FileName));
        Assert.Equal(saved.Version + 1, (await ward.GetJson<Versioned>($"/api/v1/communication-events/{e.Id}")).Version);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"{files}/{photo}")).StatusCode);

        // The event's page lists the file with its download link.
        var page = await (await ward.GetAsync($"/communication/{e.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{files}/{pdf}\"", page);
        Assert.Contains("capture=\"environment\"", page);
    }

    [Fact]
    public async Task A_document_takes_its_signed_scan_and_refuses_wrong_empty_too_big_bombs_and_too_many_saving_nothing()
    {
        var ward = await app.SignIn("phuluong");
        var d = await NewDocument(ward);
        var files = $"/api/v1/unit-documents/{d.Id}/files";
        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var cases = new (string Expected, (string, byte[])[] Files)[]
        {
            ("file: Nội dung tệp không đúng với định dạng của tên tệp.", [("ban-quet.jpg", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])]),  // a program renamed .jpg
            ("file: Văn bản đính kèm phải là tệp PDF, Word (.docx) hoặc ảnh (.jpg, .png).", [("cai-dat.exe", [0x4D, 0x5A, 0x90, 0x00])]),
            ("file: Tệp lớn hơn 10 MB.", [("lon.pdf", big)]),
            ("file: Tệp rỗng.", [("trong.pdf", [])]),
            ("file: Mỗi văn bản đính kèm tối đa 3 tệp.", [("1.pdf", Pdf), ("2.pdf", Pdf), ("3.pdf", Pdf), ("4.pdf", Pdf)]),
            // One bad file among good ones refuses them all.
            ("file: anh.jpg: Nội dung tệp không đúng với định dạng của tên tệp.", [("quyet-dinh.pdf", Pdf), ("anh.jpg", Pdf)]),
        };
        foreach (var (expected, upload) in cases)
            Assert.Equal([expected], (await (await Upload(ward, files, d.Version, upload)).Json<Problem>(HttpStatusCode.BadRequest)).Lines());
        var bomb = ArchiveBombs.Docx(300L * 1024 * 1024);
        Assert.True(bomb.Length < 10 * 1024 * 1024);
        var refused = await (await Upload(ward, files, d.Version, ("quyet-dinh.docx", bomb))).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("khi giải nén lớn hơn 200 MB", Assert.Single(refused.On("file")));
        Assert.Equal(0, await data.Db(db => db.Set<UnitDocumentFile>().CountAsync(f => f.RecordId == d.Id)));
        Assert.Equal(d.Version, (await ward.GetJson<Versioned>($"/api/v1/unit-documents/{d.Id}")).Version);

        var saved = await (await Upload(ward, files, d.Version, ("QĐ 12 đã ký.pdf", Pdf))).Json<FilesSavedView>(HttpStatusCode.Created);
        var download = await ward.GetAsync($"{files}/{saved.Files[0].Id}");
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ContentDispositionHeaderValue("attachment").DispositionType, download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignIn("hadong")).GetAsync($"{files}/{saved.Files[0].Id}")).StatusCode);
        Assert.Contains($"href=\"{files}/{saved.Files[0].Id}\"", await (await ward.GetAsync($"/documents/{d.Id}")).Content.ReadAsStringAsync());
        // A file of one document is not reached through another's address.
        var other = await NewDocument(ward);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/api/v1/unit-documents/{other.Id}/files/{saved.Files[0].Id}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecordFileTestsOnSqlite(SqliteApp app) : RecordFileTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RecordFileTestsOnPostgres(PostgresApp app) : RecordFileTests(app);
