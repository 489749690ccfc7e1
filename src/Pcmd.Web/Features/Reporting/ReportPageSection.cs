namespace Pcmd.Web.Features.Reporting;

/// <summary>A part another feature adds to a report's page, below its sections, in the form and in the consolidated report (the
/// budget of the report's year, the year's commendations). The component receives the report as its <c>Form</c> parameter
/// (<see cref="ReportForm"/>) and writes its own heading, or nothing when it has nothing to show.</summary>
public sealed record ReportPageSection(Type Component, int Order = 0);
