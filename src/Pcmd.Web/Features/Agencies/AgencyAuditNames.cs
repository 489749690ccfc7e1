using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.Agencies;

/// <summary>Agencies by name in the audit log ("AgencyId", "IssuingAgencyId"…).</summary>
public sealed class AgencyAuditNames(PcmdDbContext db) : IAuditReferenceNames
{
    public string FieldSuffix => "AgencyId";

    public Task<Dictionary<int, string>> Names(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
}
