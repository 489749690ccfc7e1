using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users;

/// <summary>The roles and the demo accounts of the README, all with the password of <c>Pcmd:Demo:Password</c>.</summary>
public sealed class UsersDemoStep(PcmdDbContext db, UserManager<PcmdUser> users, RoleManager<IdentityRole> roles, OrgUnitTree tree,
    IConfiguration config) : IDemoStep
{
    public sealed record DemoAccount(string UserName, string FullName, string Role, string UnitCode, DateOnly UnitOn, string? AgencyCode);

    /// <summary>Phường Phú Lương (09568 since 1/7/2025, which took in Phú Lãm) and Phường Hà Đông (09556).</summary>
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "Quản trị hệ thống", Roles.Admin, "01", DemoFacts.Today, null),
        new("dieuphoi", "Nguyễn Thị Hoa (Chi cục DS, TE và PCTNXH)", Roles.Coordinator, "01", DemoFacts.Today, "CC-DSTE-PCTNXH"),
        new("congan", "Trần Văn Minh (Công an Thành phố)", Roles.AgencyReporter, "01", DemoFacts.Today, "CA-TP"),
        new("phuluong", "Lê Thị Lan (UBND phường Phú Lương)", Roles.CommuneOfficer, "09568", DemoFacts.Today, "UBND-PHULUONG"),
        new("hadong", "Phạm Văn Nam (UBND phường Hà Đông)", Roles.CommuneOfficer, "09556", DemoFacts.Today, "UBND-P-HADONG"),
        new("kiemtra", "Đỗ Văn Hùng (Đội kiểm tra liên ngành 178 phường Phú Lương)", Roles.Inspector, "09568", DemoFacts.Today, "DOI178-PHULUONG"),
        new("hotro", "Vũ Thị Mai (cán bộ hỗ trợ, phường Phú Lương)", Roles.CaseWorker, "09568", DemoFacts.Today, "UBND-PHULUONG"),
        new("lanhdao", "Hoàng Văn Sơn (Lãnh đạo UBND Thành phố)", Roles.Leader, "01", DemoFacts.Today, "UBND-TP"),
    ];

    public int Order => 40;

    string Password => config["Pcmd:Demo:Password"] ?? throw new InvalidOperationException("Pcmd:Demo:Password is not configured.");

    public async Task Load(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        foreach (var a in Accounts)
        {
            if (await users.FindByNameAsync(a.UserName) is not null) continue;
            var unit = await tree.Resolve(a.UnitCode, a.UnitOn) ?? throw new InvalidOperationException($"Demo unit {a.UnitCode} missing");
            int? agencyId = a.AgencyCode is null ? null : await db.Agencies.Where(x => x.Code == a.AgencyCode).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
            if (a.AgencyCode is not null && agencyId is null) throw new InvalidOperationException($"Demo agency {a.AgencyCode} missing");
            var user = new PcmdUser { UserName = a.UserName, FullName = a.FullName, OrgUnitId = unit.Id, AgencyId = agencyId, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, a.Role);
        }
    }
}
