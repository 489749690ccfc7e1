using Microsoft.Extensions.Localization;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Users.Pages;

/// <summary>The fields the new-user and edit-user forms share (static server rendering binds them by field name).</summary>
public abstract class UserProfileForm
{
    public string? FullName { get; set; }
    public string? Role { get; set; }
    public int? OrgUnitId { get; set; }
    public int? AgencyId { get; set; }
}

public sealed class NewUserForm : UserProfileForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public NewUserInput ToInput() => new(UserName, FullName, Role, OrgUnitId ?? 0, AgencyId, Password);
}

public sealed class EditUserForm : UserProfileForm
{
    public string? ConcurrencyStamp { get; set; }

    public UserUpdateInput ToInput() => new(FullName, Role, OrgUnitId ?? 0, AgencyId, ConcurrencyStamp);

    public static EditUserForm From(UserDto u) => new()
    {
        FullName = u.FullName, Role = u.Role, OrgUnitId = u.OrgUnitId, AgencyId = u.AgencyId, ConcurrencyStamp = u.ConcurrencyStamp,
    };
}

public sealed class PasswordForm
{
    public string? NewPassword { get; set; }
    public string? Confirm { get; set; }
}

/// <summary>The units and agencies a user can be attached to, grouped by province (units) and by unit (agencies):
/// those in force today, plus the user's present ones.</summary>
public sealed class UserFormChoices
{
    public sealed record Option(int Id, string Text);
    public sealed record Group(string Label, List<Option> Options);

    public List<Group> Units { get; init; } = [];
    public List<Group> Agencies { get; init; } = [];

    public static async Task<UserFormChoices> Load(IStringLocalizer L, UserScope scope, OrgUnitTree tree, AgencyService agencies, int? unitId = null, int? agencyId = null)
    {
        var today = PageText.Today();
        bool InForce(DateOnly? from, DateOnly? to) => (from is null || from <= today) && (to is null || today <= to);
        var all = (await tree.All()).ToDictionary(n => n.Id);
        OrgUnitTree.Node Province(OrgUnitTree.Node n)
        {
            var p = n;
            while (p.Level > OrgUnitLevel.Province && p.ParentId is { } up && all.TryGetValue(up, out var parent)) p = parent;
            return p;
        }
        var units = all.Values
            .Where(n => n.Id == unitId || (n.Level <= OrgUnitLevel.Commune && InForce(n.ValidFrom, n.ValidTo)))
            .GroupBy(Province)
            .OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Name, VietnameseText.Comparer)
            .Select(g => new Group(g.Key.Name, g
                .OrderBy(n => n.Level).ThenBy(n => n.ValidTo is null ? 0 : 1).ThenBy(n => n.Name, VietnameseText.Comparer)
                .Select(n => new Option(n.Id, $"{n.Name} ({n.Code}{(n.ValidTo is { } to ? ", " + L["OU_Until", PageText.Date(to)] : "")})")).ToList()))
            .ToList();
        var agencyGroups = (await agencies.List(scope))
            .Where(a => a.Id == agencyId || InForce(a.ValidFrom, a.ValidTo))
            .GroupBy(a => a.OrgUnitId)
            .OrderBy(g => all.TryGetValue(g.Key, out var n) ? n.Level : OrgUnitLevel.ResidentialGroup)
            .ThenBy(g => g.First().OrgUnitName, VietnameseText.Comparer)
            .Select(g => new Group(g.First().OrgUnitName, g
                .OrderBy(a => a.Name, VietnameseText.Comparer)
                .Select(a => new Option(a.Id, $"{a.Name} ({a.Code})")).ToList()))
            .ToList();
        return new UserFormChoices { Units = units, Agencies = agencyGroups };
    }
}

public static class UserText
{
    /// <summary>"Đang khóa đến 31/12/2026 17:00" in Việt Nam time, or "Đang khóa (đến khi được mở khóa)".</summary>
    public static string Lock(IStringLocalizer L, DateTimeOffset until) =>
        UserService.IsIndefinite(until)
            ? L["Users.LockedIndefinitely"]
            : L["Users.LockedUntil", ViFormat.DateTime(VietnamTime.ToLocal(until.UtcDateTime))];

    public static string Roles(IEnumerable<string> roles) => string.Join(", ", roles.Select(Users.Roles.DisplayName));

    /// <summary>The end of a lock entered as a day (dd/MM/yyyy in the form): the end of that day in Việt Nam.</summary>
    public static DateTimeOffset EndOfDayInVietnam(DateOnly day) =>
        VietnamTime.StartOf(day.AddDays(1));
}
