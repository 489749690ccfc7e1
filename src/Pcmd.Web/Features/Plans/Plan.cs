using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

public enum PlanLevel { National, City, District, Commune, Agency }

/// <summary>A Kế hoạch. Its children are saved and replaced with it; <see cref="Version"/> guards the
/// whole aggregate, so two people editing any part of one plan cannot overwrite each other.</summary>
public class Plan : IVersioned
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public PlanLevel Level { get; set; }
    public int IssuingUnitId { get; set; }
    public OrgUnit? IssuingUnit { get; set; }
    public int? IssuingAgencyId { get; set; }
    public Agency? IssuingAgency { get; set; }
    public int? CoordinatingAgencyId { get; set; }
    public Agency? CoordinatingAgency { get; set; }
    public int PeriodFrom { get; set; }
    public int PeriodTo { get; set; }
    public int? ParentId { get; set; }
    public Plan? Parent { get; set; }
    /// <summary>Căn cứ: one line per document.</summary>
    [MultiLine] public List<string> LegalBasis { get; set; } = [];
    public int Version { get; set; }

    public List<PlanObjective> Objectives { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<Appendix> Appendices { get; set; } = [];
    public List<ReportScheduleEntry> ReportSchedule { get; set; } = [];

    /// <summary>Org-unit codes in a plan file are resolved on this day (docs/plan-file.md).</summary>
    public DateOnly ReferenceDay => new(PeriodFrom, 1, 1);
}

public enum ObjectiveKind { General, Specific }

public class PlanObjective
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public ObjectiveKind Kind { get; set; }
    [MultiLine] public string Text { get; set; } = "";
}

public enum AssignmentRole { Lead, Cooperating }

/// <summary>An agency's part in an indicator or a task. <see cref="Requested"/> marks a body the plan
/// can only ask ("đề nghị"): the Front, courts and procuracy are not under the People's Committee.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? IndicatorId { get; set; }
    public int? TaskId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public AssignmentRole Role { get; set; }
    public bool Requested { get; set; }
    public int Position { get; set; }
}
