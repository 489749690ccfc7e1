using Microsoft.AspNetCore.Identity;
using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.Users.SignIn;

/// <summary>What a sign-in step came to. <see cref="Failure"/> says why for the server's own use (audit, logs); the caller
/// answers every failure with the same <see cref="SignInFlow.Failed"/> message.</summary>
public enum SignInStep { Missing, Failed, SignedIn, NeedsSecondFactor, NeedsEnrolment }
public enum SignInFailure { None, UnknownUser, WrongPassword, LockedOut, NotAllowed, WrongCode }

public sealed record SignInOutcome(SignInStep Step, string? UserName, SignInFailure Failure = SignInFailure.None)
{
    public bool Failed => Step is SignInStep.Failed or SignInStep.Missing;
    public string Message => Step switch
    {
        SignInStep.Missing => SignInFlow.Missing,
        SignInStep.Failed => Failure == SignInFailure.WrongCode ? SignInFlow.WrongCode : SignInFlow.Failed,
        SignInStep.NeedsSecondFactor => SignInFlow.NeedsSecondFactor,
        SignInStep.NeedsEnrolment => SignInFlow.NeedsEnrolment,
        _ => "Đăng nhập thành công.",
    };
}

/// <summary>The one place where a sign-in succeeds, fails or locks an account, for the form and the API alike. An unknown
/// user name, a wrong password and a locked account get the same answer after the same work (a password hash is checked in
/// every case), so neither the message nor the time tells whether an account exists.</summary>
public sealed class SignInFlow(SignInManager<PcmdUser> signIn, IPasswordHasher<PcmdUser> hasher, TwoFactorPolicy twoFactor, AuditTrail audit,
    ILogger<SignInFlow> log)
{
    public const string Missing = "Hãy nhập tên đăng nhập và mật khẩu.";
    public const string Failed = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Nếu cần, hãy liên hệ quản trị hệ thống.";
    public const string WrongCode = "Mã xác thực không đúng hoặc đã hết hạn.";
    public const string NeedsSecondFactor = "Hãy nhập mã xác thực hai bước (POST /api/v1/auth/login/2fa).";
    public const string NeedsEnrolment = "Vai trò của bạn phải dùng xác thực hai bước: hãy bật nó trước khi làm việc khác (POST /api/v1/auth/2fa/enrol).";

    static readonly PcmdUser Nobody = new() { UserName = "-" };
    static string? _dummyHash;

    public async Task<SignInOutcome> Password(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return new(SignInStep.Missing, null);
        var name = userName.Trim();
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            SameWork(password);
            return Fail(name, SignInFailure.UnknownUser);
        }
        // Identity answers a locked account before hashing anything; hash here so it costs the same as a wrong password.
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            SameWork(password);
            return Fail(name, SignInFailure.LockedOut);
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        // Signed in, but the cookie lets the user do nothing but enrol (TwoFactorPolicy.EnrolmentClaim).
        if (result.Succeeded && await twoFactor.MustEnrol(signIn.UserManager, user))
        {
            audit.RecordSignIn(name, SignInEvent.Succeeded);
            return new(SignInStep.NeedsEnrolment, name);
        }
        return Decide(name, result, SignInFailure.WrongPassword);
    }

    /// <summary>The second step: a code of the authenticator app, or one of the recovery codes (each works once).</summary>
    public async Task<SignInOutcome> SecondFactor(string? code, string? recoveryCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return new(SignInStep.Failed, null, SignInFailure.WrongCode);
        SignInResult result;
        if (!string.IsNullOrWhiteSpace(recoveryCode))
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode.Replace(" ", "").Trim());
        else if (!string.IsNullOrWhiteSpace(code))
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace(" ", "").Trim(), isPersistent: false, rememberClient: false);
        else return new(SignInStep.Failed, user.UserName, SignInFailure.WrongCode);
        return Decide(user.UserName!, result, SignInFailure.WrongCode);
    }

    SignInOutcome Decide(string userName, SignInResult result, SignInFailure otherwise)
    {
        if (result.Succeeded)
        {
            audit.RecordSignIn(userName, SignInEvent.Succeeded);
            return new(SignInStep.SignedIn, userName);
        }
        if (result.RequiresTwoFactor) return new(SignInStep.NeedsSecondFactor, userName);
        if (result.IsLockedOut) return Fail(userName, SignInFailure.LockedOut);
        return Fail(userName, result.IsNotAllowed ? SignInFailure.NotAllowed : otherwise);
    }

    SignInOutcome Fail(string userName, SignInFailure why)
    {
        log.LogInformation("Sign-in refused for {UserName}: {Reason}", userName, why);
        audit.RecordSignIn(userName, why == SignInFailure.LockedOut ? SignInEvent.LockedOut : SignInEvent.Failed);
        return new(SignInStep.Failed, userName, why);
    }

    void SameWork(string password)
    {
        _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
