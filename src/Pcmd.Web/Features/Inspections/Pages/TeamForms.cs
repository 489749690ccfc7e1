using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections.Pages;

/// <summary>What the team header form posts.</summary>
public sealed class TeamForm
{
    public string? Name { get; set; }
    public TeamKind Kind { get; set; } = TeamKind.Interagency178;
    public int? OrgUnitId { get; set; }
    public int? AgencyId { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    public TeamInput ToInput() => new(Name, Kind, OrgUnitId ?? 0, AgencyId, IsActive, null, Version);

    public static TeamForm From(TeamDto t) => new()
    {
        Name = t.Name, Kind = t.Kind, OrgUnitId = t.OrgUnitId, AgencyId = t.AgencyId, IsActive = t.IsActive, Version = t.Version,
    };

    public static TeamForm FromPost(IFormCollection f) => new()
    {
        Name = f["Name"].FirstOrDefault(),
        Kind = Enum.TryParse<TeamKind>(f["Kind"].FirstOrDefault(), out var k) && Enum.IsDefined(k) ? k : TeamKind.Other,
        OrgUnitId = int.TryParse(f["OrgUnitId"].FirstOrDefault(), out var u) ? u : null,
        AgencyId = int.TryParse(f["AgencyId"].FirstOrDefault(), out var a) ? a : null,
        // A checkbox posts "true" when ticked; the hidden "false" after it keeps the field present when it is not.
        IsActive = f["IsActive"].Contains("true"),
        Version = int.TryParse(f["Version"].FirstOrDefault(), out var v) ? v : -1,
    };

    /// <summary>The user's own unit and the communes they may set up a team in.</summary>
    public static async Task<List<OrgUnitTree.Node>> Units(UserScope scope, InspectionAccess access)
    {
        var units = await access.WritableCommunes(scope);
        if (scope.OrgUnitId is { } own && scope.CanWriteUnit(own) && units.All(u => u.Id != own) && await access.Unit(own) is { } node)
            units.Insert(0, node);
        return units;
    }
}

/// <summary>What a member form posts; the version is the team's.</summary>
public sealed class MemberForm
{
    public int? MemberId { get; set; }
    public string? FullName { get; set; }
    public TeamRole Role { get; set; } = TeamRole.Member;
    public int? AgencyId { get; set; }
    public string? CardNumber { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    public TeamMemberInput ToInput() => new(FullName, Role, AgencyId, CardNumber, IsActive, Version);

    public static MemberForm From(TeamMemberDto m, int version) => new()
    {
        MemberId = m.Id, FullName = m.FullName, Role = m.Role, AgencyId = m.AgencyId, CardNumber = m.CardNumber, IsActive = m.IsActive, Version = version,
    };

    public static MemberForm FromPost(IFormCollection f) => new()
    {
        MemberId = int.TryParse(f["MemberId"].FirstOrDefault(), out var id) ? id : null,
        FullName = f["FullName"].FirstOrDefault(),
        Role = Enum.TryParse<TeamRole>(f["Role"].FirstOrDefault(), out var r) && Enum.IsDefined(r) ? r : TeamRole.Member,
        AgencyId = int.TryParse(f["AgencyId"].FirstOrDefault(), out var a) ? a : null,
        CardNumber = f["CardNumber"].FirstOrDefault(),
        IsActive = f["IsActive"].Contains("true"),
        Version = int.TryParse(f["Version"].FirstOrDefault(), out var v) ? v : -1,
    };
}
