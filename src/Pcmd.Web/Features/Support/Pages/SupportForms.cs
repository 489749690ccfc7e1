using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Support.Pages;

/// <summary>What the new-case form posts.</summary>
public sealed class OpenCaseForm
{
    public int? OrgUnitId { get; set; }
    public TargetGroup? TargetGroup { get; set; } = Support.TargetGroup.SexWorker;
    public DateOnly? OpenedOn { get; set; }
    public bool Consented { get; set; }
    public ConsentMethod? Method { get; set; } = ConsentMethod.Verbal;
    public string? Name { get; set; }
    public string? BirthYear { get; set; }
    public string? Phone { get; set; }
    public string? Residence { get; set; }

    /// <summary>Identity typed without the box "agreed to being recorded" ticked is sent, so the service refuses it (nothing kept).</summary>
    public OpenCaseInput ToInput() => new(OrgUnitId, TargetGroup, OpenedOn, null,
        Consented ? new ConsentInput(ConsentKind.Recorded, OpenedOn, Method) : null,
        new IdentityInput(Name, BirthYear, Phone, Residence));
}

/// <summary>The small forms of the case page: each posts the case's version it was drawn at.</summary>
public sealed class CaseActionForm
{
    public int Version { get; set; }
    public DateOnly? Date { get; set; }
    public ConsentKind? Kind { get; set; }
    public ConsentMethod? Method { get; set; }
    public int? ProviderId { get; set; }
    public int? ConsentId { get; set; }
    public CaseNoteKind? NoteKind { get; set; }
    public string? Text { get; set; }
    public ClosureReason? Reason { get; set; }
    public ContactChannel? Channel { get; set; }
    public List<ContactGiven> Given { get; set; } = [];
    public string? Name { get; set; }
    public string? BirthYear { get; set; }
    public string? Phone { get; set; }
    public string? Residence { get; set; }
    public int? NeedKindId { get; set; }
    public int? ServiceId { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public int? ReferralId { get; set; }
    public ReferralOutcome? Outcome { get; set; }
    public string? SupervisorId { get; set; }
}

/// <summary>Communes where the user may open a case (their writable area, today's communes first).</summary>
public static class SupportUnits
{
    public static async Task<List<(int Id, string Name)>> Writable(UserScope scope, OrgUnitTree tree)
    {
        var all = await tree.All();
        return all.Where(n => n.Level == OrgUnitLevel.Commune && scope.CanWriteUnit(n.Id) && n.ValidTo is null)
            .OrderBy(n => n.Name, Shared.VietnameseText.Comparer).Select(n => (n.Id, n.Name)).Take(500).ToList();
    }
}
