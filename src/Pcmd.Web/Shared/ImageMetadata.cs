namespace Pcmd.Web.Shared;

/// <summary>Removes what a phone writes into a photo besides the picture: EXIF (with the GPS position where it was taken,
/// the phone's model and serial), XMP and comments. A photo of a biên bản is evidence of the paper, not of the inspector's
/// whereabouts (Luật Bảo vệ dữ liệu cá nhân 2025: collect no more than the purpose needs). The picture bytes are copied as they are.</summary>
public static class ImageMetadata
{
    /// <summary>The JPEG without its APPn segments other than APP0 (JFIF) and APP2 (the ICC colour profile), and without COM;
    /// null when the bytes are not a well-formed JPEG up to the start of the scan.</summary>
    public static byte[]? StripJpeg(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        using var o = new MemoryStream(jpeg.Length);
        o.Write(jpeg, 0, 2);
        var p = 2;
        while (p + 4 <= jpeg.Length)
        {
            if (jpeg[p] != 0xFF) return null;
            var marker = jpeg[p + 1];
            if (marker == 0xFF) { p++; continue; }  // fill bytes before a marker
            if (marker == 0xDA)                     // start of scan: the rest is the picture
            {
                o.Write(jpeg, p, jpeg.Length - p);
                return o.ToArray();
            }
            var length = (jpeg[p + 2] << 8) | jpeg[p + 3];
            if (length < 2 || p + 2 + length > jpeg.Length) return null;
            var drop = (marker is >= 0xE1 and <= 0xEF && marker != 0xE2) || marker == 0xFE;
            if (!drop) o.Write(jpeg, p, 2 + length);
            p += 2 + length;
        }
        return null;
    }

    static readonly HashSet<string> PngTextChunks = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"];

    /// <summary>The PNG without its eXIf and text chunks; null when the chunks do not add up.</summary>
    public static byte[]? StripPng(byte[] png)
    {
        if (png.Length < 8) return null;
        using var o = new MemoryStream(png.Length);
        o.Write(png, 0, 8);
        var p = 8;
        while (p + 12 <= png.Length)
        {
            var length = (long)((uint)(png[p] << 24) | (uint)(png[p + 1] << 16) | (uint)(png[p + 2] << 8) | png[p + 3]);
            if (p + 12 + length > png.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(png, p + 4, 4);
            if (!PngTextChunks.Contains(type)) o.Write(png, p, (int)(12 + length));
            p += (int)(12 + length);
            if (type == "IEND") return o.ToArray();
        }
        return null;
    }

    /// <summary>The picture's width and height as its header declares them (the JPEG's start-of-frame, the PNG's IHDR): what a
    /// decoder would allocate for. Null when no frame header is found. Read before anything keeps the file, so that a small file
    /// declaring a huge picture (a "decompression bomb") is refused without being decoded.</summary>
    public static (int Width, int Height)? Dimensions(byte[] image)
    {
        if (image.Length >= 24 && image[0] == 0x89 && image[1] == 0x50 && System.Text.Encoding.ASCII.GetString(image, 12, 4) == "IHDR")
        {
            long W(int o) => (long)((uint)(image[o] << 24) | (uint)(image[o + 1] << 16) | (uint)(image[o + 2] << 8) | image[o + 3]);
            var (w, h) = (W(16), W(20));
            return w is > 0 and <= int.MaxValue && h is > 0 and <= int.MaxValue ? ((int)w, (int)h) : null;
        }
        if (image.Length < 4 || image[0] != 0xFF || image[1] != 0xD8) return null;
        var p = 2;
        while (p + 9 <= image.Length)
        {
            if (image[p] != 0xFF) return null;
            var marker = image[p + 1];
            if (marker == 0xFF) { p++; continue; }
            if (marker == 0xDA) return null;   // a scan before any frame header
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame's height and width.
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                return ((image[p + 7] << 8) | image[p + 8], (image[p + 5] << 8) | image[p + 6]);
            var length = (image[p + 2] << 8) | image[p + 3];
            if (length < 2) return null;
            p += 2 + length;
        }
        return null;
    }
}
