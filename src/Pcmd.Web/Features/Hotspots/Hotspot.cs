using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Hotspots;

public enum HotspotKind { InEstablishment, PublicPlace }

/// <summary>An điểm / tụ điểm phức tạp về tệ nạn mại dâm. Its state is the outcome of its dated events.</summary>
[Data.CountedInItsUnit]
public class Hotspot : IVersioned, ISearchable
{
    public int Id { get; set; }
    /// <summary>Name and description folded for the site-wide search (Shared/SearchFold); derived, stored with every write.</summary>
    public string SearchText { get => SearchFold.Of(Name, Description); private set { } }
    public HotspotKind Kind { get; set; }
    public int? EstablishmentId { get; set; }
    public string Name { get; set; } = "";
    [MultiLine] public string? Description { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The level last observed (from the latest event that observed one).</summary>
    public ComplexityLevel Complexity { get; set; }
    /// <summary>The latest lifecycle event's kind: identified → targeted → eliminated → handed over → checked / re-emerged.</summary>
    public HotspotEventKind State { get; set; }
    public int Version { get; set; }
    public List<HotspotEvent> Events { get; set; } = [];
}

public enum HotspotEventKind { Identified, Targeted, Eliminated, HandedOver, Checked, ReEmerged }

/// <summary>One dated step of a hotspot's life: triệt xóa → bàn giao cho địa phương → duy trì, kiểm tra lại;
/// re-emergence must be caught.</summary>
[Data.CountedInItsUnit]
public class HotspotEvent
{
    public int Id { get; set; }
    public int HotspotId { get; set; }
    public DateOnly Date { get; set; }
    public HotspotEventKind Kind { get; set; }
    public ComplexityLevel? ComplexityObserved { get; set; }
    /// <summary>The plan appendix row that targets the hotspot (Phụ lục II/III of the 2024 plan).</summary>
    public int? AppendixItemId { get; set; }
    [MultiLine] public string? Note { get; set; }
}
