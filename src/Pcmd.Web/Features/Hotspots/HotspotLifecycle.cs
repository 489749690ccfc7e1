using Pcmd.Web.Features.Plans;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Hotspots;

/// <summary>Where a hotspot stands in its life, from its events: the appendices of the 2024 plan list hotspots
/// "cần triệt xóa" (to eliminate) and "đã triệt xóa, duy trì không để tái hoạt động" (eliminated, kept from
/// coming back), and the plan asks that any re-emergence be caught and dealt with again.</summary>
public enum HotspotPhase
{
    /// <summary>No event yet.</summary>
    New,
    Identified,
    Targeted,
    /// <summary>Eliminated, not yet handed over to the locality (checks may already happen).</summary>
    Eliminated,
    /// <summary>Handed over to the locality, which keeps it from re-emerging (checks keep this phase).</summary>
    HandedOver,
    ReEmerged,
}

/// <summary>A proposed event, checked against the events before it.</summary>
public sealed record LifecycleStep(HotspotEventKind Kind, DateOnly Date, ComplexityLevel? Observed, bool LinksAppendixItem);

public sealed record LifecycleError(string Field, string Message);

/// <summary>The rules of a hotspot's lifecycle, pure so that they are tested on their own:
/// identified → targeted → eliminated → handed over → checked (repeatable, with the level observed); re-emerged
/// after elimination, then targeted or eliminated again.</summary>
public static class HotspotLifecycle
{
    /// <summary>The earliest date an event may carry: PCMD holds the programme's records, not older archives.</summary>
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    /// <summary>The level a new hotspot has until an event observes one: a hotspot is recorded because it is active.</summary>
    public const ComplexityLevel DefaultLevel = ComplexityLevel.Active;

    public static HotspotPhase Phase(IEnumerable<HotspotEventKind> kinds)
    {
        var phase = HotspotPhase.New;
        foreach (var k in kinds) phase = Next(phase, k);
        return phase;
    }

    static HotspotPhase Next(HotspotPhase phase, HotspotEventKind kind) => kind switch
    {
        HotspotEventKind.Identified => HotspotPhase.Identified,
        HotspotEventKind.Targeted => HotspotPhase.Targeted,
        HotspotEventKind.Eliminated => HotspotPhase.Eliminated,
        HotspotEventKind.HandedOver => HotspotPhase.HandedOver,
        HotspotEventKind.ReEmerged => HotspotPhase.ReEmerged,
        _ => phase, // a check keeps the phase it was made in
    };

    /// <summary>Why the step cannot follow the earlier events (in date order); empty when it can.</summary>
    public static List<LifecycleError> Check(IReadOnlyList<HotspotEvent> earlier, LifecycleStep step, DateOnly today)
    {
        var errors = new List<LifecycleError>();
        if (!Enum.IsDefined(step.Kind))
        {
            errors.Add(new("kind", "Loại sự kiện không hợp lệ."));
            return errors;
        }
        if (step.Date > today) errors.Add(new("date", "Ngày của sự kiện không được ở tương lai."));
        else if (step.Date < Earliest) errors.Add(new("date", "Ngày của sự kiện không hợp lệ (trước năm 1990)."));
        if (earlier.Count > 0 && step.Date < earlier[^1].Date)
            errors.Add(new("date", $"Ngày của sự kiện không được trước sự kiện gần nhất ({ViFormat.Date(earlier[^1].Date)})."));

        var phase = Phase(earlier.Select(e => e.Kind));
        if (Refusal(phase, step.Kind) is { } refusal) errors.Add(new("kind", refusal));

        if (step.Observed is { } level && !Enum.IsDefined(level)) errors.Add(new("complexityObserved", "Mức độ phức tạp không hợp lệ."));
        else if (step.Kind == HotspotEventKind.Checked && step.Observed is null)
            errors.Add(new("complexityObserved", "Khi kiểm tra lại phải ghi mức độ phức tạp quan sát được."));
        else if (step.Observed is not null && step.Kind is HotspotEventKind.Targeted or HotspotEventKind.Eliminated or HotspotEventKind.HandedOver)
            errors.Add(new("complexityObserved", "Chỉ ghi mức độ phức tạp khi phát hiện, kiểm tra lại hoặc tái hoạt động."));

        if (step.LinksAppendixItem && step.Kind is not (HotspotEventKind.Targeted or HotspotEventKind.Checked))
            errors.Add(new("appendixItemId", "Chỉ liên kết với mục phụ lục của kế hoạch khi đưa vào kế hoạch triệt xóa hoặc kiểm tra lại."));
        return errors;
    }

    /// <summary>The step a hotspot usually takes next, offered first by the form.</summary>
    public static HotspotEventKind Usual(HotspotPhase phase) => phase switch
    {
        HotspotPhase.New => HotspotEventKind.Identified,
        HotspotPhase.Identified or HotspotPhase.ReEmerged => HotspotEventKind.Targeted,
        HotspotPhase.Targeted => HotspotEventKind.Eliminated,
        HotspotPhase.Eliminated => HotspotEventKind.HandedOver,
        _ => HotspotEventKind.Checked,
    };

    /// <summary>The kinds of event that may come next, for the form.</summary>
    public static List<HotspotEventKind> Allowed(HotspotPhase phase) =>
        Enum.GetValues<HotspotEventKind>().Where(k => Refusal(phase, k) is null).ToList();

    static string? Refusal(HotspotPhase phase, HotspotEventKind kind) => kind switch
    {
        HotspotEventKind.Identified when phase != HotspotPhase.New =>
            "Điểm đã được ghi nhận; sự kiện phát hiện chỉ có thể là sự kiện đầu tiên.",
        HotspotEventKind.Targeted when phase is HotspotPhase.Eliminated or HotspotPhase.HandedOver =>
            "Không thể đưa vào kế hoạch triệt xóa khi điểm đã được triệt xóa; nếu điểm hoạt động trở lại, hãy ghi nhận tái hoạt động trước.",
        HotspotEventKind.Eliminated when phase is HotspotPhase.Eliminated or HotspotPhase.HandedOver =>
            "Điểm đã được triệt xóa; nếu điểm hoạt động trở lại, hãy ghi nhận tái hoạt động trước.",
        HotspotEventKind.HandedOver when phase == HotspotPhase.HandedOver =>
            "Điểm đã được bàn giao cho địa phương.",
        HotspotEventKind.HandedOver when phase != HotspotPhase.Eliminated =>
            "Không thể bàn giao khi điểm chưa được triệt xóa.",
        HotspotEventKind.Checked when phase is not (HotspotPhase.Eliminated or HotspotPhase.HandedOver) =>
            "Chỉ kiểm tra lại điểm đã được triệt xóa hoặc đã bàn giao cho địa phương.",
        HotspotEventKind.ReEmerged when phase is not (HotspotPhase.Eliminated or HotspotPhase.HandedOver) =>
            "Không thể ghi nhận tái hoạt động khi điểm chưa được triệt xóa.",
        _ => null,
    };

    /// <summary>The level the event records: a re-emerged hotspot is at least "Có hoạt động", whatever was observed.</summary>
    public static ComplexityLevel? Recorded(HotspotEventKind kind, ComplexityLevel? observed) =>
        kind == HotspotEventKind.ReEmerged
            ? observed is { } o && o <= ComplexityLevel.Active ? o : ComplexityLevel.Active
            : observed;

    /// <summary>The hotspot's state (the latest event) and level (the latest level observed; an elimination ends all
    /// activity until a check or a re-emergence says otherwise).</summary>
    public static (HotspotEventKind State, ComplexityLevel Complexity) Derive(IEnumerable<HotspotEvent> eventsInOrder)
    {
        var state = HotspotEventKind.Identified;
        var level = DefaultLevel;
        foreach (var e in eventsInOrder)
        {
            state = e.Kind;
            if (e.Kind == HotspotEventKind.Eliminated) level = ComplexityLevel.Inactive;
            if (Recorded(e.Kind, e.ComplexityObserved) is { } l) level = l;
        }
        return (state, level);
    }

    /// <summary>Events in the order they happened: by date, then in the order they were recorded.</summary>
    public static List<HotspotEvent> InOrder(IEnumerable<HotspotEvent> events) => events.OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();
}
