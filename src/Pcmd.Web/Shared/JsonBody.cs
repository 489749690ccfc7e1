using System.Text;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>A JSON file sent as the raw body or as a multipart upload (plan files, agency catalogues), refused past
/// <see cref="MaxBytes"/>.</summary>
public static class JsonBody
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <param name="fileKind">What the file is, as the user calls it ("tệp kế hoạch"), for the messages.</param>
    public static async Task<string> Read(HttpRequest req, string fileKind, CancellationToken ct)
    {
        if (req.ContentLength > MaxBytes) throw TooLarge();
        if (req.HasFormContentType)
        {
            var form = await req.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault() ?? throw ValidationException.One("file", $"Hãy chọn {fileKind} (.json).");
            if (file.Length > MaxBytes) throw TooLarge();
            if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                throw ValidationException.One("file", $"Chỉ nhận {fileKind} dạng .json.");
            using var r = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return await r.ReadToEndAsync(ct);
        }
        // Read in chunks and stop past the limit: a body without Content-Length must not fill the memory.
        using var reader = new StreamReader(req.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var chunk = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(chunk, ct)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > MaxBytes) throw TooLarge();
        }
        return text.ToString();
    }

    static ValidationException TooLarge() => ValidationException.One("file", $"Tệp lớn quá {MaxBytes / 1024 / 1024} MB.");
}
