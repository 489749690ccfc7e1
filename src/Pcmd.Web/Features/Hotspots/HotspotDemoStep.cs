using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Hotspots;

/// <summary>The hotspots of the 2024 city plan (KH 46/KH-UBND) become records linked to its appendices: Phụ lục II
/// (to eliminate in 2024: identified in 2023, targeted by the plan on its date) and Phụ lục III (eliminated and handed
/// over in the year the plan notes, checked in 2024 at the level the plan gives). A few more in Phú Lương and Hà Đông
/// show a ward's own hotspots, one of them re-emerged. Everything goes through <see cref="HotspotService"/>, so the
/// demo obeys the same lifecycle rules as a user.</summary>
public sealed partial class HotspotDemoStep(PcmdDbContext db, HotspotService hotspots, OrgUnitTree tree, ILogger<HotspotDemoStep> log) : IDemoStep
{
    public const string PlanKey = "hn-2024";
    public int Order => 300;

    static readonly DateOnly PlanDay = new(2024, 2, 5);

    [GeneratedRegex(@"năm\s+(\d{4})")]
    private static partial Regex YearInNote();

    public async Task Load(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.Appendices).ThenInclude(a => a.Items)
            .FirstOrDefaultAsync(p => p.Key == PlanKey, ct);
        if (plan is null) { log.LogWarning("Demo plan {Key} missing: no demo hotspots", PlanKey); return; }
        var itemIds = plan.Appendices.SelectMany(a => a.Items).Select(i => (int?)i.Id).ToList();
        if (await db.HotspotEvents.AnyAsync(e => itemIds.Contains(e.AppendixItemId), ct)) return;
        var source = $"Kế hoạch số {plan.Number ?? plan.Title}";

        var toEliminate = plan.Appendices.FirstOrDefault(a => a.Number == "II")?.Items.OrderBy(i => i.Position).ToList() ?? [];
        for (var n = 0; n < toEliminate.Count; n++)
        {
            var item = toEliminate[n];
            await Create(item, new HotspotEventInput(new DateOnly(2023, 8 + n, 10 + n), HotspotEventKind.Identified, ComplexityLevel.Complex,
                    Note: "Phát hiện qua rà soát của Công an Thành phố năm 2023."),
                [new HotspotEventInput(PlanDay, HotspotEventKind.Targeted, AppendixItemId: item.Id, Note: $"Phụ lục II, {source}: cần triệt xóa năm 2024.")], ct);
        }

        var maintained = plan.Appendices.FirstOrDefault(a => a.Number == "III")?.Items.OrderBy(i => i.Position).ToList() ?? [];
        for (var n = 0; n < maintained.Count; n++)
        {
            var item = maintained[n];
            var year = item.Note is { } note && YearInNote().Match(note) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 2021;
            var level = item.Complexity == ComplexityLevel.Low ? ComplexityLevel.Low : ComplexityLevel.Inactive;
            await Create(item, new HotspotEventInput(new DateOnly(year, 3 + n % 4, 12), HotspotEventKind.Eliminated),
            [
                new HotspotEventInput(new DateOnly(year, 9 + n % 3, 20), HotspotEventKind.HandedOver, Note: item.Note),
                new HotspotEventInput(new DateOnly(2024, 5 + n % 6, 15), HotspotEventKind.Checked, level, item.Id, $"Kiểm tra duy trì theo Phụ lục III, {source}."),
            ], ct);
        }
        await WardHotspots(ct);
    }

    async Task Create(AppendixItem item, HotspotEventInput first, HotspotEventInput[] later, CancellationToken ct)
    {
        if (await Unit(item) is not { } unit)
        {
            log.LogWarning("Demo hotspot {Name}: no commune or district for '{Unit}'", item.Name, item.UnitName);
            return;
        }
        var place = await DemoPlaces.Place(tree, unit, item.Name);
        var description = string.Join(" ", new[] { item.UnitName is { } u ? "Địa bàn: " + u + "." : null, item.Note is { } n && first.Kind == HotspotEventKind.Identified ? "Loại hình: " + n + "." : null }
            .Where(s => s is not null));
        await hotspots.Create(UserScope.System, new HotspotInput(item.Name, description.Length > 0 ? description : null, HotspotKind.PublicPlace, null,
            unit, place?.Lat, place?.Lng, first), later, ct);
    }

    /// <summary>The item's unit when the plan resolved one at commune or district level, else the district its printed
    /// unit name ends with ("…, Thanh Trì"); a hotspot cannot belong to the whole city.</summary>
    async Task<int?> Unit(AppendixItem item)
    {
        if (item.OrgUnitId is { } id && await tree.Find(id) is { } node)
        {
            if (node.Level is OrgUnitLevel.Commune or OrgUnitLevel.District) return id;
            if (node.Level == OrgUnitLevel.ResidentialGroup && node.ParentId is { } parent) return parent;
        }
        var district = item.UnitName?.Split(',').Last().Trim();
        if (string.IsNullOrEmpty(district)) return null;
        var day = PlanDay;
        return (await tree.All()).Where(n => n.Level == OrgUnitLevel.District && DemoPlaces.Bare(n.Name) == district
                && (n.ValidFrom is null || n.ValidFrom <= day) && (n.ValidTo is null || day <= n.ValidTo))
            .Select(n => (int?)n.Id).FirstOrDefault();
    }

    sealed record WardHotspot(string Name, string UnitCode, DateOnly UnitOn, string Description,
        (DateOnly Date, HotspotEventKind Kind, ComplexityLevel? Level, string? Note)[] Events);

    /// <summary>Phường Phú Lương (with the old Phú Lãm merged into it) and Phường Hà Đông (with the old Hà Cầu).</summary>
    static readonly WardHotspot[] Wards =
    [
        new("Khu vực điểm dừng xe buýt Văn Khê, Quốc lộ 6 (phường Phú Lãm cũ)", "09568", new(2024, 1, 1),
            "Người bán dâm đứng đón khách ven đường vào buổi tối.",
            [(new(2024, 3, 12), HotspotEventKind.Identified, ComplexityLevel.Active, null), (new(2024, 10, 20), HotspotEventKind.Eliminated, null, null),
             (new(2024, 12, 5), HotspotEventKind.HandedOver, null, "Bàn giao cho UBND phường Phú Lãm quản lý."),
             (new(2025, 6, 10), HotspotEventKind.Checked, ComplexityLevel.Inactive, null)]),
        new("Ngõ phố Phúc La – Văn Phú, khu quán cà phê đèn mờ (phường Phú Lương)", "09568", new(2026, 1, 1),
            "Một số quán cà phê đèn mờ có biểu hiện môi giới mại dâm.",
            [(new(2025, 9, 18), HotspotEventKind.Identified, ComplexityLevel.Complex, null),
             (new(2026, 1, 10), HotspotEventKind.Targeted, null, "Đưa vào kế hoạch triệt xóa năm 2026 của phường.")]),
        new("Khu vực vườn hoa Văn Quán (phường Hà Đông)", "09556", new(2026, 1, 1), "Tụ tập môi giới vào ban đêm.",
            [(new(2025, 8, 5), HotspotEventKind.Identified, ComplexityLevel.Active, null), (new(2025, 11, 20), HotspotEventKind.Eliminated, null, null)]),
        new("Phố Bà Triệu, khu vực chợ Hà Đông (phường Hà Cầu cũ)", "09556", new(2026, 1, 1), "Điểm đã triệt xóa, tái hoạt động năm 2025.",
            [(new(2023, 5, 12), HotspotEventKind.Eliminated, null, null), (new(2023, 7, 1), HotspotEventKind.HandedOver, null, null),
             (new(2024, 12, 10), HotspotEventKind.Checked, ComplexityLevel.Low, null),
             (new(2025, 10, 3), HotspotEventKind.ReEmerged, ComplexityLevel.Active, "Phát hiện hoạt động trở lại qua tin báo của người dân.")]),
    ];

    async Task WardHotspots(CancellationToken ct)
    {
        foreach (var w in Wards)
        {
            if (await tree.Resolve(w.UnitCode, w.UnitOn) is not { } unit) continue;
            var place = await DemoPlaces.Place(tree, unit.Id, w.Name);
            var events = w.Events.Select(e => new HotspotEventInput(e.Date, e.Kind, e.Level, null, e.Note)).ToList();
            await hotspots.Create(UserScope.System, new HotspotInput(w.Name, w.Description, HotspotKind.PublicPlace, null, unit.Id,
                place?.Lat, place?.Lng, events[0]), events.Skip(1).ToList(), ct);
        }
    }
}
