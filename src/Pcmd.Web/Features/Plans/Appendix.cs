using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

public enum AppendixKind { Hotspots, Communes, Other }

/// <summary>Mức độ phức tạp, as in the appendices of the 2024 plan.</summary>
public enum ComplexityLevel { Complex, Active, Low, Inactive }

public class Appendix
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public AppendixKind Kind { get; set; }
    public List<AppendixItem> Items { get; set; } = [];
}

public class AppendixItem
{
    public int Id { get; set; }
    public int AppendixId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>As printed in the plan, kept even where the unit is resolved.</summary>
    public string? UnitName { get; set; }
    public ComplexityLevel? Complexity { get; set; }
    /// <summary>"maintain" (duy trì), "new" (áp dụng mới) or another code the plan uses.</summary>
    public string? Status { get; set; }
    [MultiLine] public string? Note { get; set; }
}

public enum ReportKind { Semiannual, Annual, Quarterly, Monthly, Adhoc, Final }

/// <summary>When units report and, where a level consolidates, when it sends upward.</summary>
public class ReportScheduleEntry
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public ReportKind Kind { get; set; }
    public int? DueDay { get; set; }
    public int? DueMonth { get; set; }
    public int? ConsolidationDueDay { get; set; }
    public int? ConsolidationDueMonth { get; set; }
    public int? RecipientAgencyId { get; set; }
    public Agency? RecipientAgency { get; set; }
    [MultiLine] public string? Note { get; set; }
}
