using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>A plan as an official .docx (issue 16, item 1), for whoever may read the plan.</summary>
public sealed class PlanDocuments(PlanService plans, OrgUnitTree tree)
{
    public async Task<(byte[] Content, string FileName)> Docx(UserScope scope, int planId, CancellationToken ct)
    {
        var plan = await plans.Get(scope, planId, ct);
        var detail = plan.ToDetail(canEdit: false);
        var unit = plan.IssuingUnit!;
        // The body that signs: the plan's issuing agency, else the People's Committee of its unit. A department prints its
        // committee above it (Nghị định 30/2020, Phụ lục I: tên cơ quan chủ quản).
        var agency = plan.IssuingAgency;
        var body = agency?.Name ?? "Ủy ban nhân dân " + unit.Name;
        var superior = agency is null || agency.Kind == AgencyKind.PeoplesCommittee ? null : "UBND " + unit.Name.ToUpper(Shared.VietnameseText.Culture);
        var issuer = new PlanIssuer(superior, body, await ReportDocumentQuery.Province(tree, unit.Id));
        using var ms = new MemoryStream();
        PlanDocx.Write(detail, issuer, ms);
        var name = string.Join("-", new[] { "KH", Shared.VietnameseText.Slug(plan.Number ?? ""), Shared.VietnameseText.Slug(plan.Key) }.Where(s => s.Length > 0));
        return (ms.ToArray(), name + ".docx");
    }
}
