using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

/// <summary>The make-up of an inspection team (Thông tư 05/2006/TT-BLĐTBXH): one leader, one or two deputies and
/// members from several agencies.</summary>
public static class TeamRules
{
    public const int MaxNameLength = 80;
    public const int MaxDeputies = 2;

    /// <summary>A member's own fields. The name is short on purpose: it is stored encrypted, which makes it longer.</summary>
    public static void CheckMember(TeamMemberInput m, string prefix, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(m.FullName)) errors.Add(prefix + "fullName", "Thiếu họ và tên thành viên.");
        else if (m.FullName.Trim().Length > MaxNameLength) errors.Add(prefix + "fullName", $"Họ và tên dài quá {MaxNameLength} ký tự.");
        if (!Enum.IsDefined(m.Role)) errors.Add(prefix + "role", "Vai trò trong đội không hợp lệ.");
        if (m.CardNumber?.Trim().Length > 40) errors.Add(prefix + "cardNumber", "Số thẻ kiểm tra dài quá 40 ký tự.");
    }

    /// <summary>At most one active leader and at most two active deputies.</summary>
    public static void CheckComposition(IEnumerable<(TeamRole Role, bool IsActive)> members, string path, ErrorList errors)
    {
        var active = members.Where(m => m.IsActive).ToList();
        var leaders = active.Count(m => m.Role == TeamRole.Leader);
        var deputies = active.Count(m => m.Role == TeamRole.Deputy);
        if (leaders > 1)
            errors.Add(path, $"Đội chỉ có một đội trưởng (đang có {leaders}) theo Thông tư 05/2006/TT-BLĐTBXH.");
        if (deputies > MaxDeputies)
            errors.Add(path, $"Đội có tối đa {MaxDeputies} đội phó (đang có {deputies}) theo Thông tư 05/2006/TT-BLĐTBXH.");
    }
}
