using Pcmd.Web.Shared;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Support.Pages;

/// <summary>What the new-case form posts.</summary>
public sealed class OpenCaseForm
{
    public int? OrgUnitId { get; set; }
    public TargetGroup? TargetGroup { get; set; } = Support.TargetGroup.SexWorker;
    public string? OpenedOn { get; set; }
    public bool Consented { get; set; }
    public ConsentMethod? Method { get; set; } = ConsentMethod.Verbal;
    public string? Name { get; set; }
    public string? BirthYear { get; set; }
    public string? Phone { get; set; }
    public string? Residence { get; set; }

    /// <summary>Identity typed without the box "agreed to being recorded" ticked is sent, so the service refuses it (nothing kept).</summary>
    public OpenCaseInput ToInput()
    {
        var openedOn = DateInput.OptionalOrThrow(OpenedOn, "openedOn");
        return new(OrgUnitId, TargetGroup, openedOn, null,
        Consented ? new ConsentInput(ConsentKind.Recorded, openedOn, Method) : null,
        new IdentityInput(Name, BirthYear, Phone, Residence));
    }
}

/// <summary>The small forms of the case page: each posts the case's version it was drawn at.</summary>
public sealed class CaseActionForm
{
    public int Version { get; set; }
    public string? Date { get; set; }
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
    public string? FollowUpOn { get; set; }
    public int? ReferralId { get; set; }
    public ReferralOutcome? Outcome { get; set; }
    public string? SupervisorId { get; set; }

    /// <summary>The typed dates, read day first (a wrong one is refused, by field, before anything is saved).</summary>
    public DateOnly? DateValue() => DateInput.OptionalOrThrow(Date, "date");
    public DateOnly? FollowUpValue() => DateInput.OptionalOrThrow(FollowUpOn, "followUpOn");
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
