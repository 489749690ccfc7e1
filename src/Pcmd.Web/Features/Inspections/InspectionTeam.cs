using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Inspections;

public enum TeamKind
{
    /// <summary>Đội kiểm tra liên ngành 178 (Nghị định 178/2004 art. 12), at city or commune level.</summary>
    Interagency178,
    /// <summary>Teams for karaoke and dance clubs, and others a locality sets up.</summary>
    KaraokeDance,
    Other,
}

public class InspectionTeam : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public TeamKind Kind { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>The interagency body in the agency catalogue, where there is one.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    public List<TeamMember> Members { get; set; } = [];
}

/// <summary>TT 05/2006/TT-BLĐTBXH: a leader, 1–2 deputies and members from several agencies, each with an
/// inspection card. The member's name is a person's name: encrypted at rest.</summary>
public enum TeamRole { Leader, Deputy, Member }

public class TeamMember
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public string FullName { get; set; } = "";
    public TeamRole Role { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string? CardNumber { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A decree that sets administrative sanctions, kept as data with its validity (167/2013, 144/2021,
/// 282/2025 from 15/12/2025…): a sanction may only cite a decree in force on the inspection date.</summary>
public class Decree
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool InForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

public class ViolationType
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

/// <summary>Which establishments a team plans to inspect, and when.</summary>
public class InspectionPlan : IVersioned
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public InspectionTeam? Team { get; set; }
    public string Title { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int Version { get; set; }
    public List<InspectionPlanItem> Items { get; set; } = [];
}

public class InspectionPlanItem
{
    public int Id { get; set; }
    public int InspectionPlanId { get; set; }
    public int EstablishmentId { get; set; }
    public DateOnly? PlannedOn { get; set; }
}
