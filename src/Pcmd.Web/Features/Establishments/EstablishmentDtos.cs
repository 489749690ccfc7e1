using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments;

public sealed record EstablishmentTypeDto(int Id, string Code, string Name, EstablishmentGroup Group, bool IsActive, int Position);

public sealed record EstablishmentListItem(int Id, string Name, string Address, int TypeId, string TypeName, EstablishmentGroup Group,
    int OrgUnitId, string OrgUnitName, string? LicenceNumber, int WorkerCount, RiskClass RiskClass, ManagementStatus Status,
    bool CommitmentSigned, DateOnly? CommitmentDate);

/// <summary>A page of the list. <c>Next</c>, <c>Prev</c> and <c>Last</c> are cursors for the <c>after</c> / <c>before</c> parameters
/// (null where there is no such page); <c>Total</c> is counted on the first page and carried by them.</summary>
public sealed record EstablishmentPage(int Total, int Page, int PageSize, List<EstablishmentListItem> Items, string? Next = null,
    string? Prev = null, string? Last = null);

public sealed record EstablishmentDto(int Id, int TypeId, string TypeCode, string TypeName, EstablishmentGroup Group, string Name,
    string Address, int OrgUnitId, string OrgUnitCode, string OrgUnitName, double? Latitude, double? Longitude, string? OwnerName,
    string? OwnerPhone, string? LicenceNumber, DateOnly? LicenceDate, int WorkerCount, RiskClass RiskClass, ManagementStatus Status,
    DateOnly? ManagedFrom, DateOnly? ManagedTo, bool CommitmentSigned, DateOnly? CommitmentDate, string? Note, int Version,
    bool CanEdit);

public sealed record EstablishmentInput(string? Name, string? Address, int TypeId, int OrgUnitId, double? Latitude = null,
    double? Longitude = null, string? OwnerName = null, string? OwnerPhone = null, string? LicenceNumber = null,
    DateOnly? LicenceDate = null, int WorkerCount = 0, RiskClass RiskClass = RiskClass.Low,
    ManagementStatus Status = ManagementStatus.UnderManagement, DateOnly? ManagedFrom = null, DateOnly? ManagedTo = null,
    bool CommitmentSigned = false, DateOnly? CommitmentDate = null, string? Note = null, int Version = 0)
{
    public EstablishmentValues ToValues() => new()
    {
        Name = EstablishmentValues.Clean(Name), Address = EstablishmentValues.Clean(Address), TypeId = TypeId, OrgUnitId = OrgUnitId,
        Latitude = Latitude, Longitude = Longitude, OwnerName = EstablishmentValues.Clean(OwnerName),
        OwnerPhone = EstablishmentValues.Clean(OwnerPhone), LicenceNumber = EstablishmentValues.Clean(LicenceNumber),
        LicenceDate = LicenceDate, WorkerCount = WorkerCount, RiskClass = RiskClass, Status = Status, ManagedFrom = ManagedFrom,
        ManagedTo = ManagedTo, CommitmentSigned = CommitmentSigned, CommitmentDate = CommitmentDate, Note = EstablishmentValues.Clean(Note),
    };
}

/// <summary>The filters of the list, the exports and the list page (all optional). <see cref="Type"/> is a type
/// code; <see cref="Q"/> searches name, address and licence number (owner data is encrypted and not searchable).</summary>
public sealed record EstablishmentFilter(int? Unit = null, string? Type = null, EstablishmentGroup? Group = null,
    ManagementStatus? Status = null, RiskClass? Risk = null, bool? Commitment = null, string? Q = null, string? Sort = null)
{
    public static readonly string[] Sorts = ["name", "newest", "unit"];

    /// <summary>The query string of these filters, for links that keep them (export, next page).</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string k, object? v) { if (v is not null && v.ToString() is { Length: > 0 } s) parts.Add(k + "=" + Uri.EscapeDataString(s)); }
        Add("unit", Unit); Add("type", Type); Add("group", Group); Add("status", Status); Add("risk", Risk);
        Add("commitment", Commitment?.ToString().ToLowerInvariant()); Add("q", Q); Add("sort", Sort);
        return string.Join("&", parts);
    }
}

/// <summary>Who keeps the registry: the commune's People's Committee and the coordinating agency (Nghị định
/// 178/2004 art. 3; KH 46/KH-UBND §5.1.b); inspectors record inspections of it but do not edit it.</summary>
public static class EstablishmentAccess
{
    public static bool CanWrite(UserScope scope) =>
        scope.Can(Permission.ManageRegistries) && (scope.IsGlobal || scope.IsInRole(Roles.Coordinator) || scope.IsInRole(Roles.CommuneOfficer));

    public static bool CanWrite(UserScope scope, int unitId) => CanWrite(scope) && scope.CanWriteUnit(unitId);

    /// <summary>Why this unit cannot be the commune of a new or moved establishment, or null when it can.</summary>
    public static string? CommuneProblem(OrgUnitTree.Node? unit, UserScope scope, DateOnly today) => unit switch
    {
        null => "Không có xã/phường này.",
        { Level: not OrgUnitLevel.Commune } => $"{unit.Name} không phải đơn vị cấp xã/phường.",
        _ when !(unit.ValidFrom is null || unit.ValidFrom <= today) || !(unit.ValidTo is null || today <= unit.ValidTo) =>
            $"{unit.Name} ({unit.Code}) không còn hiệu lực (đã sắp xếp lại); hãy chọn xã/phường hiện nay.",
        _ when !scope.CanWriteUnit(unit.Id) => $"{unit.Name} ({unit.Code}) nằm ngoài phạm vi bạn được giao.",
        _ => null,
    };
}
