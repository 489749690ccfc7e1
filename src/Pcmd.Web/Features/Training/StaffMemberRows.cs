using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Training;

/// <summary>The rules of a participant row linked to a named person of the roster: the row is that person (one, never "already
/// trained": the indicator counts each person once by itself), of their agency, recorded in their unit or in an old unit
/// merged into it (the course may predate the merger), and once per course.</summary>
public static class StaffMemberRows
{
    public static async Task Check(PcmdDbContext db, OrgUnitTree tree, UserScope scope, List<ParticipantInput> participants, ErrorList errors,
        CancellationToken ct)
    {
        var ids = participants.Select(p => p.StaffMemberId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0) return;
        var members = await db.StaffMembers.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.OrgUnitId, m.AgencyId }).ToDictionaryAsync(m => m.Id, ct);
        var seen = new HashSet<int>();
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i];
            if (p.StaffMemberId is not { } id) continue;
            var at = $"participants[{i}].";
            if (!members.TryGetValue(id, out var m) || !scope.CanReadUnit(m.OrgUnitId))
            {
                errors.Add(at + "staffMemberId", "Không có cán bộ này trong danh sách cán bộ có tên.");
                continue;
            }
            if (!seen.Add(id)) errors.Add(at + "staffMemberId", "Cán bộ này đã có ở một dòng khác của khóa tập huấn.");
            if (p.Count is { } n && n != 1) errors.Add(at + "count", "Dòng gắn với một cán bộ có tên là một người: số người là 1.");
            if (p.AlreadyTrained is > 0) errors.Add(at + "alreadyTrained", "Dòng gắn với một cán bộ có tên không ghi số người đã được tập huấn trước đó.");
            if (p.AgencyId != m.AgencyId) errors.Add(at + "agencyId", "Cơ quan của dòng này phải là cơ quan của cán bộ trong danh sách.");
            if (p.OrgUnitId is { } pu && pu != m.OrgUnitId && !(await tree.Area(m.OrgUnitId)).Contains(pu))
                errors.Add(at + "orgUnitId", "Đơn vị của dòng này phải là đơn vị của cán bộ (hoặc đơn vị cũ đã sáp nhập vào đó).");
        }
    }
}
