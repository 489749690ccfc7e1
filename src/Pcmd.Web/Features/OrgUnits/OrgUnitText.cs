using Microsoft.Extensions.Localization;

namespace Pcmd.Web.Features.OrgUnits;

public static class OrgUnitText
{
    public static string Level(IStringLocalizer L, OrgUnitLevel level) => L["OrgUnitLevel_" + level];
}
