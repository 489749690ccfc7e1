using System.Net;
using System.Text;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Inspections;

/// <summary>The photo of a biên bản (issue 15, item 2): JPEG or PNG only, checked by content, stored without the position the
/// camera wrote into it, read within the inspection's unit only.</summary>
public abstract class InspectionPhotoTests(PcmdApp app)
{
    readonly InspectionTestData data = new(app);

    /// <summary>A 1×1 JPEG carrying an EXIF segment with a position, as a phone's camera writes it.</summary>
    static readonly byte[] PhotoWithExif = Convert.FromBase64String(
        "/9j/4QAyRXhpZgAAR1BTIDIxLjAyODUsMTA1Ljg1NDIgR1BTIDIxLjAyODUsMTA1Ljg1NDIg/+AAEEpGSUYAAQEBAEgASAAA/9sAQwD//////////////////////////////////////////////////////////////////////////////////////8IACwgAAQABAQERAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Q/9k=");

    [Fact]
    public async Task A_photo_is_kept_without_its_position_and_only_images_are_taken()
    {
        var client = await app.SignIn("kiemtra");
        var (team, members) = await data.Team(await app.SignIn("phuluong"));
        var body = InspectionTestData.Inspection(await data.Establishment(InspectionTestData.PhuLuong), team, members);
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;

        async Task<HttpResponseMessage> Upload(HttpClient c, string name, byte[] content) =>
            await c.PostAsync($"/api/v1/inspections/{id}/photos", new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } });

        Assert.Equal(["file: Ảnh biên bản phải là tệp ảnh .jpg hoặc .png."],
            (await (await Upload(client, "bien-ban.pdf", "%PDF-1.4"u8.ToArray())).Json<Problem>(HttpStatusCode.BadRequest)).Lines());
        Assert.Equal(["file: Nội dung tệp không phải là ảnh .jpg hoặc .png."],
            (await (await Upload(client, "bien-ban.jpg", [0x4D, 0x5A, 0x90, 0x00])).Json<Problem>(HttpStatusCode.BadRequest)).Lines());
        var photo = await (await Upload(client, "Biên bản.jpg", PhotoWithExif)).Json<WithId>(HttpStatusCode.Created);

        var download = await client.GetAsync($"/api/v1/inspections/{id}/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(PhotoWithExif.Length - 52, bytes.Length);           // the 52-byte EXIF segment, and nothing else, is gone
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(bytes));
        Assert.Equal(PhotoWithExif[^20..], bytes[^20..]);                 // the picture itself is unchanged

        // Another ward's officer neither sees nor adds.
        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/inspections/{id}/photos/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(other, "x.jpg", PhotoWithExif)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionPhotoTestsOnSqlite(SqliteApp app) : InspectionPhotoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InspectionPhotoTestsOnPostgres(PostgresApp app) : InspectionPhotoTests(app);
