using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Plans;

namespace Pcmd.UnitTests.Features.Hotspots;

/// <summary>The lifecycle of a hotspot: identified → targeted → eliminated → handed over → checked / re-emerged.</summary>
public class HotspotLifecycleTests
{
    static readonly DateOnly Today = new(2026, 6, 1);
    static int _id;

    static List<HotspotEvent> History(params (HotspotEventKind Kind, string Date, ComplexityLevel? Level)[] events) =>
        events.Select(e => new HotspotEvent { Id = ++_id, Kind = e.Kind, Date = DateOnly.Parse(e.Date), ComplexityObserved = e.Level }).ToList();

    static List<LifecycleError> Check(List<HotspotEvent> earlier, HotspotEventKind kind, string date = "2026-05-01",
        ComplexityLevel? level = null, bool item = false) =>
        HotspotLifecycle.Check(earlier, new LifecycleStep(kind, DateOnly.Parse(date), level, item), Today);

    static readonly (HotspotEventKind, string, ComplexityLevel?) Identified = (HotspotEventKind.Identified, "2024-01-10", ComplexityLevel.Complex);
    static readonly (HotspotEventKind, string, ComplexityLevel?) Targeted = (HotspotEventKind.Targeted, "2024-02-05", null);
    static readonly (HotspotEventKind, string, ComplexityLevel?) Eliminated = (HotspotEventKind.Eliminated, "2024-09-01", null);
    static readonly (HotspotEventKind, string, ComplexityLevel?) HandedOver = (HotspotEventKind.HandedOver, "2024-10-01", null);

    [Fact]
    public void The_whole_lifecycle_is_accepted_step_by_step()
    {
        var events = new List<HotspotEvent>();
        (HotspotEventKind Kind, string Date, ComplexityLevel? Level)[] steps =
        [
            Identified, Targeted, Eliminated, HandedOver,
            (HotspotEventKind.Checked, "2025-03-01", ComplexityLevel.Inactive),
            (HotspotEventKind.Checked, "2025-09-01", ComplexityLevel.Low),
            (HotspotEventKind.ReEmerged, "2025-12-01", ComplexityLevel.Active),
            (HotspotEventKind.Targeted, "2026-01-15", null),
            (HotspotEventKind.Eliminated, "2026-04-01", null),
        ];
        foreach (var s in steps)
        {
            Assert.Empty(Check(events, s.Kind, s.Date, s.Level));
            events.AddRange(History(s));
        }
        Assert.Equal((HotspotEventKind.Eliminated, ComplexityLevel.Inactive), HotspotLifecycle.Derive(events));
    }

    [Fact]
    public void Handing_over_before_elimination_is_refused_in_Vietnamese()
    {
        var errors = Check(History(Identified, Targeted), HotspotEventKind.HandedOver);
        var e = Assert.Single(errors);
        Assert.Equal("kind", e.Field);
        Assert.Equal("Không thể bàn giao khi điểm chưa được triệt xóa.", e.Message);
    }

    [Theory]
    [InlineData(HotspotEventKind.HandedOver)]
    [InlineData(HotspotEventKind.Checked)]
    [InlineData(HotspotEventKind.ReEmerged)]
    public void A_new_hotspot_cannot_start_after_its_elimination(HotspotEventKind kind) =>
        Assert.Contains(Check([], kind, level: ComplexityLevel.Low), e => e.Field == "kind");

    [Theory]
    [InlineData(HotspotEventKind.Identified)]
    [InlineData(HotspotEventKind.Targeted)]
    [InlineData(HotspotEventKind.Eliminated)]
    public void A_new_hotspot_may_start_when_it_was_found_targeted_or_eliminated(HotspotEventKind kind) =>
        Assert.Empty(Check([], kind));

    [Fact]
    public void Impossible_steps_are_refused()
    {
        Assert.Contains(Check(History(Identified), HotspotEventKind.Identified), e => e.Field == "kind");
        Assert.Contains(Check(History(Identified, Eliminated), HotspotEventKind.Eliminated), e => e.Field == "kind");
        Assert.Contains(Check(History(Identified, Eliminated, HandedOver), HotspotEventKind.HandedOver), e => e.Field == "kind");
        Assert.Contains(Check(History(Identified, Eliminated), HotspotEventKind.Targeted), e => e.Field == "kind");
        Assert.Contains(Check(History(Identified, Targeted), HotspotEventKind.ReEmerged), e => e.Field == "kind");
        Assert.Contains(Check(History(Identified), HotspotEventKind.Checked, level: ComplexityLevel.Low), e => e.Field == "kind");
    }

    [Fact]
    public void A_check_keeps_the_phase_so_a_hand_over_may_follow_a_check_before_it()
    {
        var events = History(Identified, Eliminated, (HotspotEventKind.Checked, "2024-09-15", ComplexityLevel.Inactive));
        Assert.Equal(HotspotPhase.Eliminated, HotspotLifecycle.Phase(events.Select(e => e.Kind)));
        Assert.Empty(Check(events, HotspotEventKind.HandedOver));
        Assert.Equal([HotspotEventKind.HandedOver, HotspotEventKind.Checked, HotspotEventKind.ReEmerged],
            HotspotLifecycle.Allowed(HotspotLifecycle.Phase(events.Select(e => e.Kind))));
    }

    [Fact]
    public void A_check_needs_the_level_observed()
    {
        var e = Assert.Single(Check(History(Identified, Eliminated, HandedOver), HotspotEventKind.Checked));
        Assert.Equal("complexityObserved", e.Field);
        Assert.Equal("Khi kiểm tra lại phải ghi mức độ phức tạp quan sát được.", e.Message);
    }

    [Fact]
    public void A_level_is_refused_where_nothing_is_observed()
    {
        var e = Assert.Single(Check(History(Identified), HotspotEventKind.Eliminated, level: ComplexityLevel.Low));
        Assert.Equal("complexityObserved", e.Field);
    }

    [Fact]
    public void Dates_may_not_be_in_the_future_nor_before_the_previous_event()
    {
        Assert.Contains(Check([], HotspotEventKind.Identified, "2026-06-02"), e => e.Field == "date");
        Assert.Empty(Check([], HotspotEventKind.Identified, "2026-06-01"));
        var before = Check(History(Identified, Targeted), HotspotEventKind.Eliminated, "2024-02-04");
        Assert.Equal("Ngày của sự kiện không được trước sự kiện gần nhất (05/02/2024).", Assert.Single(before).Message);
        Assert.Empty(Check(History(Identified, Targeted), HotspotEventKind.Eliminated, "2024-02-05"));
    }

    [Fact]
    public void Only_targeting_and_checks_link_to_a_plan_appendix_item()
    {
        Assert.Empty(Check(History(Identified), HotspotEventKind.Targeted, item: true));
        Assert.Empty(Check(History(Identified, Eliminated), HotspotEventKind.Checked, level: ComplexityLevel.Inactive, item: true));
        Assert.Contains(Check(History(Identified), HotspotEventKind.Eliminated, item: true), e => e.Field == "appendixItemId");
    }

    [Fact]
    public void A_re_emerged_hotspot_is_at_least_active()
    {
        Assert.Equal(ComplexityLevel.Active, HotspotLifecycle.Recorded(HotspotEventKind.ReEmerged, ComplexityLevel.Low));
        Assert.Equal(ComplexityLevel.Active, HotspotLifecycle.Recorded(HotspotEventKind.ReEmerged, null));
        Assert.Equal(ComplexityLevel.Complex, HotspotLifecycle.Recorded(HotspotEventKind.ReEmerged, ComplexityLevel.Complex));
        Assert.Equal(ComplexityLevel.Low, HotspotLifecycle.Recorded(HotspotEventKind.Checked, ComplexityLevel.Low));
    }

    [Fact]
    public void State_and_level_follow_the_events()
    {
        Assert.Equal((HotspotEventKind.Targeted, ComplexityLevel.Complex), HotspotLifecycle.Derive(History(Identified, Targeted)));
        Assert.Equal((HotspotEventKind.HandedOver, ComplexityLevel.Inactive), HotspotLifecycle.Derive(History(Identified, Eliminated, HandedOver)));
        var rising = History(Identified, Eliminated, HandedOver, (HotspotEventKind.Checked, "2025-01-01", ComplexityLevel.Low));
        Assert.Equal((HotspotEventKind.Checked, ComplexityLevel.Low), HotspotLifecycle.Derive(rising));
        // Re-emerged with a level "Ít hoạt động" observed: the event records "Có hoạt động".
        var back = rising.Concat([new HotspotEvent { Kind = HotspotEventKind.ReEmerged, Date = new(2025, 6, 1), ComplexityObserved = ComplexityLevel.Low }]);
        Assert.Equal((HotspotEventKind.ReEmerged, ComplexityLevel.Active), HotspotLifecycle.Derive(back));
        Assert.Equal((HotspotEventKind.Identified, ComplexityLevel.Active),
            HotspotLifecycle.Derive(History((HotspotEventKind.Identified, "2024-01-01", null))));
    }

    [Fact]
    public void Events_of_one_day_keep_the_order_they_were_recorded_in()
    {
        var events = History(HandedOver, Eliminated);
        events[0].Date = events[1].Date;
        Assert.Equal([HotspotEventKind.HandedOver, HotspotEventKind.Eliminated], HotspotLifecycle.InOrder(events).Select(e => e.Kind));
        events.Reverse();
        Assert.Equal([HotspotEventKind.HandedOver, HotspotEventKind.Eliminated], HotspotLifecycle.InOrder(events).Select(e => e.Kind));
    }
}

public class HotspotLifecycleUsualStepTests
{
    [Theory]
    [InlineData(HotspotPhase.New, HotspotEventKind.Identified)]
    [InlineData(HotspotPhase.Identified, HotspotEventKind.Targeted)]
    [InlineData(HotspotPhase.Targeted, HotspotEventKind.Eliminated)]
    [InlineData(HotspotPhase.Eliminated, HotspotEventKind.HandedOver)]
    [InlineData(HotspotPhase.HandedOver, HotspotEventKind.Checked)]
    [InlineData(HotspotPhase.ReEmerged, HotspotEventKind.Targeted)]
    public void The_usual_next_step_is_always_allowed(HotspotPhase phase, HotspotEventKind usual)
    {
        Assert.Equal(usual, HotspotLifecycle.Usual(phase));
        Assert.Contains(usual, HotspotLifecycle.Allowed(phase));
    }
}
