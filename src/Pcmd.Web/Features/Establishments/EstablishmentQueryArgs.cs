using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments;

/// <summary>The list's query string: every filter optional, empty values ignored (a GET form sends them).</summary>
public sealed record EstablishmentQueryArgs(string? Unit, string? Type, string? Group, string? Status, string? Risk, string? Commitment,
    string? Q, string? Sort)
{
    public EstablishmentFilter ToFilter()
    {
        var errors = new ErrorList();
        T? Parse<T>(string name, string? value, string message) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _)) return v;
            errors.Add(name, message);
            return null;
        }
        int? unit = null;
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            if (int.TryParse(Unit, out var u)) unit = u;
            else errors.Add("unit", "Đơn vị phải là mã số (id) của đơn vị hành chính.");
        }
        bool? commitment = null;
        if (!string.IsNullOrWhiteSpace(Commitment))
        {
            if (bool.TryParse(Commitment, out var c)) commitment = c;
            else errors.Add("commitment", "Cam kết phải là true hoặc false.");
        }
        var filter = new EstablishmentFilter(unit, string.IsNullOrWhiteSpace(Type) ? null : Type.Trim(),
            Parse<EstablishmentGroup>("group", Group, "Nhóm không hợp lệ (lodging, culture, healthTherapy, other)."),
            Parse<ManagementStatus>("status", Status, "Tình trạng không hợp lệ (underManagement, notUnderManagement, closed)."),
            Parse<RiskClass>("risk", Risk, "Mức độ rủi ro không hợp lệ (low, medium, high)."),
            commitment, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), string.IsNullOrWhiteSpace(Sort) ? null : Sort.Trim());
        if (filter.Q?.Length > 200) errors.Add("q", "Từ khóa dài quá 200 ký tự.");
        errors.ThrowIfAny();
        return filter;
    }
}
