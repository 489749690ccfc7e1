using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Inspections;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>One Đội kiểm tra liên ngành 178 per current commune, and one per old district for the years before
/// 1/7/2025 (when the teams worked at district level); each with a leader, deputies and members (TT 05/2006), so that
/// every inspection can name at least three of them.</summary>
public sealed class TeamFaker(Random r)
{
    public const int MembersPerTeam = 5;

    public List<InspectionTeam> Teams { get; } = [];
    /// <summary>The team of each unit (current commune or old district) by unit id.</summary>
    public Dictionary<int, InspectionTeam> ByUnit { get; } = [];

    /// <param name="existing">Teams already recorded (the hand-written demo team of a ward): reused, not duplicated.</param>
    public void Make(SyntheticUnits units, IReadOnlyList<Agency> agencies, ref int teamId, ref int memberId,
        IReadOnlyDictionary<int, InspectionTeam>? existing = null)
    {
        var bodies = agencies.Where(a => a.Kind == AgencyKind.InteragencyBody).ToLookup(a => a.OrgUnitId);
        var members = agencies.Where(a => a.Kind is not (AgencyKind.InteragencyBody or AgencyKind.Collective)).ToLookup(a => a.OrgUnitId);
        foreach (var (id, name) in units.OldDistricts)
            Add(id, $"Đội kiểm tra liên ngành 178 {name}", null, members[id].ToList(), ref teamId, ref memberId);
        foreach (var c in units.Communes)
            if (existing?.GetValueOrDefault(c.Id) is { } team) ByUnit[c.Id] = team;
            else Add(c.Id, $"Đội kiểm tra liên ngành 178 {c.Name}", bodies[c.Id].FirstOrDefault(a => a.Code.StartsWith("DOI178", StringComparison.Ordinal))?.Id,
                members[c.Id].ToList(), ref teamId, ref memberId);
    }

    void Add(int unitId, string name, int? agencyId, List<Agency> agencies, ref int teamId, ref int memberId)
    {
        var team = new InspectionTeam { Id = teamId++, Name = name, Kind = TeamKind.Interagency178, OrgUnitId = unitId, AgencyId = agencyId };
        for (var i = 0; i < MembersPerTeam; i++)
            team.Members.Add(new TeamMember
            {
                Id = memberId++, TeamId = team.Id, FullName = VietnameseNames.Person(r),
                Role = i == 0 ? TeamRole.Leader : i == 1 || (i == 2 && r.Next(2) == 0) ? TeamRole.Deputy : TeamRole.Member,
                AgencyId = agencies.Count == 0 ? null : agencies[i % agencies.Count].Id,
                CardNumber = $"178/{team.Id:00000}/{i + 1}",
            });
        Teams.Add(team);
        ByUnit[unitId] = team;
    }
}
