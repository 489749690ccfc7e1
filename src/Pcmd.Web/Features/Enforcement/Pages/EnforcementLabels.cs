using Pcmd.Web.Shared;
using Pcmd.Web.Features.Inspections;

namespace Pcmd.Web.Features.Enforcement.Pages;

/// <summary>Keys of the words (Resources/strings.tsv) for sanctions and cases; pages read them through <c>L[…]</c>.</summary>
public static class EnforcementLabels
{
    public static string Target(SanctionTarget t) => "Enforcement.Target." + t;

    public static string Kind(SanctionKind k) => "Enforcement.Kind." + k;

    public static string Charge(CriminalCharge c) => "Enforcement.Charge." + c;
}

/// <summary>What the sanction form posts.</summary>
public sealed class SanctionForm
{
    public int? OrgUnitId { get; set; }
    public string? Date { get; set; }
    public SanctionTarget? Target { get; set; }
    public int? EstablishmentId { get; set; }
    public SanctionKind? Kind { get; set; }
    public decimal? Amount { get; set; }
    public int? DecreeId { get; set; }
    public string? LegalBasis { get; set; }
    public string? Measures { get; set; }
    public string? DecisionNumber { get; set; }

    public SanctionRecordInput ToInput() => new(OrgUnitId, DateInput.OptionalOrThrow(Date, "date"), Target, EstablishmentId, Kind, Amount, DecreeId, LegalBasis, Measures, DecisionNumber);
}

/// <summary>What the case form posts.</summary>
public sealed class CaseForm
{
    public int? OrgUnitId { get; set; }
    public string? Reference { get; set; }
    public CriminalCharge? Charge { get; set; }
    public string? DetectedOn { get; set; }
    public string? InstitutedOn { get; set; }
    public string? IndictedOn { get; set; }
    public string? TriedOn { get; set; }
    public bool MobileTrial { get; set; }
    public int AccusedCount { get; set; }
    public int DefendantsCount { get; set; }
    public bool RingDismantled { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public CriminalCaseInput ToInput() => new(OrgUnitId, Reference, Charge, DateInput.OptionalOrThrow(DetectedOn, "detectedOn"), DateInput.OptionalOrThrow(InstitutedOn, "institutedOn"),
        DateInput.OptionalOrThrow(IndictedOn, "indictedOn"), DateInput.OptionalOrThrow(TriedOn, "triedOn"), MobileTrial,
        AccusedCount, DefendantsCount, RingDismantled, Note, Version);

    public static CaseForm From(CriminalCaseView c) => new()
    {
        OrgUnitId = c.OrgUnitId, Reference = c.Reference, Charge = c.Charge, DetectedOn = DateInput.Text(c.DetectedOn), InstitutedOn = DateInput.Text(c.InstitutedOn),
        IndictedOn = DateInput.Text(c.IndictedOn), TriedOn = DateInput.Text(c.TriedOn), MobileTrial = c.MobileTrial, AccusedCount = c.AccusedCount,
        DefendantsCount = c.DefendantsCount, RingDismantled = c.RingDismantled, Note = c.Note, Version = c.Version,
    };
}
