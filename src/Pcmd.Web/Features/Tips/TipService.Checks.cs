using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

public sealed partial class TipService
{
    /// <summary>What happened, where and when: the same checks for staff and for the portal.</summary>
    internal async Task ValidateSubstance(TipCategory? category, int? orgUnitId, string? place, double? latitude, double? longitude,
        DateOnly? occurredOn, string? description, ErrorList errors, CancellationToken ct)
    {
        if (category is null) errors.Add("category", "Chọn loại vụ việc.");
        else if (!Enum.IsDefined(category.Value)) errors.Add("category", "Loại vụ việc không hợp lệ.");
        if (orgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn xã, phường nơi xảy ra vụ việc.");
        else if (await tree.Find(unitId) is not { } unit) errors.Add("orgUnitId", "Không có xã, phường này.");
        else if (unit.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District))
            errors.Add("orgUnitId", "Chọn một xã, phường (hoặc một quận, huyện trước ngày 01/07/2025).");
        TipRules.Length(errors, "place", place, TipRules.MaxPlace, "Địa chỉ, địa điểm");
        if (string.IsNullOrWhiteSpace(description)) errors.Add("description", "Mô tả vụ việc.");
        else TipRules.Length(errors, "description", description, TipRules.MaxDescription, "Mô tả");
        if (occurredOn is { } day && day > VietnamTime.Today(clock)) errors.Add("occurredOn", "Ngày xảy ra không thể ở tương lai.");
        if ((latitude is null) != (longitude is null))
            errors.Add(latitude is null ? "latitude" : "longitude", "Nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.");
        if (latitude is { } la && !(la >= HotspotService.MinLatitude && la <= HotspotService.MaxLatitude))
            errors.Add("latitude", "Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8,0 đến 23,5).");
        if (longitude is { } lo && !(lo >= HotspotService.MinLongitude && lo <= HotspotService.MaxLongitude))
            errors.Add("longitude", "Kinh độ phải nằm trong lãnh thổ Việt Nam (từ 102,0 đến 110,0).");
    }

    internal static void FillSubstance(Tip tip, TipCategory? category, int? orgUnitId, string? place, double? latitude, double? longitude,
        DateOnly? occurredOn, string? description)
    {
        tip.Category = category!.Value;
        tip.OrgUnitId = orgUnitId!.Value;
        tip.Place = TipRules.Clean(place);
        (tip.Latitude, tip.Longitude) = (latitude, longitude);
        tip.OccurredOn = occurredOn;
        tip.Description = description!.Trim();
    }

    async Task ValidateLinks(UserScope scope, int? establishmentId, int? hotspotId, int? inspectionId, ErrorList errors, CancellationToken ct)
    {
        if (establishmentId is { } e && (await db.Establishments.Where(x => x.Id == e).Select(x => (int?)x.OrgUnitId).FirstOrDefaultAsync(ct) is not { } eu || !Readable(scope, eu)))
            errors.Add("establishmentId", "Không có cơ sở kinh doanh này trong phạm vi của bạn.");
        if (hotspotId is { } h && (await db.Hotspots.Where(x => x.Id == h).Select(x => (int?)x.OrgUnitId).FirstOrDefaultAsync(ct) is not { } hu || !Readable(scope, hu)))
            errors.Add("hotspotId", "Không có điểm phức tạp này trong phạm vi của bạn.");
        if (inspectionId is { } i && (await db.Inspections.Where(x => x.Id == i).Select(x => (int?)x.OrgUnitId).FirstOrDefaultAsync(ct) is not { } iu || !Readable(scope, iu)))
            errors.Add("inspectionId", "Không có biên bản kiểm tra này trong phạm vi của bạn.");
    }

    static bool Readable(UserScope scope, int unitId) => scope.CanReadUnit(unitId);

    async Task ValidateDuplicate(UserScope scope, Tip tip, int? originalId, ErrorList errors, CancellationToken ct)
    {
        if (originalId is not { } oid) { errors.Add("duplicateOfId", "Tin trùng phải chỉ đến tin gốc."); return; }
        if (oid == tip.Id) { errors.Add("duplicateOfId", "Một tin không thể trùng chính nó."); return; }
        var original = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == oid, ct);
        if (original is null || !TipAccess.CanRead(scope, original)) errors.Add("duplicateOfId", "Không có tin gốc này trong phạm vi của bạn.");
        else if (original.DuplicateOfId is not null) errors.Add("duplicateOfId", "Tin gốc đã là tin trùng; hãy chỉ đến tin gốc đầu tiên.");
    }

    async Task ValidateAssignment(UserScope scope, int? unitId, int? agencyId, ErrorList errors, CancellationToken ct)
    {
        if (unitId is not { } u) errors.Add("assignedUnitId", "Chọn đơn vị được giao xử lý.");
        else if (await tree.Find(u) is null || !scope.CanReadUnit(u)) errors.Add("assignedUnitId", "Không có đơn vị này.");
        else if (!scope.CanWriteUnit(u)) errors.Add("assignedUnitId", "Chỉ giao được cho đơn vị trong phạm vi bạn phụ trách.");
        if (agencyId is { } a && !await db.Agencies.AnyAsync(x => x.Id == a, ct))
            errors.Add("assignedAgencyId", "Không có cơ quan này.");
    }
}
