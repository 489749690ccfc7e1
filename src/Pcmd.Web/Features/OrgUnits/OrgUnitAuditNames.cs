using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>Units by name in the audit log ("OrgUnitId", "IssuingUnitId", "OldUnitId"…), from the in-memory tree.</summary>
public sealed class OrgUnitAuditNames(OrgUnitTree tree) : IAuditReferenceNames
{
    public string FieldSuffix => "UnitId";

    public async Task<Dictionary<int, string>> Names(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var names = new Dictionary<int, string>();
        foreach (var id in ids)
            if (await tree.Find(id) is { } node) names[id] = node.Name;
        return names;
    }
}
