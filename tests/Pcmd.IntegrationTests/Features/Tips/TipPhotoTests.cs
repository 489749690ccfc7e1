using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Tips.TipTestData;

namespace Pcmd.IntegrationTests.Features.Tips;

public sealed record TipPhotoRowView(int Id, string FileName, string ContentType, long Size, int Width, int Height, bool LocationKept, bool Identifying);
public sealed record TipPhotoListView(List<TipPhotoRowView> Photos, int Withheld, bool CanMark);

/// <summary>Photos with a portal report (issue 11, item 1): only JPEG and PNG by their bytes, at most 3 of 5 MB, no picture
/// larger than a phone takes, the position removed unless kept, saved with the report or not at all; staff see them with the
/// tip's rules, an identifying one only the intake officer (each view recorded); the public status never shows them.</summary>
public abstract class TipPhotoTests(PcmdApp app)
{
    readonly TipTestData data = new(app);

    /// <summary>A 1×1 JPEG carrying an EXIF segment with a position (the one of the inspection photo tests).</summary>
    public static readonly byte[] JpegWithGps = Convert.FromBase64String(
        "/9j/4QAyRXhpZgAAR1BTIDIxLjAyODUsMTA1Ljg1NDIgR1BTIDIxLjAyODUsMTA1Ljg1NDIg/+AAEEpGSUYAAQEBAEgASAAA/9sAQwD//////////////////////////////////////////////////////////////////////////////////////8IACwgAAQABAQERAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Q/9k=");

    static readonly byte[] Png1x1 = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The same small PNG declaring a 100,000 × 100,000 picture (its IHDR's CRC made right): 40 GB once decoded.</summary>
    static byte[] HugePng()
    {
        var png = (byte[])Png1x1.Clone();
        foreach (var offset in new[] { 16, 20 }) { png[offset] = 0; png[offset + 1] = 0x01; png[offset + 2] = 0x86; png[offset + 3] = 0xA0; }
        var crc = Crc32(png.AsSpan(12, 17));
        png[29] = (byte)(crc >> 24); png[30] = (byte)(crc >> 16); png[31] = (byte)(crc >> 8); png[32] = (byte)crc;
        return png;
    }

    static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }

    HttpClient Anonymous() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    async Task<HttpResponseMessage> Send(string description, bool keep, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(PortalTests.Report(description, await data.UnitId(PhuLuong)).ToJsonString(), Encoding.UTF8, "application/json"), "report" },
        };
        if (keep) form.Add(new StringContent("true"), "keepPhotoLocation");
        foreach (var (name, content) in photos) form.Add(new ByteArrayContent(content), "photos", name);
        return await Anonymous().PostAsync("/api/v1/public/tips/with-photos", form);
    }

    [Fact]
    public async Task Bad_photos_refuse_the_whole_report_in_Vietnamese_and_save_nothing()
    {
        var before = await data.Db(db => db.Tips.CountAsync());
        var photosBefore = await data.Db(db => db.TipPhotos.CountAsync());
        var tooLarge = new byte[5 * 1024 * 1024 + 1];
        JpegWithGps.CopyTo(tooLarge, 0);
        var cases = new (string Expected, (string, byte[])[] Photos)[]
        {
            ("photos: tệp không phải là ảnh JPEG hoặc PNG.", [("ghi-chu.png", "xin chào"u8.ToArray())]),
            ("photos: tệp không phải là ảnh JPEG hoặc PNG.", [("anh.jpg", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])]),   // a program named .jpg
            ("photos: tệp lớn hơn 5 MB.", [("lon.jpg", tooLarge)]),
            ("photos: Chỉ được gửi tối đa 3 ảnh.", [("1.jpg", JpegWithGps), ("2.jpg", JpegWithGps), ("3.jpg", JpegWithGps), ("4.jpg", JpegWithGps)]),
            ("photos: Ảnh thứ 2: ảnh 100000×100000 điểm ảnh quá lớn (tối đa 10000 điểm ảnh mỗi chiều, 50 triệu điểm ảnh).",
                [("1.jpg", JpegWithGps), ("bom.png", HugePng())]),
        };
        foreach (var (expected, photos) in cases)
        {
            var problem = await (await Send(data.Unique("Ảnh hỏng"), false, photos)).Json(HttpStatusCode.BadRequest);
            Assert.Equal([expected], problem.Errors());
        }
        var noReport = new MultipartFormDataContent { { new StringContent("{không phải json"), "report" } };
        Assert.Contains("report: ", (await (await Anonymous().PostAsync("/api/v1/public/tips/with-photos", noReport)).Json(HttpStatusCode.BadRequest)).Errors()[0]);
        Assert.Equal(before, await data.Db(db => db.Tips.CountAsync()));
        Assert.Equal(photosBefore, await data.Db(db => db.TipPhotos.CountAsync()));
    }

    [Fact]
    public async Task Photos_are_saved_with_the_report_without_their_position_unless_kept_and_seen_with_the_tips_rules()
    {
        var description = data.Unique("Ảnh quán có người môi giới");
        var receipt = await (await Send(description, false, ("IMG_2041.jpg", JpegWithGps), ("chup-man-hinh.jpg", Png1x1))).Json<ReceiptView>(HttpStatusCode.Created);
        var id = await data.Db(db => db.Tips.Where(t => t.Code == receipt.Code).Select(t => t.Id).SingleAsync());
        var stored = await data.Db(db => db.TipPhotos.Where(p => p.TipId == id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([("anh-1.jpg", "image/jpeg"), ("anh-2.png", "image/png")], stored.Select(p => (p.FileName, p.ContentType)));   // a PNG named .jpg is a PNG
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(stored[0].Content));
        Assert.Equal(JpegWithGps.Length - 52, stored[0].Content.Length);
        Assert.Equal((1, 1), (stored[0].Width, stored[0].Height));

        var kept = await (await Send(data.Unique("Giữ vị trí"), true, ("a.jpg", JpegWithGps))).Json<ReceiptView>(HttpStatusCode.Created);
        var keptPhoto = await data.Db(db => db.TipPhotos.SingleAsync(p => db.Tips.Any(t => t.Id == p.TipId && t.Code == kept.Code)));
        Assert.True(keptPhoto.LocationKept);
        Assert.Contains("GPS", Encoding.ASCII.GetString(keptPhoto.Content));

        // The public status never shows them.
        var status = await (await Anonymous().PostRaw("/api/v1/public/tips/status", PortalTests.Lookup(receipt.Code, receipt.Secret))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("anh-1", status);
        Assert.DoesNotContain("photo", status, StringComparison.OrdinalIgnoreCase);

        // The city's standing office took it in; it assigns it to Phú Lương, which sees the photos (substance, not source).
        var city = await app.SignIn("dieuphoi");
        var ward = await app.SignIn("phuluong");
        var t = new TipSavedView(id, receipt.Code, (await Get(city, id)).Version, "received", null);
        await VerifyClassifyAssign(city, t, await data.UnitId(PhuLuong));
        var list = await ward.GetJson<TipPhotoListView>($"/api/v1/tips/{id}/photos");
        Assert.Equal((2, 0, false), (list.Photos.Count, list.Withheld, list.CanMark));
        var first = list.Photos[0].Id;
        Assert.Equal(stored[0].Content, await ward.GetByteArrayAsync($"/api/v1/tips/{id}/photos/{first}"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignIn("hadong")).GetAsync($"/api/v1/tips/{id}/photos")).StatusCode);

        // The intake officer marks the first as identifying: the ward no longer sees it; the intake officer's views are recorded.
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PutAsJsonAsync($"/api/v1/tips/{id}/photos/{first}/identifying", new { identifying = true })).StatusCode);
        (await city.PutAsJsonAsync($"/api/v1/tips/{id}/photos/{first}/identifying", new { identifying = true })).EnsureSuccessStatusCode();
        list = await ward.GetJson<TipPhotoListView>($"/api/v1/tips/{id}/photos");
        Assert.Equal((1, 1), (list.Photos.Count, list.Withheld));
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/api/v1/tips/{id}/photos/{first}")).StatusCode);
        var readsBefore = (await Get(city, id)).SourceReads.Count;
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/tips/{id}/photos/{first}")).StatusCode);
        var reads = (await Get(city, id)).SourceReads;
        Assert.Equal(readsBefore + 1, reads.Count);
        Assert.Equal("dieuphoi", reads[^1].UserName);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "TipPhoto" && a.EntityId == first.ToString() && a.Action == AuditAction.Read
            && a.UserName == "dieuphoi"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TipPhotoTestsOnSqlite(SqliteApp app) : TipPhotoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TipPhotoTestsOnPostgres(PostgresApp app) : TipPhotoTests(app);
