namespace Pcmd.Web.Security;

/// <summary>Rule violations a service raises; <see cref="ProblemHandler"/> turns each into RFC 7807
/// problem details with a Vietnamese title.</summary>
public abstract class AppProblemException(string title, string? detail) : Exception(detail ?? title)
{
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public abstract int Status { get; }
    /// <summary>Already written to the audit trail where it was raised (an existing record out of scope), so the
    /// handler does not record the refusal a second time.</summary>
    public bool Audited { get; set; }
}

public sealed class NotFoundException(string? detail = null)
    : AppProblemException("Không tìm thấy", detail ?? "Không tìm thấy dữ liệu hoặc bạn không có quyền xem.")
{
    public override int Status => StatusCodes.Status404NotFound;
}

public sealed class ForbiddenException(string? detail = null)
    : AppProblemException("Không có quyền", detail ?? "Bạn không có quyền thực hiện thao tác này trong phạm vi được giao.")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

public sealed class ConflictException(string? detail = null)
    : AppProblemException("Xung đột dữ liệu", detail ?? "Dữ liệu đã được người khác thay đổi sau khi bạn mở. Hãy tải lại và nhập lại thay đổi của bạn.")
{
    public override int Status => StatusCodes.Status409Conflict;
}

public sealed class ValidationException(IDictionary<string, string[]> errors, string title = "Dữ liệu không hợp lệ")
    : AppProblemException(title, "Có " + errors.Values.Sum(v => v.Length) + " lỗi cần sửa.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
    public override int Status => StatusCodes.Status400BadRequest;
    public override string Message => Title + ": " + string.Join("; ", Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    public static ValidationException One(string path, string message) => new(new Dictionary<string, string[]> { [path] = [message] });
}

/// <summary>Collects every problem of an input with its location, so the user sees all of them at once.</summary>
public sealed class ErrorList
{
    readonly Dictionary<string, List<string>> _errors = new();
    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list)) _errors[path] = list = [];
        list.Add(message);
    }
    /// <summary>Puts a label before every message of a path that has one: a plan file's errors name the plan's own
    /// numbering ("Chỉ tiêu 3.2: …") beside the JSON path.</summary>
    public void Label(Func<string, string?> labelOf)
    {
        foreach (var (path, list) in _errors)
            if (labelOf(path) is { } label)
                for (var i = 0; i < list.Count; i++) list[i] = label + ": " + list[i];
    }
    public bool Any => _errors.Count > 0;
    /// <summary>Every (path, message), e.g. for a spreadsheet import that reports them by row and column.</summary>
    public IEnumerable<(string Path, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));
    public int Count => _errors.Values.Sum(v => v.Count);
    public void ThrowIfAny(string title = "Dữ liệu không hợp lệ")
    {
        if (Any) throw new ValidationException(_errors.ToDictionary(k => k.Key, v => v.Value.ToArray()), title);
    }
}
