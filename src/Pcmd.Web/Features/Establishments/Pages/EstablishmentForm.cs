using Pcmd.Web.Shared;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments.Pages;

/// <summary>What the establishment form posts (static server rendering binds it by field name).</summary>
public sealed class EstablishmentForm
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public int? TypeId { get; set; }
    public int? OrgUnitId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerPhone { get; set; }
    public string? LicenceNumber { get; set; }
    public string? LicenceDate { get; set; }
    public int WorkerCount { get; set; }
    public RiskClass RiskClass { get; set; }
    public ManagementStatus Status { get; set; } = ManagementStatus.UnderManagement;
    public string? ManagedFrom { get; set; }
    public string? ManagedTo { get; set; }
    public bool CommitmentSigned { get; set; }
    public string? CommitmentDate { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public EstablishmentInput ToInput() => new(Name, Address, TypeId ?? 0, OrgUnitId ?? 0, Latitude, Longitude, OwnerName, OwnerPhone,
        LicenceNumber, DateInput.OptionalOrThrow(LicenceDate, "licenceDate"), WorkerCount, RiskClass, Status,
        DateInput.OptionalOrThrow(ManagedFrom, "managedFrom"), DateInput.OptionalOrThrow(ManagedTo, "managedTo"), CommitmentSigned, DateInput.OptionalOrThrow(CommitmentDate, "commitmentDate"), Note, Version);

    public static EstablishmentForm From(EstablishmentDto e) => new()
    {
        Name = e.Name, Address = e.Address, TypeId = e.TypeId, OrgUnitId = e.OrgUnitId, Latitude = e.Latitude, Longitude = e.Longitude,
        OwnerName = e.OwnerName, OwnerPhone = e.OwnerPhone, LicenceNumber = e.LicenceNumber, LicenceDate = DateInput.Text(e.LicenceDate),
        WorkerCount = e.WorkerCount, RiskClass = e.RiskClass, Status = e.Status, ManagedFrom = DateInput.Text(e.ManagedFrom), ManagedTo = DateInput.Text(e.ManagedTo),
        CommitmentSigned = e.CommitmentSigned, CommitmentDate = DateInput.Text(e.CommitmentDate), Note = e.Note, Version = e.Version,
    };
}

/// <summary>The choices of the form: active types, and the current communes the user may record in (plus the record's
/// own commune when it has since been merged, so that an edit can keep it).</summary>
public sealed class EstablishmentChoices
{
    public List<EstablishmentTypeDto> Types { get; init; } = [];
    public List<OrgUnitTree.Node> Communes { get; init; } = [];

    public static async Task<EstablishmentChoices> Load(UserScope scope, EstablishmentService service, OrgUnitTree tree, EstablishmentDto? current = null)
    {
        var communes = await service.WritableCommunes(scope);
        if (current is not null && communes.All(c => c.Id != current.OrgUnitId) && await tree.Find(current.OrgUnitId) is { } own)
            communes.Insert(0, own);
        var types = (await service.Types()).Where(t => t.IsActive || t.Id == current?.TypeId).ToList();
        return new EstablishmentChoices { Types = types, Communes = communes };
    }
}
