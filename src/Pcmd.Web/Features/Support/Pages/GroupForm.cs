using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support.Pages;

/// <summary>What the group pages' forms post (each the group's version it was drawn at); dates typed day first.</summary>
public sealed class GroupForm
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public GroupKind? Kind { get; set; } = GroupKind.PeerGroup;
    public int? OrgUnitId { get; set; }
    public int? FacilitatorAgencyId { get; set; }
    public string? StartedOn { get; set; }
    public string? Date { get; set; }
    public string? CaseCode { get; set; }
    public int? MembershipId { get; set; }
    public string? Topic { get; set; }
    /// <summary>Codes of the members present, separated by commas or spaces.</summary>
    public string? AttendeeCodes { get; set; }
    public int? AnonymousAttendees { get; set; }

    public GroupInput ToGroup(DateOnly? closedOn = null) =>
        new(Name, Kind, OrgUnitId, DateInput.OptionalOrThrow(StartedOn, "startedOn"), FacilitatorAgencyId, closedOn, Version);

    public DateOnly? DateValue() => DateInput.OptionalOrThrow(Date, "date");

    public List<string> Codes() =>
        (AttendeeCodes ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
}
