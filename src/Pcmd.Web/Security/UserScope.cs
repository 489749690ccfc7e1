using System.Security.Claims;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Security;

/// <summary>The user's reach, worked out once per request. A ward officer writes in their ward (and
/// the old wards merged into it on 1/7/2025), reads that plus the units above it (the city's plan binds
/// them), and sees no other ward.</summary>
public sealed class UserScope
{
    public const string OrgUnitClaim = "pcmd:org_unit";
    public const string AgencyClaim = "pcmd:agency";
    /// <summary>Set while a user whose role requires two-factor sign-in has not enrolled: the default policy refuses them
    /// everything but the enrolment (policy <see cref="SecurityModule.SignedInPolicy"/>).</summary>
    public const string EnrolmentClaim = "pcmd:enrol_2fa";

    public bool IsAuthenticated { get; init; }
    public string? UserName { get; init; }
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();
    public int? OrgUnitId { get; init; }
    public int? AgencyId { get; init; }
    public bool IsGlobal { get; init; }
    public IReadOnlySet<int> WritableUnits { get; init; } = new HashSet<int>();
    public IReadOnlySet<int> ReadableUnits { get; init; } = new HashSet<int>();

    public bool Can(Permission p) => RolePermissions.Allows(Roles, p);
    public bool CanReadUnit(int unitId) => IsGlobal || ReadableUnits.Contains(unitId);
    public bool CanWriteUnit(int unitId) => IsGlobal || WritableUnits.Contains(unitId);
    public bool IsInRole(string role) => Roles.Contains(role);

    public static readonly UserScope Anonymous = new();

    /// <summary>Lets an endpoint take the scope as a parameter; it is the request's <see cref="CurrentScope"/>, built once.</summary>
    public static async ValueTask<UserScope?> BindAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<CurrentScope>().Get();

    /// <summary>The demo loader and start-up work act with full reach.</summary>
    public static readonly UserScope System = new()
    {
        IsAuthenticated = true, UserName = Data.SystemUser.Name, IsGlobal = true,
        Roles = new HashSet<string>([Features.Users.Roles.Admin]),
    };

    public static async Task<UserScope> Build(ClaimsPrincipal user, OrgUnitTree tree)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        int? unit = int.TryParse(user.FindFirstValue(OrgUnitClaim), out var u) ? u : null;
        int? agency = int.TryParse(user.FindFirstValue(AgencyClaim), out var a) ? a : null;
        IReadOnlySet<int> writable = new HashSet<int>(), readable = new HashSet<int>();
        // The unit's area (its subtree and, at any depth, the units merged into them) and the units above it: the rows
        // of org_unit_areas for this unit, which queries use (ScopeFilter). Worked out once per unit by the tree.
        if (unit is { } root) (writable, readable) = await tree.Reach(root);
        return new UserScope
        {
            IsAuthenticated = true,
            UserName = user.Identity.Name,
            Roles = roles,
            OrgUnitId = unit,
            AgencyId = agency,
            IsGlobal = roles.Contains(Features.Users.Roles.Admin),
            WritableUnits = writable,
            ReadableUnits = readable,
        };
    }
}
