using System.Text;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Shared;

/// <summary>The one check of every upload (Shared/UploadCheck): the kind by name and bytes, or by bytes alone; the photo's
/// metadata removed unless kept; a picture declaring absurd dimensions refused; each caller's wording.</summary>
public class UploadCheckTests
{
    static readonly UploadRules ByName = new([UploadKind.Jpeg, UploadKind.Png, UploadKind.Pdf], 1024) { WrongName = "Sai loại." };
    static readonly UploadRules ByContent = ByName with { ByContentOnly = true, Fragments = true, WrongContent = "Tệp không phải là ảnh." };

    /// <summary>A JPEG with an EXIF segment (the position), a frame header of <paramref name="w"/>×<paramref name="h"/> and a scan.</summary>
    static byte[] Jpeg(int w, int h)
    {
        var exif = Encoding.ASCII.GetBytes("Exif GPS 21.0285,105.8542");
        return [0xFF, 0xD8, 0xFF, 0xE1, 0, (byte)(exif.Length + 2), .. exif,
            0xFF, 0xC0, 0, 11, 8, (byte)(h >> 8), (byte)h, (byte)(w >> 8), (byte)w, 1, 1, 0x11, 0,
            0xFF, 0xDA, 0, 4, 1, 2, 0x11, 0x22, 0xFF, 0xD9];
    }

    static async Task<string> Refusal(string? name, byte[] content, UploadRules rules, string prefix = "")
    {
        var e = await Assert.ThrowsAsync<ValidationException>(() => UploadCheck.Check(name, new MemoryStream(content), content.Length, rules, "file",
            CancellationToken.None, prefix: prefix));
        return Assert.Single(e.Errors["file"]);
    }

    [Fact]
    public async Task A_photo_is_taken_by_name_and_bytes_without_its_position_unless_kept()
    {
        var c = await UploadCheck.Check("C:\\Ảnh\\Họp dân.JPG", new MemoryStream(Jpeg(4, 3)), null, ByName, "file", CancellationToken.None);
        Assert.Equal(("Họp dân.JPG", "image/jpeg", 4, 3, false), (c.FileName, c.ContentType, c.Width, c.Height, c.MetadataKept));
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(c.Content));
        var kept = await UploadCheck.Check("a.jpg", new MemoryStream(Jpeg(4, 3)), null, ByName, "file", CancellationToken.None, keepMetadata: true);
        Assert.Contains("GPS", Encoding.ASCII.GetString(kept.Content));
    }

    [Fact]
    public async Task The_name_and_the_bytes_must_agree_unless_the_bytes_alone_decide()
    {
        Assert.Equal("Nội dung tệp không đúng với định dạng của tên tệp.", await Refusal("bien-ban.pdf", Jpeg(4, 3), ByName));
        Assert.Equal("Sai loại.", await Refusal("setup.exe", [0x4D, 0x5A, 0x90, 0x00], ByName));
        Assert.Equal("Sai loại.", await Refusal("abc\u202Egpj.exe", Jpeg(4, 3), ByName));   // the override is dropped: "abcgpj.exe"
        var byContent = await UploadCheck.Check("IMG.png", new MemoryStream(Jpeg(4, 3)), null, ByContent, "photos", CancellationToken.None);
        Assert.Equal("image/jpeg", byContent.ContentType);   // a JPEG named .png is a JPEG
        Assert.Equal("Ảnh thứ 2: tệp không phải là ảnh.", await Refusal("x.jpg", [0x4D, 0x5A, 0x90, 0x00], ByContent, "Ảnh thứ 2: "));
    }

    [Fact]
    public async Task Empty_too_large_and_absurd_pictures_are_refused()
    {
        Assert.Equal("Tệp rỗng.", await Refusal("a.pdf", [], ByName));
        Assert.Equal("Tệp lớn hơn 1 MB.", await Refusal("a.pdf", [0x25, 0x50, 0x44, 0x46, .. new byte[1024 * 1024]], ByName with { MaxBytes = 1024 * 1024 }));
        Assert.Equal("Ảnh 20000×3 điểm ảnh quá lớn (tối đa 10000 điểm ảnh mỗi chiều, 50 triệu điểm ảnh).", await Refusal("a.jpg", Jpeg(20000, 3), ByName));
        Assert.Equal("ảnh 9000×9000 điểm ảnh quá lớn (tối đa 10000 điểm ảnh mỗi chiều, 50 triệu điểm ảnh).", await Refusal("a.jpg", Jpeg(9000, 9000), ByContent));
    }
}
