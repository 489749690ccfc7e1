using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Demo;

/// <summary>The demo data of the first start, built from the seed plans through the same import paths
/// a user has (address package, agency catalogue file, plan files); no hand-written SQL.</summary>
public sealed class DemoData(PcmdDbContext db, AddressPackageImporter units, AgencyCatalogue agencies, PlanService plans,
    UserManager<PcmdUser> users, RoleManager<IdentityRole> roles, OrgUnitTree tree, IConfiguration config, ILogger<DemoData> log,
    IEnumerable<IDemoStep> steps)
{
    public const string DemoProvince = "01";

    public sealed record DemoAccount(string UserName, string FullName, string Role, string UnitCode, DateOnly UnitOn, string? AgencyCode);

    static readonly DateOnly Today = new(2026, 1, 1);

    /// <summary>Phường Phú Lương (09568 since 1/7/2025, which took in Phú Lãm) and Phường Hà Đông (09556).</summary>
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "Quản trị hệ thống", Roles.Admin, "01", Today, null),
        new("dieuphoi", "Nguyễn Thị Hoa (Chi cục DS, TE và PCTNXH)", Roles.Coordinator, "01", Today, "CC-DSTE-PCTNXH"),
        new("congan", "Trần Văn Minh (Công an Thành phố)", Roles.AgencyReporter, "01", Today, "CA-TP"),
        new("phuluong", "Lê Thị Lan (UBND phường Phú Lương)", Roles.CommuneOfficer, "09568", Today, "UBND-PHULUONG"),
        new("hadong", "Phạm Văn Nam (UBND phường Hà Đông)", Roles.CommuneOfficer, "09556", Today, "UBND-P-HADONG"),
        new("kiemtra", "Đỗ Văn Hùng (Đội kiểm tra liên ngành 178 phường Phú Lương)", Roles.Inspector, "09568", Today, "DOI178-PHULUONG"),
        new("hotro", "Vũ Thị Mai (cán bộ hỗ trợ, phường Phú Lương)", Roles.CaseWorker, "09568", Today, "UBND-PHULUONG"),
        new("lanhdao", "Hoàng Văn Sơn (Lãnh đạo UBND Thành phố)", Roles.Leader, "01", Today, "UBND-TP"),
    ];

    public string Password => config["Pcmd:Demo:Password"] ?? throw new InvalidOperationException("Pcmd:Demo:Password is not configured.");

    public async Task EnsureLoaded(CancellationToken ct = default)
    {
        if (await db.Plans.AnyAsync(ct)) return;
        log.LogInformation("Loading demo data");
        if (!await db.OrgUnits.AnyAsync(u => u.Code == DemoProvince, ct))
            await units.ImportProvince(DemoProvince, new Progress<string>(m => log.LogInformation("Address package: {Step}", m)), ct);
        await AddResidentialGroups(ct);
        foreach (var file in Resources("demo/agencies/"))
            await agencies.Import(UserScope.System, file.Text, ct);
        await JoinCollectives(ct);
        foreach (var doc in InParentOrder(Resources("demo/plans/").Select(f => PlanFileReader.Parse(f.Text))))
            await plans.Import(UserScope.System, doc, ct);
        await EnsureUsers(ct);
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            log.LogInformation("Demo data: {Step}", step.GetType().Name);
            await step.Load(ct);
        }
        log.LogInformation("Demo data loaded");
    }

    public static IEnumerable<(string Name, string Text)> Resources(string prefix)
    {
        var asm = Assembly.GetExecutingAssembly();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var r = new StreamReader(asm.GetManifestResourceStream(name)!);
            yield return (name, r.ReadToEnd());
        }
    }

    static IEnumerable<PlanFileDocument> InParentOrder(IEnumerable<PlanFileDocument> docs)
    {
        var pending = docs.ToList();
        var loaded = new HashSet<string>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(d => d.Plan?.ParentKey is null || loaded.Contains(d.Plan.ParentKey) || pending.All(p => p.Plan?.Key != d.Plan.ParentKey)).ToList();
            if (ready.Count == 0) ready = pending;
            foreach (var d in ready) { yield return d; loaded.Add(d.Plan?.Key ?? ""); pending.Remove(d); }
        }
    }

    /// <summary>Below the commune: a few tổ dân phố, so the tree shows its full depth.</summary>
    async Task AddResidentialGroups(CancellationToken ct)
    {
        var ward = await tree.Resolve("09568", Today);
        if (ward is null || await db.OrgUnits.AnyAsync(u => u.ParentId == ward.Id, ct)) return;
        for (var i = 1; i <= 5; i++)
            db.OrgUnits.Add(new OrgUnit { Code = $"09568-TDP{i:00}", Name = $"Tổ dân phố số {i}", Level = OrgUnitLevel.ResidentialGroup,
                ParentId = ward.Id, ValidFrom = AddressPackageImporter.ReformDay, CodeIsOfficial = false });
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
    }

    /// <summary>"UBND các xã, phường" (UBND-XA) stands for every commune People's Committee of the city.</summary>
    async Task JoinCollectives(CancellationToken ct)
    {
        var collective = await db.Agencies.Include(a => a.Members).FirstOrDefaultAsync(a => a.Code == "UBND-XA", ct);
        if (collective is null) return;
        var communeCommittees = await db.Agencies
            .Where(a => a.Kind == AgencyKind.PeoplesCommittee && a.OrgUnit!.Level == OrgUnitLevel.Commune && a.ValidTo == null)
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var id in communeCommittees.Where(id => collective.Members.All(m => m.MemberId != id)))
            collective.Members.Add(new AgencyMembership { MemberId = id });
        await db.SaveChangesAsync(ct);
    }

    async Task EnsureUsers(CancellationToken ct)
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
