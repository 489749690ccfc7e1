using Pcmd.Web.Data;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.OrgUnits;

public enum OrgUnitLevel
{
    Country = 0,
    Province = 1,
    /// <summary>Abolished on 1/7/2025 (Nghị quyết 202/2025/QH15); kept for history.</summary>
    District = 2,
    Commune = 3,
    ResidentialGroup = 4,
}

/// <summary>An administrative unit. Codes were reused in the 2025 reform, so a unit is its code
/// <em>and</em> its validity period.</summary>
public class OrgUnit : IVersioned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public OrgUnitLevel Level { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    /// <summary>Inclusive; null means "since before the records begin".</summary>
    public DateOnly? ValidFrom { get; set; }
    /// <summary>Inclusive; null means "still in force".</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>False for codes PCMD made up (old districts have none in the address package).</summary>
    public bool CodeIsOfficial { get; set; } = true;
    public int Version { get; set; }

    public bool IsValidOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>One rule of the old→new mapping: records of <see cref="OldUnitId"/> count for
/// <see cref="NewUnitId"/> from <see cref="EffectiveOn"/>. One old unit may map to several new ones.</summary>
public class OrgUnitSuccession
{
    public int Id { get; set; }
    public int OldUnitId { get; set; }
    public OrgUnit? OldUnit { get; set; }
    public int NewUnitId { get; set; }
    public OrgUnit? NewUnit { get; set; }
    public DateOnly EffectiveOn { get; set; }
    [MultiLine] public string? Note { get; set; }
}
