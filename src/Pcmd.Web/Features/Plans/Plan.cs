using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

public enum PlanLevel { National, City, District, Commune, Agency }

/// <summary>How much of the issue date is known: a draft or a copy may say only "ngày … tháng 5 năm 2021" or "năm 2021".</summary>
public enum DatePrecision { Day, Month, Year }

/// <summary>A Kế hoạch. Its children are saved and replaced with it; <see cref="Version"/> guards the
/// whole aggregate, so two people editing any part of one plan cannot overwrite each other.</summary>
public class Plan : IVersioned
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>Null: the whole date is known. Month/Year: <see cref="IssuedOn"/> is the first day of the month or year.</summary>
    public DatePrecision? IssuedPrecision { get; set; }
    public PlanLevel Level { get; set; }
    public int IssuingUnitId { get; set; }
    public OrgUnit? IssuingUnit { get; set; }
    public int? IssuingAgencyId { get; set; }
    public Agency? IssuingAgency { get; set; }
    public int? CoordinatingAgencyId { get; set; }
    public Agency? CoordinatingAgency { get; set; }
    /// <summary>The body that consolidates the units' reports when the plan names one other than the coordinating agency.</summary>
    public int? ConsolidatingAgencyId { get; set; }
    /// <summary>Who receives the plan's consolidated reports (the People's Committee, the steering committee, the
    /// provincial department), in the plan's order (issue 16, item 3).</summary>
    public List<int> ReportRecipientIds { get; set; } = [];
    /// <summary>Bodies the plan can only request ("đề nghị": procuracy, court, Fatherland Front, unions) report like the
    /// others only when the plan says so; otherwise they are shown as requested and not counted.</summary>
    public bool RequestedBodiesReport { get; set; }

    /// <summary>The agency that consolidates: named, else the coordinating agency, else the issuer.</summary>
    public int? ConsolidatorId => ConsolidatingAgencyId ?? CoordinatingAgencyId ?? IssuingAgencyId;
    public int PeriodFrom { get; set; }
    public int PeriodTo { get; set; }
    public int? ParentId { get; set; }
    public Plan? Parent { get; set; }
    /// <summary>Căn cứ: one line per document.</summary>
    [MultiLine] public List<string> LegalBasis { get; set; } = [];
    /// <summary>Mục đích and Yêu cầu (section I of a plan), one paragraph per line, as written.</summary>
    [MultiLine] public List<string> Purpose { get; set; } = [];
    [MultiLine] public List<string> Requirements { get; set; } = [];
    /// <summary>The signature block (Nghị định 30/2020, Phụ lục I): the lines of the form of authority ("TM. Ủy ban nhân
    /// dân", "KT. Chủ tịch"), the signer's title and name.</summary>
    public List<string> SignerForm { get; set; } = [];
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }
    /// <summary>Nơi nhận, one line each, ending "Lưu: VT".</summary>
    public List<string> Recipients { get; set; } = [];
    /// <summary>A parent plan not (yet) in PCMD, as the plan cites it; linked to <see cref="ParentId"/> when it is entered.</summary>
    public string? ParentNumber { get; set; }
    public DateOnly? ParentIssuedOn { get; set; }
    public string? ParentIssuer { get; set; }
    public int Version { get; set; }

    public List<PlanObjective> Objectives { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<Appendix> Appendices { get; set; } = [];
    public List<ReportScheduleEntry> ReportSchedule { get; set; } = [];
    /// <summary>The <i>Kinh phí</i> lines read from a plan file, on their way to the Budget feature (<see cref="IPlanBudget"/>);
    /// not mapped: the budget is stored by that feature.</summary>
    public List<PlanBudgetLine> BudgetFromFile { get; set; } = [];

    /// <summary>The document's own parts (issue 16), when a plan is replaced from its file.</summary>
    public void CopyDocumentFrom(Plan p)
    {
        (IssuedPrecision, Purpose, Requirements, SignerForm, SignerTitle, SignerName, Recipients) =
            (p.IssuedPrecision, p.Purpose, p.Requirements, p.SignerForm, p.SignerTitle, p.SignerName, p.Recipients);
        (ParentNumber, ParentIssuedOn, ParentIssuer) = (p.ParentNumber, p.ParentIssuedOn, p.ParentIssuer);
        (ConsolidatingAgencyId, ReportRecipientIds, RequestedBodiesReport) = (p.ConsolidatingAgencyId, p.ReportRecipientIds, p.RequestedBodiesReport);
    }

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
