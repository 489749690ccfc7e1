using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>A kind of file PCMD takes: its type, the extensions a name may end with, and the first bytes its content must
/// start with (the name says what a file claims to be, the bytes what it is: a program renamed .jpg is refused).</summary>
public sealed record UploadKind(string ContentType, string[] Extensions, byte[][] Magic, bool Image = false, bool Archive = false)
{
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04], Ole = [0xD0, 0xCF, 0x11, 0xE0];
    public static readonly UploadKind Jpeg = new("image/jpeg", [".jpg", ".jpeg"], [[0xFF, 0xD8, 0xFF]], Image: true);
    public static readonly UploadKind Png = new("image/png", [".png"], [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]], Image: true);
    public static readonly UploadKind Pdf = new("application/pdf", [".pdf"], [[0x25, 0x50, 0x44, 0x46]]);
    /// <summary>Word and Excel files are zips that readers' machines unzip: checked against <see cref="ArchiveLimits"/>.</summary>
    public static readonly UploadKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], [Zip], Archive: true);
    public static readonly UploadKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], [Zip], Archive: true);
    public static readonly UploadKind Doc = new("application/msword", [".doc"], [Ole]);
    public static readonly UploadKind Xls = new("application/vnd.ms-excel", [".xls"], [Ole]);

    public static readonly UploadKind[] Photos = [Jpeg, Png];

    public bool Matches(ReadOnlySpan<byte> content)
    {
        foreach (var m in Magic) if (content.StartsWith(m)) return true;
        return false;
    }
}

/// <summary>What one kind of upload accepts and how it says no. The texts are the callers' own (a photo of a biên bản, a
/// tip's photo, a report's file), so that each form keeps its wording.</summary>
public sealed record UploadRules(IReadOnlyList<UploadKind> Kinds, long MaxBytes)
{
    /// <summary>The type is read from the bytes alone and the name is ignored (a citizen's phone names files after itself).</summary>
    public bool ByContentOnly { get; init; }
    /// <summary>A phone of 2026 takes 12–50 megapixels; more, or a side past 10,000 pixels, is a picture no phone took.</summary>
    public int MaxSide { get; init; } = 10_000;
    public long MaxPixels { get; init; } = 50_000_000;
    public string WrongName { get; init; } = "Loại tệp này không được nhận.";
    public string WrongContent { get; init; } = "Nội dung tệp không đúng với định dạng của tên tệp.";
    public string? TooLargeText { get; init; }
    public string TooLarge => TooLargeText ?? $"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB.";
    public string Empty { get; init; } = "Tệp rỗng.";
    public string PictureTooLarge(int w, int h) =>
        $"Ảnh {w}×{h} điểm ảnh quá lớn (tối đa {MaxSide} điểm ảnh mỗi chiều, {MaxPixels / 1_000_000} triệu điểm ảnh).";
    /// <summary>The texts continue a sentence ("Ảnh thứ 2: tệp rỗng."): their first letter is lower-case.</summary>
    public bool Fragments { get; init; }
    /// <summary>The accept attribute of the file box: the extensions of <see cref="Kinds"/>.</summary>
    public string Accept => string.Join(",", Kinds.SelectMany(k => k.Extensions));
}

/// <summary>An upload that passed <see cref="UploadCheck"/>: a safe name, the type its bytes are, and the bytes to keep (a
/// photo's without its metadata unless kept).</summary>
public sealed record CheckedUpload(string FileName, string ContentType, byte[] Content, int Width, int Height, bool MetadataKept)
{
    public bool IsPng => ContentType == UploadKind.Png.ContentType;
}

/// <summary>The one check every upload passes before anything is saved (tips' and inspections' photos, reports' files, the
/// files of communication events and unit documents): the name reduced to a safe base name (<see cref="SafeFileName"/>), an
/// allowed kind by extension AND by first bytes, a size limit enforced while reading (a declared length can lie), not empty,
/// a photo's declared dimensions within reason (a small file declaring a huge picture is refused without being decoded) and
/// its metadata removed (<see cref="ImageMetadata"/>: EXIF with the GPS position, the phone's serial), a Word or Excel file
/// within <see cref="ArchiveLimits"/> (<see cref="SafeArchive"/>). Every refusal is a Vietnamese problem on <c>path</c>.</summary>
public static class UploadCheck
{
    public static async Task<CheckedUpload> Check(string? fileName, Stream content, long? length, UploadRules rules, string path,
        CancellationToken ct, ArchiveLimits? limits = null, bool keepMetadata = false, string prefix = "")
    {
        ValidationException Bad(string message) => ValidationException.One(path,
            prefix + (rules.Fragments ? char.ToLowerInvariant(message[0]) + message[1..] : message));
        var name = SafeFileName.Of(fileName);
        UploadKind? kind = null;
        if (!rules.ByContentOnly)
        {
            var ext = Path.GetExtension(name);
            kind = rules.Kinds.FirstOrDefault(k => k.Extensions.Contains(ext, StringComparer.OrdinalIgnoreCase)) ?? throw Bad(rules.WrongName);
        }
        if (length > rules.MaxBytes) throw Bad(rules.TooLarge);
        var bytes = await ReadBounded(content, rules.MaxBytes, ct) ?? throw Bad(rules.TooLarge);
        if (bytes.Length == 0) throw Bad(rules.Empty);
        kind = kind is null ? rules.Kinds.FirstOrDefault(k => k.Matches(bytes)) : kind.Matches(bytes) ? kind : null;
        if (kind is null) throw Bad(rules.WrongContent);
        var (w, h) = (0, 0);
        var kept = bytes;
        if (kind.Image)
        {
            var stripped = kind == UploadKind.Png ? ImageMetadata.StripPng(bytes) : ImageMetadata.StripJpeg(bytes);
            if (stripped is null || ImageMetadata.Dimensions(bytes) is not { } size) throw Bad(rules.WrongContent);
            (w, h) = size;
            if (w > rules.MaxSide || h > rules.MaxSide || (long)w * h > rules.MaxPixels) throw Bad(rules.PictureTooLarge(w, h));
            if (!keepMetadata) kept = stripped;
        }
        if (kind.Archive)
        {
            using var ms = new MemoryStream(bytes, writable: false);
            try { SafeArchive.Check(ms, limits ?? new ArchiveLimits(), spreadsheet: false); }
            catch (ArchiveRefusedException e) { throw Bad(e.Message); }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException) { throw Bad(rules.WrongContent); }
        }
        return new CheckedUpload(name, kind.ContentType, kept, w, h, kind.Image && keepMetadata);
    }

    /// <summary>The stream's bytes, or null as soon as they pass <paramref name="max"/>: never more than the limit in memory.</summary>
    public static async Task<byte[]?> ReadBounded(Stream content, long max, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            ms.Write(buffer, 0, read);
            if (ms.Length > max) return null;
        }
        return ms.ToArray();
    }
}
