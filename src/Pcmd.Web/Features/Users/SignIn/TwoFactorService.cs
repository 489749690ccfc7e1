using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Pcmd.Web.Features.Users.Sessions;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users.SignIn;

public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);
/// <summary>What the authenticator app needs: the key to type in, or the otpauth:// address a QR code carries.</summary>
public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);
public sealed record TwoFactorCodeInput(string? Code);
/// <summary>Shown once: only their hashes are kept.</summary>
public sealed record RecoveryCodes(string[] Codes);

/// <summary>Two-factor sign-in with a TOTP authenticator app (RFC 6238, Identity's authenticator token provider) and ten
/// single-use recovery codes. Each change of the key or of the switch changes the security stamp, so the current cookie is
/// re-issued with it; turning two-factor on ends the user's other sessions (signed in with the password alone).</summary>
public sealed class TwoFactorService(UserManager<PcmdUser> users, SignInManager<PcmdUser> signIn, TwoFactorPolicy policy,
    SessionStore sessions, IHttpContextAccessor http)
{
    public const string Issuer = "PCMD";
    const int RecoveryCodeCount = 10;

    public async Task<TwoFactorStatus> Status(ClaimsPrincipal principal)
    {
        var user = await Me(principal);
        return new(user.TwoFactorEnabled, await policy.IsRequired(users, user),
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to enrol with. The same key until it is confirmed, so that reloading the page after scanning the code
    /// keeps what the app holds; a new one if two-factor is already on (re-enrolling a new phone).</summary>
    public async Task<TwoFactorSetup> Begin(ClaimsPrincipal principal)
    {
        var user = await Me(principal);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || user.TwoFactorEnabled)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            await Refresh(user);
        }
        var name = Uri.EscapeDataString(user.UserName!);
        return new(Format(key!), $"otpauth://totp/{Issuer}:{name}?secret={key}&issuer={Issuer}&digits=6");
    }

    /// <summary>Turns two-factor on once the app's first code checks out; answers the recovery codes.</summary>
    public async Task<RecoveryCodes> Confirm(ClaimsPrincipal principal, string? code)
    {
        var user = await Me(principal);
        var token = (code ?? "").Replace(" ", "").Replace("-", "");
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            throw ValidationException.One("code", "Chưa có khóa: hãy bắt đầu bật xác thực hai bước trước.");
        if (token.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
            throw ValidationException.One("code", SignInFlow.WrongCode);
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await sessions.EndAll(user.Id, SessionEnd.TwoFactor, keep: http.HttpContext?.SessionId());
        await Refresh(user);
        return new(codes!.ToArray());
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<RecoveryCodes> NewRecoveryCodes(ClaimsPrincipal principal)
    {
        var user = await Me(principal);
        if (!user.TwoFactorEnabled) throw ValidationException.One("twoFactor", "Xác thực hai bước chưa được bật.");
        return new((await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToArray());
    }

    async Task<PcmdUser> Me(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new NotFoundException("Không có người dùng này.");

    async Task Refresh(PcmdUser user)
    {
        if (http.HttpContext is { Response.HasStarted: false }) await signIn.RefreshSignInAsync(user);
    }

    /// <summary>"abcd efgh ijkl …": easier to type into a phone.</summary>
    static string Format(string key)
    {
        var s = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) s.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return s.ToString().TrimEnd().ToLowerInvariant();
    }

    static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
