using Microsoft.AspNetCore.Identity;

namespace Pcmd.Web.Features.Users.SignIn;

/// <summary>Which roles must sign in with a second factor (<c>Pcmd:TwoFactor:RequiredFor</c>, roles separated by commas;
/// Admin and Coordinator by default, none in Development and Testing so the demo accounts sign in with their password).
/// Anyone may enrol; once enrolled, every sign-in asks for the code.</summary>
public sealed class TwoFactorPolicy(IConfiguration config)
{
    public const string Setting = "Pcmd:TwoFactor:RequiredFor";

    public IReadOnlySet<string> RequiredFor { get; } =
        (config[Setting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    public async Task<bool> IsRequired(UserManager<PcmdUser> users, PcmdUser user) =>
        RequiredFor.Count > 0 && (await users.GetRolesAsync(user)).Any(RequiredFor.Contains);

    public async Task<bool> MustEnrol(UserManager<PcmdUser> users, PcmdUser user) =>
        !user.TwoFactorEnabled && await IsRequired(users, user);
}
