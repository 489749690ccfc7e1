using Pcmd.Web.Shared;
namespace Pcmd.Web.Features.OrgUnits.Pages;

/// <summary>What the unit form posts (static server rendering binds it by field name).</summary>
public sealed class OrgUnitForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public OrgUnitLevel Level { get; set; } = OrgUnitLevel.Commune;
    public int? ParentId { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public int Version { get; set; }

    public OrgUnitInput ToInput() => new(Code, Name, Level, ParentId, DateInput.OptionalOrThrow(ValidFrom, "validFrom"), DateInput.OptionalOrThrow(ValidTo, "validTo"), Version);

    public static OrgUnitForm From(OrgUnitDto u) => new()
    {
        Code = u.Code, Name = u.Name, Level = u.Level, ParentId = u.ParentId, ValidFrom = DateInput.Text(u.ValidFrom), ValidTo = DateInput.Text(u.ValidTo), Version = u.Version,
    };
}

public sealed class SuccessionForm
{
    public int? OldUnitId { get; set; }
    public int? NewUnitId { get; set; }
    public string? EffectiveOn { get; set; }
    public string? Note { get; set; }
}

public sealed class ProvinceImportForm
{
    public string? ProvinceCode { get; set; }
}
