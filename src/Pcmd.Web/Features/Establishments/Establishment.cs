using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments;

/// <summary>The four groups of Nghị định 178/2004 art. 3 and TTLT 21/2004.</summary>
public enum EstablishmentGroup { Lodging, Culture, HealthTherapy, Other }

/// <summary>A kind of business at risk (karaoke, nhà nghỉ, massage…): a catalogue an administrator extends.</summary>
public class EstablishmentType
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public EstablishmentGroup Group { get; set; }
    public bool IsActive { get; set; } = true;
    public int Position { get; set; }
}

public enum RiskClass { Low, Medium, High }

public enum ManagementStatus
{
    /// <summary>Rà soát, phân loại, đưa vào diện quản lý: counted in the "inspected at least once" denominator.</summary>
    UnderManagement,
    NotUnderManagement,
    /// <summary>Ngừng kinh doanh.</summary>
    Closed,
}

/// <summary>A cơ sở kinh doanh dịch vụ dễ bị lợi dụng để hoạt động mại dâm. The owner's name and phone are a
/// person's data and are encrypted at rest.</summary>
[Data.CountedInItsUnit]
public class Establishment : IVersioned, ISearchable, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => ManagedFrom;
    public int Id { get; set; }
    /// <summary>Name, address and licence number folded for the site-wide search (Shared/SearchFold); derived, stored with every write.</summary>
    public string SearchText { get => SearchFold.Of(Name, Address, LicenceNumber); private set { } }
    public int TypeId { get; set; }
    public EstablishmentType? Type { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>The commune as recorded; after a merger its records count for the successor (OrgUnitSuccession).</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerPhone { get; set; }
    public string? LicenceNumber { get; set; }
    public DateOnly? LicenceDate { get; set; }
    public int WorkerCount { get; set; }
    public RiskClass RiskClass { get; set; }
    public ManagementStatus Status { get; set; }
    public DateOnly? ManagedFrom { get; set; }
    public DateOnly? ManagedTo { get; set; }
    public bool CommitmentSigned { get; set; }
    public DateOnly? CommitmentDate { get; set; }
    [MultiLine] public string? Note { get; set; }
    public int Version { get; set; }
}
