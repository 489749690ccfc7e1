using Pcmd.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Hotspots;

public sealed partial class HotspotService
{
    /// <summary>Việt Nam's mainland and near islands, as the registries accept them (issue 3: coordinates outside
    /// Vietnam are refused).</summary>
    public const double MinLatitude = 8.0, MaxLatitude = 23.5, MinLongitude = 102.0, MaxLongitude = 110.0;

    public Task<Hotspot> Create(UserScope scope, HotspotInput input, CancellationToken ct = default) => Create(scope, input, [], ct);

    /// <summary>Records a hotspot with the history known so far (its first event, then <paramref name="later"/> in order),
    /// each event checked against those before it, in one save.</summary>
    public async Task<Hotspot> Create(UserScope scope, HotspotInput input, IReadOnlyList<HotspotEventInput> later, CancellationToken ct = default)
    {
        if (!UnitArea.CanEditHotspots(scope)) throw new ForbiddenException();
        var errors = new ErrorList();
        var establishment = await ValidateFields(scope, input, errors, ct);
        var history = new List<HotspotEvent>();
        if (input.FirstEvent is null) errors.Add("firstEvent", "Cần ghi sự kiện đầu tiên của điểm (thường là ngày phát hiện).");
        else
        {
            await ValidateEvent(scope, history, input.FirstEvent, errors, "firstEvent.", ct);
            for (var i = 0; !errors.Any && i < later.Count; i++)
            {
                history.Add(NewEvent(i == 0 ? input.FirstEvent : later[i - 1]));
                await ValidateEvent(scope, history, later[i], errors, $"events[{i}].", ct);
            }
        }
        errors.ThrowIfAny();

        var hotspot = new Hotspot();
        Fill(hotspot, input, establishment);
        hotspot.Events.AddRange(later.Prepend(input.FirstEvent!).Select(NewEvent));
        (hotspot.State, hotspot.Complexity) = HotspotLifecycle.Derive(hotspot.Events);
        db.Hotspots.Add(hotspot);
        await db.SaveChangesAsync(ct);
        return hotspot;
    }

    public async Task<Hotspot> Update(UserScope scope, int id, HotspotInput input, CancellationToken ct = default)
    {
        var hotspot = await Load(scope, id, withEvents: false, ct);
        var errors = new ErrorList();
        var establishment = await ValidateFields(scope, input, errors, ct);
        errors.ThrowIfAny();
        Guard(hotspot, input.Version);
        Fill(hotspot, input, establishment);
        await db.SaveChangesAsync(ct);
        return hotspot;
    }

    /// <summary>Adds a dated event at the end of the hotspot's life so far and updates its state and level in the same save.</summary>
    public async Task<Hotspot> AddEvent(UserScope scope, int id, HotspotEventInput input, CancellationToken ct = default)
    {
        var hotspot = await Load(scope, id, withEvents: true, ct);
        if (hotspot.Version != input.Version) throw new ConflictException();
        var earlier = HotspotLifecycle.InOrder(hotspot.Events);
        var errors = new ErrorList();
        await ValidateEvent(scope, earlier, input, errors, "", ct);
        errors.ThrowIfAny();
        var added = NewEvent(input);
        hotspot.Events.Add(added);
        (hotspot.State, hotspot.Complexity) = HotspotLifecycle.Derive([.. earlier, added]);
        Guard(hotspot, input.Version);
        await db.SaveChangesAsync(ct);
        return hotspot;
    }

    async Task<Hotspot> Load(UserScope scope, int id, bool withEvents, CancellationToken ct)
    {
        var q = db.Hotspots.AsQueryable();
        if (withEvents) q = q.Include(h => h.Events);
        var hotspot = await q.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hotspot is null) throw new NotFoundException();
        if (!scope.CanReadUnit(hotspot.OrgUnitId)) throw audit.Denied(nameof(Hotspot), id, new NotFoundException());
        if (!UnitArea.CanEditHotspotIn(scope, hotspot.OrgUnitId)) throw audit.Denied(nameof(Hotspot), id, new ForbiddenException());
        return hotspot;
    }

    /// <summary>The save goes through only if nobody changed the hotspot since the user read <paramref name="version"/>;
    /// the hotspot row is always written, so that two events added at once cannot both pass the order check.</summary>
    void Guard(Hotspot hotspot, int version)
    {
        if (hotspot.Version != version) throw new ConflictException();
        db.Entry(hotspot).Property(h => h.Version).OriginalValue = version;
        db.Entry(hotspot).State = EntityState.Modified;
    }

    static void Fill(Hotspot h, HotspotInput input, EstablishmentPlace? establishment)
    {
        h.Name = input.Name!.Trim();
        h.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        h.Kind = input.Kind!.Value;
        h.EstablishmentId = h.Kind == HotspotKind.InEstablishment ? input.EstablishmentId : null;
        h.OrgUnitId = input.OrgUnitId!.Value;
        // A hotspot inside an establishment is where the establishment is, unless the user placed it.
        (h.Latitude, h.Longitude) = input.Latitude is null && establishment is { Latitude: { } lat, Longitude: { } lng }
            ? (lat, lng) : (input.Latitude, input.Longitude);
    }

    HotspotEvent NewEvent(HotspotEventInput e) => new()
    {
        Date = e.Date!.Value,
        Kind = e.Kind!.Value,
        ComplexityObserved = HotspotLifecycle.Recorded(e.Kind!.Value, e.ComplexityObserved),
        AppendixItemId = e.AppendixItemId,
        Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(),
    };

    sealed record EstablishmentPlace(int Id, int OrgUnitId, double? Latitude, double? Longitude);

    async Task<EstablishmentPlace?> ValidateFields(UserScope scope, HotspotInput input, ErrorList errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Nhập tên điểm phức tạp.");
        else if (input.Name.Trim().Length > 500) errors.Add("name", "Tên điểm dài quá 500 ký tự.");
        if (input.Description?.Trim().Length > 2000) errors.Add("description", "Mô tả dài quá 2.000 ký tự.");
        if (input.Kind is null) errors.Add("kind", "Chọn loại điểm: trong cơ sở kinh doanh hoặc nơi công cộng.");
        else if (!Enum.IsDefined(input.Kind.Value)) errors.Add("kind", "Loại điểm không hợp lệ.");

        OrgUnitTree.Node? unit = null;
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn xã, phường của điểm.");
        else if ((unit = await tree.Find(unitId)) is null || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (unit.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District))
            errors.Add("orgUnitId", "Điểm phức tạp phải thuộc một xã, phường (hoặc một quận, huyện trước ngày 01/07/2025).");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");

        EstablishmentPlace? place = null;
        if (input.Kind == HotspotKind.PublicPlace && input.EstablishmentId is not null)
            errors.Add("establishmentId", "Điểm ở nơi công cộng không gắn với cơ sở kinh doanh.");
        else if (input.Kind == HotspotKind.InEstablishment)
        {
            if (input.EstablishmentId is not { } eid) errors.Add("establishmentId", "Điểm trong cơ sở kinh doanh phải chọn cơ sở kinh doanh.");
            else if ((place = await db.Establishments.AsNoTracking().Where(e => e.Id == eid)
                         .Select(e => new EstablishmentPlace(e.Id, e.OrgUnitId, e.Latitude, e.Longitude)).FirstOrDefaultAsync(ct)) is null
                     || !scope.CanReadUnit(place.OrgUnitId))
                errors.Add("establishmentId", "Không có cơ sở kinh doanh này trong phạm vi của bạn.");
            else if (unit is not null && !(await UnitArea.Related(tree, unit.Id)).Contains(place.OrgUnitId))
                errors.Add("establishmentId", "Cơ sở kinh doanh này không thuộc xã, phường của điểm.");
        }

        if ((input.Latitude is null) != (input.Longitude is null))
            errors.Add(input.Latitude is null ? "latitude" : "longitude", "Nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.");
        if (input.Latitude is { } la && !(la >= MinLatitude && la <= MaxLatitude))
            errors.Add("latitude", "Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8,0 đến 23,5).");
        if (input.Longitude is { } lo && !(lo >= MinLongitude && lo <= MaxLongitude))
            errors.Add("longitude", "Kinh độ phải nằm trong lãnh thổ Việt Nam (từ 102,0 đến 110,0).");
        return place;
    }

    async Task ValidateEvent(UserScope scope, IReadOnlyList<HotspotEvent> earlier, HotspotEventInput e, ErrorList errors, string prefix, CancellationToken ct)
    {
        if (e.Date is null) errors.Add(prefix + "date", "Nhập ngày của sự kiện.");
        if (e.Kind is null) errors.Add(prefix + "kind", "Chọn loại sự kiện.");
        if (e.Note?.Trim().Length > 1000) errors.Add(prefix + "note", "Ghi chú dài quá 1.000 ký tự.");
        if (e is { Date: { } date, Kind: { } kind })
            foreach (var problem in HotspotLifecycle.Check(earlier, new LifecycleStep(kind, date, e.ComplexityObserved, e.AppendixItemId is not null), Today()))
                errors.Add(prefix + problem.Field, problem.Message);
        if (e.AppendixItemId is not { } itemId) return;
        var item = await (from i in db.AppendixItems
                          join a in db.Appendices on i.AppendixId equals a.Id
                          join p in db.Plans on a.PlanId equals p.Id
                          where i.Id == itemId
                          select new { a.Kind, p.IssuingUnitId }).FirstOrDefaultAsync(ct);
        if (item is null || !scope.CanReadUnit(item.IssuingUnitId))
            errors.Add(prefix + "appendixItemId", "Không có mục phụ lục này trong các kế hoạch bạn được xem.");
        else if (item.Kind != AppendixKind.Hotspots)
            errors.Add(prefix + "appendixItemId", "Mục phụ lục này không thuộc danh sách điểm phức tạp của kế hoạch.");
    }
}
