using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Agencies.Pages;

/// <summary>What the agency form posts (static server rendering binds it by field name).</summary>
public sealed class AgencyForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public AgencyKind Kind { get; set; } = AgencyKind.Department;
    public int? OrgUnitId { get; set; }
    public int? ParentId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }
    public int[] MemberIds { get; set; } = [];
    public int Version { get; set; }

    public AgencyInput ToInput() =>
        new(Code, Name, ShortName, Kind, OrgUnitId ?? 0, ParentId, ValidFrom, ValidTo, (MemberIds ?? []).ToList(), Version, SuccessorId);

    public static AgencyForm From(AgencyDto a) => new()
    {
        Code = a.Code, Name = a.Name, ShortName = a.ShortName, Kind = a.Kind, OrgUnitId = a.OrgUnitId, ParentId = a.ParentId,
        ValidFrom = a.ValidFrom, ValidTo = a.ValidTo, SuccessorId = a.SuccessorId, MemberIds = a.Members.Select(m => m.Id).ToArray(), Version = a.Version,
    };
}

/// <summary>The choices of the agency form, all read through the services so that they stay within the user's scope.</summary>
public sealed class AgencyFormChoices
{
    public List<OrgUnitDto> Units { get; init; } = [];
    public List<AgencyDto> Agencies { get; init; } = [];

    /// <summary>Units the user may attach an agency to: their own unit, the units above it they can write (all for
    /// administrators), its current subunits, the old units merged into it, and the agency's present unit.</summary>
    public static async Task<AgencyFormChoices> Load(UserScope scope, OrgUnitService units, AgencyService agencies, int? currentUnitId)
    {
        var found = new Dictionary<int, OrgUnitDto>();
        async Task Add(int id)
        {
            if (found.ContainsKey(id) || !scope.CanReadUnit(id)) return;
            try { found[id] = await units.Get(scope, id); }
            catch (NotFoundException) { }
        }
        if (scope.OrgUnitId is { } mine)
        {
            foreach (var n in await units.Path(scope, mine))
                if (scope.CanWriteUnit(n.Id)) await Add(n.Id);
            foreach (var c in await units.Children(scope, mine, PageText.Today()))
                if (scope.CanWriteUnit(c.Id)) found.TryAdd(c.Id, c);
            foreach (var s in await units.Successions(scope, mine))
                if (s.NewUnitId == mine && scope.CanWriteUnit(s.OldUnitId)) await Add(s.OldUnitId);
        }
        else if (scope.IsGlobal)
        {
            foreach (var c in await units.Children(scope, null, PageText.Today())) found.TryAdd(c.Id, c);
        }
        if (currentUnitId is { } current) await Add(current);
        return new AgencyFormChoices
        {
            Units = found.Values.OrderBy(u => u.Level).ThenBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => u.Name, VietnameseText.Comparer).ToList(),
            Agencies = await agencies.List(scope),
        };
    }
}
