namespace Pcmd.Web.Features.UnitDocuments;

public sealed record UnitDocumentInput(int? OrgUnitId, int? AgencyId, DocumentKind? Kind, string? Number, DateOnly? IssuedOn, string? Signer,
    string? Subject, int? PlanId, int Version = 0);

public sealed record UnitDocumentDto(int Id, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName, DocumentKind Kind, string Number,
    DateOnly IssuedOn, string Signer, string Subject, int? PlanId, string? PlanTitle, int Version, bool CanEdit);

public sealed record UnitDocumentPage(int Total, int Page, int PageSize, List<UnitDocumentDto> Items);

public sealed record UnitDocumentFilter(int? OrgUnitId = null, int? Year = null, DocumentKind? Kind = null, int? PlanId = null, int Page = 1,
    int PageSize = 50);

/// <summary>A unit below a plan's issuing unit and whether it has a plan implementing it: its own plan linked as a child, or a
/// recorded plan document naming the plan.</summary>
public sealed record CascadeRow(int UnitId, string UnitName, bool Has, string? Evidence, string? Url);

public sealed record DocumentSaved(int Id, int Version);
