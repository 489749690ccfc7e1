using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>Makes hotspots with dated lifecycles that follow <see cref="HotspotLifecycle"/>: identified → targeted by a
/// plan → eliminated → handed over to the locality → checked every few months; a few re-emerge and are targeted
/// again; the more recent ones are still being worked on. About half are inside an establishment of the commune, the
/// others in public places. A hotspot identified before 1/7/2025 is recorded in the old commune.</summary>
public sealed class HotspotFaker(Random r, SyntheticScale scale)
{
    public List<Hotspot> Hotspots { get; } = [];
    public List<HotspotEvent> Events { get; } = [];

    static readonly string[] Descriptions =
    [
        "Đối tượng bán dâm đứng đường, chèo kéo khách vào ban đêm.",
        "Hoạt động mại dâm trá hình dưới hình thức xoa bóp, gội đầu thư giãn.",
        "Môi giới mại dâm qua mạng xã hội, hẹn gặp tại các nhà nghỉ trong khu vực.",
        "Nhân viên phục vụ có biểu hiện kích dục, bán dâm tại chỗ.",
        "Tụ tập đối tượng nghi bán dâm ở khu vực tối, vắng người qua lại.",
    ];

    static readonly string?[] CheckNotes = ["Không phát hiện hoạt động trở lại.", "Đã bàn giao cho công an xã, phường tiếp tục theo dõi.", null, null];

    public void Make(int count, SyntheticUnits units, IReadOnlyList<FakeEstablishment> establishments, ref int hotspotId, ref int eventId)
    {
        var sample = units.Sampler();
        var byHome = establishments.Where(e => e.Entity.RiskClass != Establishments.RiskClass.Low).ToLookup(e => e.Home.Id);
        var earliest = new DateOnly(scale.FirstYear - 2, 1, 1);
        for (var n = 0; n < count; n++)
        {
            var home = sample(r);
            var identified = Day(earliest, scale.Until.AddDays(-30));
            SyntheticUnits.OldCommune? old = null;
            if (identified < AddressPackageImporter.ReformDay)
            {
                if (home.Predecessors.Count > 0) old = VietnameseNames.Pick(r, home.Predecessors);
                else identified = Day(AddressPackageImporter.ReformDay, scale.Until.AddDays(-30));
            }
            var unitId = old?.Id ?? home.Id;
            var hotspot = new Hotspot { Id = hotspotId++, OrgUnitId = unitId, Description = VietnameseNames.Pick(r, Descriptions) };
            var candidates = r.NextDouble() < 0.55
                ? byHome[home.Id].Where(e => e.Entity.OrgUnitId == unitId && e.Entity.LicenceDate <= identified).ToList()
                : [];
            if (candidates.Count > 0)
            {
                var e = VietnameseNames.Pick(r, candidates);
                hotspot.Kind = HotspotKind.InEstablishment;
                hotspot.EstablishmentId = e.Entity.Id;
                hotspot.Name = e.Entity.Name;
                hotspot.Latitude = e.Entity.Latitude;
                hotspot.Longitude = e.Entity.Longitude;
            }
            else
            {
                hotspot.Kind = HotspotKind.PublicPlace;
                hotspot.Name = VietnameseNames.PublicPlace(r, VietnameseNames.ShortUnitName(old?.Name ?? home.Name));
                if (r.NextDouble() < 0.9)
                {
                    hotspot.Latitude = Math.Round(home.Latitude + (r.NextDouble() * 2 - 1) * 0.015, 6);
                    hotspot.Longitude = Math.Round(home.Longitude + (r.NextDouble() * 2 - 1) * 0.015, 6);
                }
            }
            Lifecycle(hotspot, identified, ref eventId);
            // A hotspot of an old ward still followed after 1/7/2025 belongs to the ward it now lies in (its earlier events
            // count there too: the old ward was merged into it).
            if (old is not null && hotspot.Events.Any(ev => ev.Date >= AddressPackageImporter.ReformDay)) hotspot.OrgUnitId = home.Id;
            (hotspot.State, hotspot.Complexity) = HotspotLifecycle.Derive(hotspot.Events);
            Hotspots.Add(hotspot);
            Events.AddRange(hotspot.Events);
        }
    }

    void Lifecycle(Hotspot h, DateOnly identified, ref int eventId)
    {
        var until = scale.Until;
        var id = eventId;
        bool Add(HotspotEventKind kind, DateOnly day, ComplexityLevel? observed = null, string? note = null)
        {
            if (day > until) return false;
            h.Events.Add(new HotspotEvent { Id = id++, HotspotId = h.Id, Date = day, Kind = kind, ComplexityObserved = observed, Note = note });
            return true;
        }

        var level = r.NextDouble() switch { < 0.3 => ComplexityLevel.Complex, < 0.8 => ComplexityLevel.Active, _ => ComplexityLevel.Low };
        Add(HotspotEventKind.Identified, identified, level);
        var day = identified;
        var reEmerged = false;
        while (true)
        {
            if (r.NextDouble() < 0.08 || !Add(HotspotEventKind.Targeted, day = day.AddDays(r.Next(10, 61)))) break;
            // Complex places take longer to clear; some are still being worked on when the data ends.
            var effort = level == ComplexityLevel.Complex ? 1.6 : 1.0;
            if (!Add(HotspotEventKind.Eliminated, day = day.AddDays((int)(r.Next(60, 420) * effort)))) break;
            if (!Add(HotspotEventKind.HandedOver, day = day.AddDays(r.Next(7, 31)))) break;
            var returns = !reEmerged && r.NextDouble() < 0.12;
            var checks = returns ? r.Next(0, 3) : 99;
            for (var i = 0; i < checks; i++)
                if (!Add(HotspotEventKind.Checked, day = day.AddDays(r.Next(90, 200)), ComplexityLevel.Inactive, VietnameseNames.Pick(r, CheckNotes)))
                    break;
            if (!returns || day > until) break;
            level = r.Next(2) == 0 ? ComplexityLevel.Active : ComplexityLevel.Complex;
            if (!Add(HotspotEventKind.ReEmerged, day = day.AddDays(r.Next(30, 150)), level, "Phát hiện hoạt động trở lại qua tin báo của người dân.")) break;
            reEmerged = true;
        }
        eventId = id;
    }

    DateOnly Day(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(r.Next(to.DayNumber - from.DayNumber + 1));
}
