using Pcmd.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

public sealed record TeamMemberDto(int Id, string FullName, TeamRole Role, int? AgencyId, string? AgencyName, string? CardNumber, bool IsActive);

public sealed record TeamSummaryDto(int Id, string Name, TeamKind Kind, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyCode,
    bool IsActive, int ActiveMembers, int Version);

public sealed record TeamDto(int Id, string Name, TeamKind Kind, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyCode,
    string? AgencyName, bool IsActive, int Version, List<TeamMemberDto> Members);

/// <summary>A team's header; <see cref="Members"/> only when a team is created.</summary>
public sealed record TeamInput(string? Name, TeamKind Kind, int OrgUnitId, int? AgencyId, bool IsActive = true,
    List<TeamMemberInput>? Members = null, int Version = 0);

/// <summary>A member; <see cref="Version"/> is the team's version (the team and its members change together).</summary>
public sealed record TeamMemberInput(string? FullName, TeamRole Role, int? AgencyId, string? CardNumber, bool IsActive = true, int Version = 0);

/// <summary>Inspection teams and their members within the user's scope. The team's version guards its members too.</summary>
public sealed class TeamService(PcmdDbContext db, AuditTrail audit)
{
    public async Task<List<TeamSummaryDto>> List(UserScope scope, int? orgUnitId = null, bool activeOnly = false, CancellationToken ct = default)
    {
        var q = db.InspectionTeams.AsNoTracking();
        q = q.InReadableScope(db, scope, t => t.OrgUnitId);
        if (orgUnitId is { } u) q = q.Where(t => t.OrgUnitId == u);
        if (activeOnly) q = q.Where(t => t.IsActive);
        var rows = await q.Select(t => new TeamSummaryDto(t.Id, t.Name, t.Kind, t.OrgUnitId, t.OrgUnit!.Name, t.AgencyId,
            t.Agency != null ? t.Agency.Code : null, t.IsActive, t.Members.Count(m => m.IsActive), t.Version)).ToListAsync(ct);
        return rows.OrderByDescending(t => t.IsActive).ThenBy(t => t.OrgUnitName, VietnameseText.Comparer)
            .ThenBy(t => t.Name, VietnameseText.Comparer).ToList();
    }

    public async Task<TeamDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var t = await db.InspectionTeams.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new TeamDto(x.Id, x.Name, x.Kind, x.OrgUnitId, x.OrgUnit!.Name, x.AgencyId, x.Agency != null ? x.Agency.Code : null,
                x.Agency != null ? x.Agency.Name : null, x.IsActive, x.Version,
                x.Members.Select(m => new TeamMemberDto(m.Id, m.FullName, m.Role, m.AgencyId, m.Agency != null ? m.Agency.Name : null,
                    m.CardNumber, m.IsActive)).ToList()))
            .FirstOrDefaultAsync(ct);
        if (t is null) throw new NotFoundException("Không tìm thấy đội kiểm tra này hoặc đội nằm ngoài phạm vi bạn được giao.");
        if (!scope.CanReadUnit(t.OrgUnitId)) throw audit.Denied(nameof(InspectionTeam), id, new NotFoundException("Không tìm thấy đội kiểm tra này hoặc đội nằm ngoài phạm vi bạn được giao."));
        // The members' names are personal data.
        audit.RecordRead(nameof(InspectionTeam), id);
        return t with { Members = Ordered(t.Members) };
    }

    public static List<TeamMemberDto> Ordered(IEnumerable<TeamMemberDto> members) => members
        .OrderByDescending(m => m.IsActive).ThenBy(m => m.Role).ThenBy(m => m.FullName, VietnameseText.Comparer).ToList();

    public async Task<InspectionTeam> Create(UserScope scope, TeamInput input, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        var errors = new ErrorList();
        await CheckHeader(scope, input, errors, ct);
        var members = input.Members ?? [];
        for (var i = 0; i < members.Count; i++)
        {
            TeamRules.CheckMember(members[i], $"members[{i}].", errors);
            await CheckAgency(scope, members[i].AgencyId, $"members[{i}].agencyId", errors, ct);
        }
        TeamRules.CheckComposition(members.Select(m => (m.Role, m.IsActive)), "members", errors);
        errors.ThrowIfAny();
        var team = new InspectionTeam();
        Apply(team, input);
        foreach (var m in members) team.Members.Add(Apply(new TeamMember(), m));
        db.InspectionTeams.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }

    public async Task<InspectionTeam> Update(UserScope scope, int id, TeamInput input, CancellationToken ct = default)
    {
        var team = await LoadForWrite(scope, id, input.Version, ct);
        var errors = new ErrorList();
        await CheckHeader(scope, input, errors, ct);
        errors.ThrowIfAny();
        Apply(team, input);
        return await Save(team, ct);
    }

    public async Task<(InspectionTeam Team, TeamMember Member)> AddMember(UserScope scope, int teamId, TeamMemberInput input, CancellationToken ct = default)
    {
        var team = await LoadForWrite(scope, teamId, input.Version, ct);
        var member = Apply(new TeamMember(), input);
        await CheckMemberChange(scope, team, member, input, ct);
        team.Members.Add(member);
        return (await Save(team, ct), member);
    }

    public async Task<InspectionTeam> UpdateMember(UserScope scope, int teamId, int memberId, TeamMemberInput input, CancellationToken ct = default)
    {
        var team = await LoadForWrite(scope, teamId, input.Version, ct);
        var member = team.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("Không có thành viên này trong đội.");
        var proposed = Apply(new TeamMember { Id = memberId }, input);
        await CheckMemberChange(scope, team, proposed, input, ct);
        Apply(member, input);
        return await Save(team, ct);
    }

    /// <summary>Members are deactivated, never deleted: past inspections name them.</summary>
    public async Task<InspectionTeam> DeactivateMember(UserScope scope, int teamId, int memberId, int version, CancellationToken ct = default)
    {
        var team = await LoadForWrite(scope, teamId, version, ct);
        var member = team.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("Không có thành viên này trong đội.");
        member.IsActive = false;
        return await Save(team, ct);
    }

    async Task CheckMemberChange(UserScope scope, InspectionTeam team, TeamMember proposed, TeamMemberInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        TeamRules.CheckMember(input, "", errors);
        await CheckAgency(scope, input.AgencyId, "agencyId", errors, ct);
        var after = team.Members.Where(m => m.Id != proposed.Id || proposed.Id == 0).Append(proposed);
        TeamRules.CheckComposition(after.Select(m => (m.Role, m.IsActive)), "role", errors);
        errors.ThrowIfAny();
    }

    async Task<InspectionTeam> LoadForWrite(UserScope scope, int id, int version, CancellationToken ct)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        var team = await db.InspectionTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) throw new NotFoundException("Không tìm thấy đội kiểm tra này hoặc đội nằm ngoài phạm vi bạn được giao.");
        if (!scope.CanReadUnit(team.OrgUnitId)) throw audit.Denied(nameof(InspectionTeam), id, new NotFoundException("Không tìm thấy đội kiểm tra này hoặc đội nằm ngoài phạm vi bạn được giao."));
        if (!scope.CanWriteUnit(team.OrgUnitId)) throw audit.Denied(nameof(InspectionTeam), id, new ForbiddenException("Đội kiểm tra này do cấp trên quản lý; bạn chỉ được xem."));
        if (team.Version != version) throw new ConflictException();
        db.Entry(team).Property(t => t.Version).OriginalValue = version;
        return team;
    }

    async Task<InspectionTeam> Save(InspectionTeam team, CancellationToken ct)
    {
        // A change to a member is a change to the team: its version moves, so another editor's stale form is refused.
        db.Entry(team).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return team;
    }

    async Task CheckHeader(UserScope scope, TeamInput input, ErrorList errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Thiếu tên đội kiểm tra.");
        else if (input.Name.Trim().Length > 300) errors.Add("name", "Tên đội dài quá 300 ký tự.");
        if (!Enum.IsDefined(input.Kind)) errors.Add("kind", "Loại đội không hợp lệ.");
        if (!await db.OrgUnits.AnyAsync(u => u.Id == input.OrgUnitId, ct)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (!scope.CanWriteUnit(input.OrgUnitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        await CheckAgency(scope, input.AgencyId, "agencyId", errors, ct);
    }

    async Task CheckAgency(UserScope scope, int? agencyId, string path, ErrorList errors, CancellationToken ct)
    {
        if (agencyId is not { } id) return;
        var unit = await db.Agencies.Where(a => a.Id == id).Select(a => (int?)a.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unit is null || !scope.CanReadUnit(unit.Value)) errors.Add(path, "Không có cơ quan này trong danh mục.");
    }

    static void Apply(InspectionTeam team, TeamInput input)
    {
        team.Name = input.Name!.Trim();
        team.Kind = input.Kind;
        team.OrgUnitId = input.OrgUnitId;
        team.AgencyId = input.AgencyId;
        team.IsActive = input.IsActive;
    }

    static TeamMember Apply(TeamMember m, TeamMemberInput input)
    {
        m.FullName = input.FullName?.Trim() ?? "";
        m.Role = input.Role;
        m.AgencyId = input.AgencyId;
        m.CardNumber = string.IsNullOrWhiteSpace(input.CardNumber) ? null : input.CardNumber.Trim();
        m.IsActive = input.IsActive;
        return m;
    }
}
