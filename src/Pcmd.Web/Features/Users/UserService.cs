using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users.Sessions;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Users;

/// <summary>A row of the user list. Never carries secrets (hashes, security stamp).</summary>
public sealed record UserListItem(string Id, string UserName, string FullName, string[] Roles, int OrgUnitId, string OrgUnitName,
    int? AgencyId, string? AgencyName, DateTimeOffset? LockedOutUntil);

/// <summary>One user. <see cref="ConcurrencyStamp"/> is the concurrency token an update sends back.</summary>
public sealed record UserDto(string Id, string UserName, string FullName, string? Role, string[] Roles, int OrgUnitId, string OrgUnitCode,
    string OrgUnitName, int? AgencyId, string? AgencyCode, string? AgencyName, DateTimeOffset? LockedOutUntil, string ConcurrencyStamp);

public sealed record NewUserInput(string? UserName, string? FullName, string? Role, int OrgUnitId, int? AgencyId, string? Password);

public sealed record UserUpdateInput(string? FullName, string? Role, int OrgUnitId, int? AgencyId, string? ConcurrencyStamp);

/// <summary>Until when to lock; none locks until an administrator unlocks.</summary>
public sealed record LockInput(DateTimeOffset? Until);

public sealed record PasswordInput(string? Password);

/// <summary>User administration (administrators only). Every write goes through <see cref="UserManager{TUser}"/>, so
/// Identity's rules (password policy, stamps, lockout) apply; an operation that needs several of its calls runs them in one
/// transaction. Changes to the user row are audited by the DbContext; role membership rows are not, so a role change is
/// written as an explicit "UserRole" entry in the same transaction.</summary>
public sealed partial class UserService(
    PcmdDbContext db, UserManager<PcmdUser> users, RoleManager<IdentityRole> roles, SignInManager<PcmdUser> signIn,
    OrgUnitTree tree, TimeProvider clock, IHttpContextAccessor http, SessionStore sessions)
{
    public const string RoleAuditType = "UserRole";

    /// <summary>The lockout end of a lock without a date. A far date rather than <see cref="DateTimeOffset.MaxValue"/>,
    /// which Npgsql would store as 'infinity'.</summary>
    public static readonly DateTimeOffset Indefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsIndefinite(DateTimeOffset until) => until.Year >= 9999;

    [GeneratedRegex("^[a-z0-9._-]{3,50}$")]
    private static partial Regex UserNamePattern();

    public async Task<List<UserListItem>> List(UserScope scope, string? search = null, CancellationToken ct = default)
    {
        Require(scope);
        var rows = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.FullName, u.OrgUnitId, UnitName = u.OrgUnit!.Name, u.AgencyId,
                AgencyName = u.Agency != null ? u.Agency.Name : null, u.LockoutEnd })
            .ToListAsync(ct);
        var roleMap = await RolesOf(null, ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(u => new UserListItem(u.Id, u.UserName ?? "", u.FullName, roleMap[u.Id].ToArray(), u.OrgUnitId, u.UnitName,
            u.AgencyId, u.AgencyName, u.LockoutEnd > now ? u.LockoutEnd : null));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var compare = VietnameseText.Culture.CompareInfo;
            // "lan" finds "Lê Thị Lan" and "Lân": diacritics are ignored, as people type them inconsistently.
            items = items.Where(u => u.UserName.Contains(s, StringComparison.OrdinalIgnoreCase)
                || compare.IndexOf(u.FullName, s, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
        }
        return items.OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
    }

    public async Task<UserDto> Get(UserScope scope, string id, CancellationToken ct = default)
    {
        Require(scope);
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.UserName, x.FullName, x.OrgUnitId, UnitCode = x.OrgUnit!.Code, UnitName = x.OrgUnit.Name, x.AgencyId,
                AgencyCode = x.Agency != null ? x.Agency.Code : null, AgencyName = x.Agency != null ? x.Agency.Name : null,
                x.LockoutEnd, x.ConcurrencyStamp })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Không có người dùng này.");
        var userRoles = (await RolesOf(id, ct))[id].ToArray();
        return new UserDto(u.Id, u.UserName ?? "", u.FullName, userRoles.FirstOrDefault(), userRoles, u.OrgUnitId, u.UnitCode, u.UnitName,
            u.AgencyId, u.AgencyCode, u.AgencyName, u.LockoutEnd > clock.GetUtcNow() ? u.LockoutEnd : null, u.ConcurrencyStamp ?? "");
    }

    public async Task<UserDto> Create(UserScope scope, NewUserInput input, CancellationToken ct = default)
    {
        Require(scope);
        var errors = new ErrorList();
        // User names are stored in lower case: "NguyenVanA" is taken as "nguyenvana".
        var userName = (input.UserName ?? "").Trim().ToLowerInvariant();
        if (userName.Length == 0) errors.Add("userName", "Thiếu tên đăng nhập.");
        else if (!UserNamePattern().IsMatch(userName))
            errors.Add("userName", "Tên đăng nhập phải dài 3–50 ký tự, chỉ gồm chữ thường không dấu (a–z), chữ số và các dấu . _ -");
        else if (await users.FindByNameAsync(userName) is not null) errors.Add("userName", $"Tên đăng nhập '{userName}' đã được dùng.");
        await CheckProfile(errors, input.FullName, input.Role, input.OrgUnitId, input.AgencyId, ct);
        var user = new PcmdUser
        {
            UserName = userName, FullName = input.FullName?.Trim() ?? "", OrgUnitId = input.OrgUnitId, AgencyId = input.AgencyId,
            EmailConfirmed = true,
        };
        await CheckPassword(errors, user, input.Password);
        errors.ThrowIfAny();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            Check(await users.CreateAsync(user, input.Password!));
            await EnsureRole(input.Role!);
            // Saved together with the membership row by AddToRoleAsync.
            db.AuditEntries.Add(RoleAudit(scope, user.Id, AuditAction.Created, null, input.Role));
            Check(await users.AddToRoleAsync(user, input.Role!));
            await tx.CommitAsync(ct);
        }
        return await Get(scope, user.Id, ct);
    }

    /// <summary>Changes name, role, unit and agency. A new role, unit or agency ends the user's sessions at once (and changes
    /// the security stamp); the next sign-in carries the new claims.</summary>
    public async Task<UserDto> Update(UserScope scope, string id, UserUpdateInput input, CancellationToken ct = default)
    {
        Require(scope);
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Không có người dùng này.");
        var current = await users.GetRolesAsync(user);
        var errors = new ErrorList();
        await CheckProfile(errors, input.FullName, input.Role, input.OrgUnitId, input.AgencyId, ct);
        if (string.IsNullOrWhiteSpace(input.ConcurrencyStamp))
            errors.Add("concurrencyStamp", "Thiếu concurrencyStamp: hãy gửi lại giá trị nhận được khi đọc người dùng.");
        if (IsSelf(scope, user) && current.Contains(Roles.Admin) && input.Role != Roles.Admin)
            errors.Add("role", "Bạn không thể tự bỏ vai trò quản trị hệ thống của mình.");
        errors.ThrowIfAny();
        if (user.ConcurrencyStamp != input.ConcurrencyStamp) throw new ConflictException();

        var roleChanged = !(current.Count == 1 && current[0] == input.Role);
        var reachChanged = roleChanged || user.OrgUnitId != input.OrgUnitId || user.AgencyId != input.AgencyId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            user.FullName = input.FullName!.Trim();
            user.OrgUnitId = input.OrgUnitId;
            user.AgencyId = input.AgencyId;
            // The store checks the concurrency stamp it loaded (equal to the client's) and answers ConcurrencyFailure if
            // someone saved in between.
            Check(await users.UpdateAsync(user));
            if (roleChanged)
            {
                await EnsureRole(input.Role!);
                db.AuditEntries.Add(RoleAudit(scope, user.Id, AuditAction.Modified, current.Count == 0 ? null : string.Join(",", current), input.Role));
                if (current.Count > 0) Check(await users.RemoveFromRolesAsync(user, current));
                Check(await users.AddToRoleAsync(user, input.Role!));
            }
            if (reachChanged) Check(await users.UpdateSecurityStampAsync(user));
            await tx.CommitAsync(ct);
        }
        if (reachChanged) await EndSessions(scope, user, SessionEnd.Reach);
        return await Get(scope, user.Id, ct);
    }

    public async Task<UserDto> Lock(UserScope scope, string id, DateTimeOffset? until, CancellationToken ct = default)
    {
        Require(scope);
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Không có người dùng này.");
        if (IsSelf(scope, user)) throw ValidationException.One("id", "Bạn không thể tự khóa tài khoản của mình.");
        // PostgreSQL stores timestamptz from UTC values only.
        var end = (until ?? Indefinitely).ToUniversalTime();
        if (end <= clock.GetUtcNow()) throw ValidationException.One("until", "Thời điểm hết khóa phải ở tương lai.");
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await users.GetLockoutEnabledAsync(user)) Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, end));
            Check(await users.UpdateSecurityStampAsync(user));
            await tx.CommitAsync(ct);
        }
        await sessions.EndAll(user.Id, SessionEnd.Locked);
        return await Get(scope, user.Id, ct);
    }

    public async Task<UserDto> Unlock(UserScope scope, string id, CancellationToken ct = default)
    {
        Require(scope);
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Không có người dùng này.");
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            await tx.CommitAsync(ct);
        }
        return await Get(scope, user.Id, ct);
    }

    /// <summary>The administrator sets a new password (the user's old one is not needed). Identity changes the security
    /// stamp with it, so the user's existing sessions end.</summary>
    public async Task ResetPassword(UserScope scope, string id, string? password, CancellationToken ct = default)
    {
        Require(scope);
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Không có người dùng này.");
        var errors = new ErrorList();
        await CheckPassword(errors, user, password);
        errors.ThrowIfAny();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password!));
        await EndSessions(scope, user, SessionEnd.Password);
    }

    static void Require(UserScope scope)
    {
        if (!scope.Can(Permission.ManageUsers)) throw new ForbiddenException("Chỉ quản trị hệ thống được quản lý người dùng.");
    }

    static bool IsSelf(UserScope scope, PcmdUser user) =>
        scope.UserName is { } me && string.Equals(me, user.UserName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Ends the user's sessions once the change is committed. An administrator who changed their own account keeps
    /// the session they did it from, with the new stamp and claims.</summary>
    async Task EndSessions(UserScope scope, PcmdUser user, string reason)
    {
        var self = IsSelf(scope, user) ? http.HttpContext : null;
        await sessions.EndAll(user.Id, reason, keep: self?.SessionId());
        if (self is { Response.HasStarted: false }) await signIn.RefreshSignInAsync(user);
    }

    async Task<ILookup<string, string>> RolesOf(string? userId, CancellationToken ct)
    {
        var q = from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                select new { ur.UserId, r.Name };
        if (userId is not null) q = q.Where(x => x.UserId == userId);
        var rows = await q.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => Array.IndexOf(Roles.All, r.Name)).ToLookup(r => r.UserId, r => r.Name ?? "");
    }

    async Task CheckProfile(ErrorList errors, string? fullName, string? role, int orgUnitId, int? agencyId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fullName)) errors.Add("fullName", "Thiếu họ và tên.");
        else if (fullName.Trim().Length > 200) errors.Add("fullName", "Họ và tên dài quá 200 ký tự.");
        if (string.IsNullOrWhiteSpace(role)) errors.Add("role", "Thiếu vai trò.");
        else if (!Roles.All.Contains(role)) errors.Add("role", $"Không có vai trò '{role}'. Các vai trò: {string.Join(", ", Roles.All)}.");
        else if (role == Roles.AgencyReporter && agencyId is null) errors.Add("agencyId", "Cán bộ báo cáo của cơ quan phải thuộc một cơ quan.");
        var unitExists = await db.OrgUnits.AnyAsync(u => u.Id == orgUnitId, ct);
        if (!unitExists) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        if (agencyId is { } aid)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == aid).Select(a => new { a.OrgUnitId, a.Name }).FirstOrDefaultAsync(ct);
            if (agency is null) errors.Add("agencyId", "Không có cơ quan này.");
            else if (unitExists && agency.OrgUnitId != orgUnitId && (await tree.Ancestors(orgUnitId)).All(n => n.Id != agency.OrgUnitId))
                errors.Add("agencyId", $"Cơ quan '{agency.Name}' không thuộc đơn vị đã chọn hoặc một đơn vị cấp trên của nó.");
        }
    }

    /// <summary>Identity's password validators, with the Vietnamese messages of <see cref="VietnameseIdentityErrors"/>.</summary>
    async Task CheckPassword(ErrorList errors, PcmdUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) { errors.Add("password", "Thiếu mật khẩu."); return; }
        foreach (var validator in users.PasswordValidators)
            foreach (var e in (await validator.ValidateAsync(users, user, password)).Errors)
                errors.Add("password", e.Description);
    }

    async Task EnsureRole(string role)
    {
        // The demo loader creates the roles; a database without the demo gets each on first use.
        if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    AuditEntry RoleAudit(UserScope scope, string userId, AuditAction action, string? before, string? after) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserName = scope.UserName,
        EntityType = RoleAuditType,
        EntityId = userId,
        Action = action,
        Changes = JsonSerializer.Serialize(new Dictionary<string, string?[]> { ["Roles"] = [before, after] }),
    };

    static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) throw new ConflictException();
        var errors = new ErrorList();
        foreach (var e in result.Errors)
            errors.Add(e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
                _ when e.Code.Contains("UserName", StringComparison.Ordinal) => "userName",
                _ when e.Code.Contains("Role", StringComparison.Ordinal) => "role",
                _ => "user",
            }, e.Description);
        errors.ThrowIfAny();
    }
}
