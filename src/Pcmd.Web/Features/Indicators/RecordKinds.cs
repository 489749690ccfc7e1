using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Indicators;

/// <summary>Which registers each computation reads. A computation declaring none cannot be cached safely: the unit tests fail
/// for it, and for one whose SQL reads a table of a kind it does not declare.</summary>
public static class RecordKinds
{
    /// <summary>The kind of an entity type (kept with the generations, in Data, so that writers need not see Indicators).</summary>
    public static RecordKind? OfEntity(Type clrType) => FigureGenerations.KindOf(clrType);

    /// <summary>The registers of records: a write to one changes only the figures of the computations that read it.</summary>
    static readonly RecordKind[] Registers =
    [
        RecordKind.Establishments, RecordKind.Inspections, RecordKind.Hotspots, RecordKind.Tips, RecordKind.Support, RecordKind.Enforcement,
        RecordKind.Communication, RecordKind.Training, RecordKind.UnitDocuments, RecordKind.CommuneModel,
    ];

    /// <summary>What anything made from one computation's figures and the plans around them (targets, bindings, units, agencies)
    /// is kept under: every kind but the registers the computation does not read.</summary>
    public static RecordKind[] AroundFiguresOf(Computation c) =>
        [.. Enum.GetValues<RecordKind>().Where(k => !Registers.Contains(k) || Of(c).Contains(k))];

    public static RecordKind[] Of(Computation c) => c switch
    {
        Computation.InspectedShare or Computation.HighRiskInspectedShare or Computation.EstablishmentsInspected
            => [RecordKind.OrgUnits, RecordKind.Establishments, RecordKind.Inspections],
        Computation.CommitmentShare or Computation.CommitmentCount => [RecordKind.OrgUnits, RecordKind.Establishments],
        Computation.InspectionCount or Computation.PeopleInformed => [RecordKind.OrgUnits, RecordKind.Inspections],
        Computation.HotspotsEliminated or Computation.HotspotsReEmerged or Computation.NewHotspots => [RecordKind.OrgUnits, RecordKind.Hotspots],
        Computation.SupportReachedShare or Computation.OutreachContacts or Computation.PeopleReferred => [RecordKind.OrgUnits, RecordKind.Support],
        Computation.TipsReceived or Computation.TipsHandledOnTimeShare => [RecordKind.OrgUnits, RecordKind.Tips],
        Computation.CriminalCasesDetected or Computation.CriminalCasesTried or Computation.DefendantsTried or Computation.TriedShareOfIndicted
            or Computation.PeopleSanctioned or Computation.SellersSanctioned or Computation.FinesTotal => [RecordKind.OrgUnits, RecordKind.Enforcement],
        Computation.CommunicationMaintainedShare or Computation.ReachedResidents or Computation.ReachedMigrantWorkers
            or Computation.ReachedHighSchoolStudents or Computation.ReachedUniversityStudents or Computation.ReachedVocationalStudents
            or Computation.ReachedEstablishmentOwners or Computation.ReachedEstablishmentWorkers => [RecordKind.OrgUnits, RecordKind.Communication],
        Computation.TrainedShareCity or Computation.TrainedShareCommune or Computation.TrainedCityStaff or Computation.TrainedLocalStaff
            => [RecordKind.OrgUnits, RecordKind.Training],
        // 3.1.1 counts a commune's own plan in force as well as a plan document it issued.
        Computation.CommunePlanShare or Computation.DistrictPlanShare => [RecordKind.OrgUnits, RecordKind.UnitDocuments, RecordKind.Plans],
        // 3.1.1 of 2026–2030 reads the plan's assignments (Plans) and the agencies they name.
        Computation.AssignedPlanShare => [RecordKind.OrgUnits, RecordKind.UnitDocuments, RecordKind.Plans, RecordKind.Agencies],
        Computation.CommuneDocumentShare => [RecordKind.OrgUnits, RecordKind.UnitDocuments],
        Computation.ModelCommuneCount or Computation.ModelCommuneShare or Computation.HealthyCommuneShare => [RecordKind.OrgUnits, RecordKind.CommuneModel],
        _ => [],
    };
}
