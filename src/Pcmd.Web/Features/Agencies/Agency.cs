using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Agencies;

public enum AgencyKind
{
    PeoplesCommittee,
    Department,
    Police,
    Court,
    Procuracy,
    MassOrganisation,
    Press,
    Bank,
    CommuneUnit,
    /// <summary>Ban chỉ đạo, Tổ công tác liên ngành, Đội kiểm tra liên ngành 178, Đội CTXH tình nguyện.</summary>
    InteragencyBody,
    /// <summary>A group a plan addresses as one ("UBND các xã, phường"); its members are the real bodies.</summary>
    Collective,
    Other,
}

/// <summary>A body that takes part in the programme; belongs to an org unit.</summary>
public class Agency : IVersioned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public AgencyKind Kind { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>Who took over the agency's work when it was dissolved or merged (the 2025 reform: Sở LĐTBXH's social-evils
    /// work → Sở Y tế; a ward's bodies → those of the new ward); null when none did or it is still in place.</summary>
    public int? SuccessorId { get; set; }
    public Agency? Successor { get; set; }
    public int Version { get; set; }
    public List<AgencyMembership> Members { get; set; } = [];
}

/// <summary>Membership of an agency in an interagency body or a collective.</summary>
public class AgencyMembership
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Agency? Body { get; set; }
    public int MemberId { get; set; }
    public Agency? Member { get; set; }
}
