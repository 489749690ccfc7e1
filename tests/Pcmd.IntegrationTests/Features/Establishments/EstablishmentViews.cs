namespace Pcmd.IntegrationTests.Features.Establishments;

// What the establishment endpoints answer, as the tests read it; risk classes, statuses and dates stay the strings on the wire.

/// <summary>An establishment as GET /api/v1/establishments/{id} answers it.</summary>
public sealed record EstablishmentView(int Id, int Version, int TypeId, string Name, string OrgUnitName, string? OwnerName, string? OwnerPhone,
    string? LicenceDate, string RiskClass, string Status, bool CommitmentSigned, double? Latitude, bool CanEdit);

/// <summary>An establishment in the list.</summary>
public sealed record EstablishmentRow(int Id, string Name);

public sealed record EstablishmentPageView(int Total, int Page, List<EstablishmentRow> Items);

public sealed record EstablishmentTypeView(int Id, string Code, string Group);

/// <summary>An import job (GET /api/v1/establishments/import/{jobId}): its state, counts and the problems by row and column.</summary>
public sealed record JobView(string State, int Total, int Accepted, int Rejected, string? Message, List<JobRowView> Rows)
{
    /// <summary>The job's problems as (row, column, message).</summary>
    public List<(int? Row, string? Column, string Message)> Problems() => Rows.Select(r => (r.Row, r.Column, r.Message)).ToList();
}

public sealed record JobRowView(int? Row, string? Column, string Message);

public sealed record JobAccepted(string JobId);
