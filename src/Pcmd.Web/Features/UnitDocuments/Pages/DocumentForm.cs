using Pcmd.Web.Shared;
namespace Pcmd.Web.Features.UnitDocuments.Pages;

/// <summary>What the document form posts.</summary>
public sealed class DocumentForm
{
    public int? OrgUnitId { get; set; }
    public DocumentKind? Kind { get; set; } = DocumentKind.Plan;
    public string? Number { get; set; }
    public string? IssuedOn { get; set; }
    public string? Signer { get; set; }
    public string? Subject { get; set; }
    public int? PlanId { get; set; }
    public int Version { get; set; }

    public UnitDocumentInput ToInput(int? agencyId) => new(OrgUnitId, agencyId, Kind, Number, DateInput.OptionalOrThrow(IssuedOn, "issuedOn"), Signer, Subject, PlanId, Version);

    public static DocumentForm From(UnitDocumentDto d) => new()
    {
        OrgUnitId = d.OrgUnitId, Kind = d.Kind, Number = d.Number, IssuedOn = DateInput.Text(d.IssuedOn), Signer = d.Signer, Subject = d.Subject,
        PlanId = d.PlanId, Version = d.Version,
    };
}
