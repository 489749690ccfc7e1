using Pcmd.Web.Shared;
namespace Pcmd.Web.Features.Plans;

public enum TimingKind { Unspecified, Recurring, Due, Period }

public enum Frequency { Ongoing, Monthly, Quarterly, Semiannual, Yearly }

/// <summary>A Nhiệm vụ, numbered as in the plan (5.2.b).</summary>
public class PlanTask
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Position { get; set; }
    public string Number { get; set; } = "";
    public string? Section { get; set; }
    [MultiLine] public string Text { get; set; } = "";
    public TimingKind TimingKind { get; set; }
    public Frequency? Frequency { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary>A recurring obligation's month and day in each year ("trong tháng 01 hằng năm": month 1, no day = the
    /// month's last day), for "Nhiệm vụ của tôi" (issue 16, item 4).</summary>
    public int? DueMonth { get; set; }
    public int? DueDay { get; set; }
    /// <summary>The plan's own wording ("Thường xuyên", "Quý III/2026").</summary>
    [MultiLine] public string? TimingText { get; set; }
    public List<Assignment> Assignments { get; set; } = [];
}
