using System.Text;
using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Shared;

public class ImageMetadataTests
{
    static byte[] Segment(byte marker, string payload)
    {
        var p = Encoding.ASCII.GetBytes(payload);
        return [0xFF, marker, (byte)((p.Length + 2) >> 8), (byte)(p.Length + 2), .. p];
    }

    static readonly byte[] Scan = [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9];

    [Fact]
    public void A_jpeg_loses_exif_xmp_and_comments_and_keeps_jfif_the_colour_profile_and_the_picture()
    {
        byte[] jpeg = [0xFF, 0xD8, .. Segment(0xE0, "JFIF"), .. Segment(0xE1, "Exif GPS 21.02"), .. Segment(0xE2, "ICC_PROFILE"),
            .. Segment(0xE1, "http://ns.adobe.com/xap/"), .. Segment(0xFE, "Samsung SM-A155"), .. Segment(0xDB, "quant"), .. Scan];
        var stripped = ImageMetadata.StripJpeg(jpeg)!;
        byte[] expected = [0xFF, 0xD8, .. Segment(0xE0, "JFIF"), .. Segment(0xE2, "ICC_PROFILE"), .. Segment(0xDB, "quant"), .. Scan];
        Assert.Equal(expected, stripped);
    }

    [Fact]
    public void What_is_not_a_jpeg_up_to_its_scan_is_refused()
    {
        Assert.Null(ImageMetadata.StripJpeg([0x4D, 0x5A, 0x90, 0x00]));
        Assert.Null(ImageMetadata.StripJpeg([0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 0x01]));   // a segment longer than the file
        Assert.Null(ImageMetadata.StripJpeg([0xFF, 0xD8, .. Segment(0xE0, "JFIF")]));       // no scan
    }

    static byte[] Chunk(string type, string data)
    {
        var d = Encoding.ASCII.GetBytes(data);
        return [0, 0, 0, (byte)d.Length, .. Encoding.ASCII.GetBytes(type), .. d, 1, 2, 3, 4];
    }

    [Fact]
    public void A_png_loses_its_exif_and_text_chunks()
    {
        byte[] head = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] png = [.. head, .. Chunk("IHDR", "1234567890123"), .. Chunk("eXIf", "GPS"), .. Chunk("tEXt", "Author"), .. Chunk("IDAT", "xx"), .. Chunk("IEND", "")];
        Assert.Equal([.. head, .. Chunk("IHDR", "1234567890123"), .. Chunk("IDAT", "xx"), .. Chunk("IEND", "")], ImageMetadata.StripPng(png));
        Assert.Null(ImageMetadata.StripPng([.. head, .. Chunk("IHDR", "1")]));  // no IEND
    }
}
