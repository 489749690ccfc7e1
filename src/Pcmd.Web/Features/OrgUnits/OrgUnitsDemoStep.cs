using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>Hà Nội's units from the address package, and a few tổ dân phố below Phú Lương so the tree shows its full depth.</summary>
public sealed class OrgUnitsDemoStep(PcmdDbContext db, AddressPackageImporter units, OrgUnitTree tree, ILogger<OrgUnitsDemoStep> log) : IDemoStep
{
    public int Order => 10;

    public async Task Load(CancellationToken ct)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.Code == DemoFacts.Province, ct))
            await units.ImportProvince(DemoFacts.Province, new Progress<string>(m => log.LogInformation("Address package: {Step}", m)), ct);
        await AddResidentialGroups(ct);
    }

    async Task AddResidentialGroups(CancellationToken ct)
    {
        var ward = await tree.Resolve("09568", DemoFacts.Today);
        if (ward is null || await db.OrgUnits.AnyAsync(u => u.ParentId == ward.Id, ct)) return;
        for (var i = 1; i <= 5; i++)
            db.OrgUnits.Add(new OrgUnit { Code = $"09568-TDP{i:00}", Name = $"Tổ dân phố số {i}", Level = OrgUnitLevel.ResidentialGroup,
                ParentId = ward.Id, ValidFrom = AddressPackageImporter.ReformDay, CodeIsOfficial = false });
        await db.SaveChangesAsync(ct);
        await tree.Changed(db);
    }
}
