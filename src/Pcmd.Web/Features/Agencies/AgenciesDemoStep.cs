using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Agencies;

/// <summary>The demo agency catalogues (Features/Demo/Data/agencies), imported as a user would import them.</summary>
public sealed class AgenciesDemoStep(PcmdDbContext db, AgencyCatalogue agencies) : IDemoStep
{
    public int Order => 20;

    public async Task Load(CancellationToken ct)
    {
        foreach (var file in EmbeddedFiles.Read("demo/agencies/"))
            await agencies.Import(UserScope.System, file.Text, ct);
        await JoinCollectives(ct);
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
}
