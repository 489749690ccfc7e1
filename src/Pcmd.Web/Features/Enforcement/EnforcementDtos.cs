using Pcmd.Web.Features.Inspections;

namespace Pcmd.Web.Features.Enforcement;

public sealed record SanctionRecordInput(int? OrgUnitId, DateOnly? Date, SanctionTarget? Target, int? EstablishmentId, SanctionKind? Kind,
    decimal? Amount, int? DecreeId, string? LegalBasis = null, string? Measures = null, string? DecisionNumber = null, string? Note = null);

public sealed record SanctionRecordView(int Id, int OrgUnitId, string OrgUnitName, DateOnly Date, SanctionTarget Target, int? EstablishmentId,
    SanctionKind Kind, decimal? Amount, int DecreeId, string DecreeCode, string? LegalBasis, string? DecisionNumber, string? Note, int Version);

public sealed record CriminalCaseInput(int? OrgUnitId, string? Reference, CriminalCharge? Charge, DateOnly? DetectedOn, DateOnly? InstitutedOn = null,
    DateOnly? IndictedOn = null, DateOnly? TriedOn = null, bool MobileTrial = false, int AccusedCount = 0, int DefendantsCount = 0,
    bool RingDismantled = false, string? Note = null, int Version = 0);

public sealed record CriminalCaseView(int Id, int OrgUnitId, string OrgUnitName, string Reference, CriminalCharge Charge, DateOnly DetectedOn,
    DateOnly? InstitutedOn, DateOnly? IndictedOn, DateOnly? TriedOn, bool MobileTrial, int AccusedCount, int DefendantsCount, bool RingDismantled,
    string? Note, int Version);

public sealed record EnforcementPage<T>(int Total, int Page, int PageSize, List<T> Items);

public sealed record EnforcementSaved(int Id, int Version);
