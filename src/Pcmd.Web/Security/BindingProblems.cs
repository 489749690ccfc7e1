using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Pcmd.Web.Security;

/// <summary>What the framework says when a request cannot even be bound to a handler's parameters (a query value of the
/// wrong type, unreadable JSON, a missing body), said again in Vietnamese with the field at fault: the framework's
/// English sentences name C# types and parameter names, which are not the contract.</summary>
public static partial class BindingProblems
{
    /// <summary>The key of a problem with the body as a whole (empty, not JSON at all).</summary>
    public const string BodyKey = "body";

    public static ProblemDetails From(BadHttpRequestException b)
    {
        var status = b.StatusCode is >= 400 and < 500 ? b.StatusCode : StatusCodes.Status400BadRequest;
        if (status == StatusCodes.Status413PayloadTooLarge)
            return Invalid(status, Titles.For(status), BodyKey, Titles.DefaultDetail(status));
        if (status == StatusCodes.Status415UnsupportedMediaType)
            return Invalid(status, Titles.For(status), BodyKey, Titles.DefaultDetail(status));
        if (b.InnerException is JsonException json) return FromJson(json);
        var message = b.Message;
        var m = ParameterName().Match(message);
        var parameter = m.Success ? m.Groups["name"].Value : BodyKey;
        var type = m.Success ? m.Groups["type"].Value : "";
        if (message.StartsWith("Failed to bind parameter", StringComparison.Ordinal))
        {
            var value = BoundValue().Match(message) is { Success: true } v ? v.Groups["value"].Value : "";
            // A query date (DateQuery) says why the day does not exist (31/02, 32/13), as a date box does.
            if (Bare(type) == Shared.DateQuery.TypeName && Shared.DateInput.Read(value.Length > 40 ? value[..40] : value).Error is { } why)
                return Invalid(status, "Dữ liệu không hợp lệ", parameter, why);
            if (value.Length > 40) value = value[..40] + "…";
            return Invalid(status, "Dữ liệu không hợp lệ", parameter, $"Giá trị \"{value}\" không hợp lệ: cần {Kind(type) ?? "một giá trị đúng dạng"}.");
        }
        if (message.Contains("was not provided", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal))
            return message.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? Invalid(status, "Dữ liệu không hợp lệ", BodyKey, "Thiếu nội dung JSON của yêu cầu.")
                : Invalid(status, "Dữ liệu không hợp lệ", parameter, "Thiếu giá trị bắt buộc.");
        if (message.Contains("as JSON", StringComparison.Ordinal) || message.Contains("as form", StringComparison.Ordinal))
            return Invalid(status, "Dữ liệu không hợp lệ", BodyKey, "Nội dung gửi lên không đọc được.");
        return Invalid(status, Titles.For(status), BodyKey, Titles.DefaultDetail(status));
    }

    public static ProblemDetails Unreadable() => Invalid(400, "Dữ liệu không hợp lệ", BodyKey, "Nội dung gửi lên không đọc được.");

    /// <summary>A JSON body that does not parse or does not fit the expected shape: the error goes under the JSON path of the
    /// value at fault ("period.from", "items[2].name"), or under each missing required property.</summary>
    public static ProblemDetails FromJson(JsonException json)
    {
        var path = KeyOf(json.Path);
        var message = json.Message;
        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            var errors = QuotedNames().Matches(missing.Groups["names"].Value)
                .ToDictionary(n => Join(path, n.Groups[1].Value), _ => new[] { "Thiếu giá trị bắt buộc." });
            if (errors.Count > 0) return new ValidationProblemDetails(errors) { Title = "Dữ liệu không hợp lệ", Detail = $"Có {errors.Count} lỗi cần sửa.", Status = 400 };
        }
        if (ConvertedTo().Match(message) is { Success: true } conv)
            // A record bound by its constructor names itself, not the member's type: then only the path is known.
            return Invalid(400, "Dữ liệu không hợp lệ", path, Kind(conv.Groups["type"].Value) is { } kind
                ? $"Giá trị không đúng kiểu: cần {kind}." : "Giá trị không đúng kiểu.");
        var where = json.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {json.BytePositionInLine + 1})" : "";
        return Invalid(400, "Dữ liệu không hợp lệ", path, $"JSON không hợp lệ{where}.");
    }

    /// <summary>"$.plan.title" → "plan.title"; the root ("$") is the body as a whole.</summary>
    public static string KeyOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return BodyKey;
        var key = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return key.Length == 0 ? BodyKey : key;
    }

    static string Join(string path, string name) => path == BodyKey ? name : $"{path}.{name}";

    static ValidationProblemDetails Invalid(int status, string title, string key, string message) =>
        new(new Dictionary<string, string[]> { [key] = [message] }) { Title = title, Detail = "Có 1 lỗi cần sửa.", Status = status };

    /// <summary>The expected kind of value, said as a user would: from a C# type name as the framework writes it.</summary>
    static string? Kind(string type)
    {
        if (type.Contains("List") || type.Contains("[]") || type.Contains("Enumerable") || type.Contains("Collection")) return "một danh sách";
        return Bare(type) switch
        {
            "Int32" or "int" or "Int64" or "long" or "Int16" or "short" or "Byte" or "byte" => "một số nguyên",
            "Decimal" or "decimal" or "Double" or "double" or "Single" or "float" => "một số",
            "DateOnly" => "một ngày dạng yyyy-MM-dd",
            Shared.DateQuery.TypeName => "một ngày dạng dd/mm/yyyy",
            "DateTime" or "DateTimeOffset" => "một thời điểm dạng yyyy-MM-ddTHH:mm:ss",
            "Boolean" or "bool" => "true hoặc false",
            "String" or "string" => "một chuỗi",
            "Guid" => "một mã dạng GUID",
            _ => null,
        };
    }

    /// <summary>"System.Nullable`1[Pcmd.Web.Shared.DateQuery]", "DateQuery?" → "DateQuery".</summary>
    static string Bare(string type)
    {
        var t = type;
        foreach (var noise in new[] { "System.Nullable`1[", "Nullable<", ">", "]", "?" }) t = t.Replace(noise, "");
        return t[(t.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex("parameter \"(?<type>[^\"]*?) (?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    [GeneratedRegex("from \"(?<value>.*)\"\\.?$", RegexOptions.Singleline)]
    private static partial Regex BoundValue();

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingProperties();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();

    [GeneratedRegex("could not be converted to (?<type>[^ .]+(\\.[^ .]+)*)")]
    private static partial Regex ConvertedTo();
}

/// <summary>The Vietnamese title and default detail of every client error the app or the framework may answer.</summary>
public static class Titles
{
    public static string For(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa đăng nhập",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        406 => "Không có định dạng trả lời phù hợp",
        408 => "Hết thời gian chờ yêu cầu",
        409 => "Xung đột dữ liệu",
        411 => "Thiếu độ dài nội dung",
        413 => "Nội dung gửi lên quá lớn",
        414 => "Địa chỉ yêu cầu quá dài",
        415 => "Kiểu nội dung không được hỗ trợ",
        422 => "Dữ liệu không xử lý được",
        429 => "Quá nhiều yêu cầu",
        431 => "Phần đầu yêu cầu quá lớn",
        >= 500 => "Lỗi hệ thống",
        _ => "Yêu cầu không hợp lệ",
    };

    public static string DefaultDetail(int status) => status switch
    {
        401 => "Hãy đăng nhập (POST /api/v1/auth/login) trước khi gọi API.",
        403 => "Bạn không có quyền thực hiện thao tác này trong phạm vi được giao.",
        404 => "Không tìm thấy địa chỉ hoặc dữ liệu yêu cầu.",
        405 => "Địa chỉ này không nhận phương thức đã dùng.",
        413 => "Nội dung gửi lên vượt quá giới hạn cho phép.",
        414 => "Địa chỉ (đường dẫn và tham số) dài quá giới hạn cho phép.",
        415 => "API chỉ nhận nội dung JSON (application/json) hoặc tệp tải lên (multipart/form-data).",
        431 => "Phần đầu (header) của yêu cầu vượt quá giới hạn cho phép.",
        >= 500 => "Đã có lỗi xảy ra; thao tác chưa được lưu. Vui lòng thử lại hoặc báo quản trị viên.",
        _ => "Yêu cầu không thực hiện được.",
    };

    /// <summary>Whether a title is one the framework wrote (its English reason phrase or default), so ours replaces it.</summary>
    public static bool IsFrameworkDefault(string? title, int status) =>
        title is null || title == ReasonPhrases.GetReasonPhrase(status)
        || title.StartsWith("One or more validation errors", StringComparison.Ordinal)
        || title.StartsWith("An error occurred", StringComparison.Ordinal);
}
