using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

/// <summary>Peer groups, self-help groups and clubs (issue 12, item 5; seed 001 §4 (c)). A group is seen by the case workers and
/// supervisors whose area holds its unit. Its members are cases: a viewer sees the code of a member only when the case is one of
/// theirs (<see cref="CaseAccess"/>), the others as a count; a membership whose case no longer has a standing consent to being
/// referred is not shown at all, not even counted (Luật BVDLCN 91/2025/QH15 art. 12: after withdrawal the data is no longer
/// processed for that purpose). Writes are in GroupService.Writes.cs.</summary>
public sealed partial class GroupService(PcmdDbContext db, CaseAccess access, OrgUnitTree tree, AuditTrail audit, TimeProvider clock)
{
    public const string Audited = nameof(SupportGroup);

    public async Task<List<GroupSummary>> List(UserScope scope, CancellationToken ct = default)
    {
        if (!CaseAccess.IsStaff(scope)) throw new ForbiddenException("Chỉ cán bộ hỗ trợ xem các nhóm đồng đẳng, nhóm tự lực.");
        var current = CurrentMembers();
        return await db.SupportGroups.AsNoTracking().InWritableScope(db, scope, g => g.OrgUnitId)
            .Join(db.OrgUnits, g => g.OrgUnitId, u => u.Id, (g, u) => new { g, u.Name })
            .OrderBy(x => x.g.ClosedOn != null).ThenBy(x => x.g.Name).Take(500)
            .Select(x => new GroupSummary(x.g.Id, x.g.Name, x.g.Kind, x.g.OrgUnitId, x.Name, x.g.StartedOn, x.g.ClosedOn,
                current.Count(m => m.GroupId == x.g.Id), x.g.Version))
            .ToListAsync(ct);
    }

    public async Task<GroupDetail> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var g = await Visible(scope, id, ct);
        var mine = access.Visible(await access.UserId(scope, ct)).Select(c => c.Id);
        var shown = Consented(db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id));
        var members = await shown.Where(m => mine.Contains(m.CaseId))
            .Join(db.SupportCases, m => m.CaseId, c => c.Id, (m, c) => new GroupMemberDto(m.Id, c.Id, c.Code, m.JoinedOn, m.LeftOn))
            .ToListAsync(ct);
        var others = await shown.CountAsync(m => m.LeftOn == null && !mine.Contains(m.CaseId), ct);
        var meetings = await db.GroupMeetings.AsNoTracking().Where(x => x.GroupId == id).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id)
            .Take(200).Join(db.OrgUnits, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, x.Date, x.OrgUnitId, u.Name, x.Topic, x.AnonymousAttendees })
            .ToListAsync(ct);
        var meetingIds = meetings.Select(x => x.Id).ToList();
        var present = await db.MeetingAttendees.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId))
            .Where(a => db.SupportConsents.Any(k => k.CaseId == a.CaseId && k.Kind == ConsentKind.Referral && k.WithdrawnOn == null))
            .Join(db.SupportCases, a => a.CaseId, c => c.Id, (a, c) => new { a.MeetingId, c.Code, Mine = mine.Contains(c.Id) })
            .ToListAsync(ct);
        var agency = g.FacilitatorAgencyId is { } aid ? await db.Agencies.AsNoTracking().Where(a => a.Id == aid).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        var unitName = (await tree.Find(g.OrgUnitId))?.Name ?? "";
        audit.RecordRead(Audited, id, new() { ["read"] = "group" });
        return new GroupDetail(g.Id, g.Name, g.Kind, g.OrgUnitId, unitName, g.FacilitatorAgencyId, agency, g.StartedOn, g.ClosedOn, g.Version,
            members.OrderBy(m => m.LeftOn != null).ThenBy(m => m.CaseCode, StringComparer.Ordinal).ToList(), others,
            meetings.Select(x => new GroupMeetingDto(x.Id, x.Date, x.OrgUnitId, x.Name, x.Topic,
                present.Where(p => p.MeetingId == x.Id && p.Mine).Select(p => p.Code).Order(StringComparer.Ordinal).ToList(),
                present.Count(p => p.MeetingId == x.Id && !p.Mine), x.AnonymousAttendees)).ToList());
    }

    /// <summary>Agencies that may facilitate a group: those in force in the user's readable area (the city's unions included).</summary>
    public async Task<List<(int Id, string Name)>> Facilitators(UserScope scope, CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).InReadableScope(db, scope, a => a.OrgUnitId).OrderBy(a => a.Name).Take(300)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name)).ToList();

    /// <summary>Memberships whose case still has a standing consent to being referred: the only ones shown or counted.</summary>
    IQueryable<GroupMember> Consented(IQueryable<GroupMember> q) =>
        q.Where(m => db.SupportConsents.Any(k => k.CaseId == m.CaseId && k.Kind == ConsentKind.Referral && k.WithdrawnOn == null));

    IQueryable<GroupMember> CurrentMembers() => Consented(db.GroupMembers.Where(m => m.LeftOn == null));

    /// <summary>The group if the user is a case worker or supervisor of its area; anyone else is told it does not exist (audited).</summary>
    async Task<SupportGroup> Visible(UserScope scope, int id, CancellationToken ct, bool tracked = false)
    {
        var q = tracked ? db.SupportGroups : db.SupportGroups.AsNoTracking();
        var g = await q.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!CaseAccess.IsStaff(scope) || !scope.CanWriteUnit(g.OrgUnitId)) throw audit.Denied(Audited, id, new NotFoundException());
        return g;
    }

    DateOnly Today() => VietnamTime.Today(clock);
}
