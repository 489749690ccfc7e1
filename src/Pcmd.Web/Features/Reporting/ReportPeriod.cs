using Pcmd.Web.Shared;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A Kỳ báo cáo of one plan: the data window it covers (Nghị định 09/2019/NĐ-CP art. 12 unless changed), the day
/// the units report by and, where the plan's level consolidates and sends upward, the later day for that.</summary>
public class ReportPeriod : IVersioned, ISearchable
{
    public int Id { get; set; }
    /// <summary>The title folded for the site-wide search (Shared/SearchFold); derived, stored with every write.</summary>
    public string SearchText { get => SearchFold.Of(Title); private set { } }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public ReportKind Kind { get; set; }
    public int Year { get; set; }
    /// <summary>1 for a six-monthly, yearly or final report; the quarter, the month, or the running number of an ad hoc request.</summary>
    public int Sequence { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DataFrom { get; set; }
    public DateOnly DataTo { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ConsolidationDueOn { get; set; }
    /// <summary>An ad hoc request's questions; each report answers them in order.</summary>
    public List<string> Questions { get; set; } = [];
    public DateTime OpenedAt { get; set; }
    public string? OpenedBy { get; set; }
    public int Version { get; set; }
    public List<Report> Reports { get; set; } = [];
}
