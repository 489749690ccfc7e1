using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The computations over the registries an indicator can be bound to. Later sources (tips, support
/// cases, communication, training) add members here and an evaluator in <c>IndicatorComputations</c>.</summary>
public enum Computation
{
    /// <summary>Share of establishments under management inspected at least once in the window.</summary>
    InspectedShare,
    InspectionCount,
    /// <summary>Share of establishments under management whose owner has signed the commitment.</summary>
    CommitmentShare,
    CommitmentCount,
    /// <summary>Owners and workers informed about the law during inspections.</summary>
    PeopleInformed,
    HotspotsEliminated,
    HotspotsReEmerged,
    /// <summary>Hotspots identified for the first time in the window ("no new hotspot" is a zero target).</summary>
    NewHotspots,
    /// <summary>Establishments (under management or not) inspected at least once in the window: "kiểm tra 2.460 cơ sở".</summary>
    EstablishmentsInspected,
    /// <summary>Share of high-risk establishments under management inspected at least once: "cơ sở có biểu hiện phức tạp
    /// phải kiểm tra ít nhất một lần" (KH 2024 of Hà Nội, 9.2).</summary>
    HighRiskInspectedShare,
    /// <summary>Share of communes whose communication events met the rule of "duy trì thường xuyên" in every quarter (3.1.2).</summary>
    CommunicationMaintainedShare,
    /// <summary>People reached by communication events, per target group (KH 2024 of Hà Nội, 3.1–3.5, 3.7).</summary>
    ReachedResidents,
    ReachedMigrantWorkers,
    ReachedHighSchoolStudents,
    ReachedUniversityStudents,
    ReachedVocationalStudents,
    ReachedEstablishmentOwners,
    ReachedEstablishmentWorkers,
    /// <summary>Share of the city's staff on the roster trained at least once in the window (3.2.3.a).</summary>
    TrainedShareCity,
    /// <summary>Share of the communes' staff on the roster trained at least once in the window (3.2.3.b).</summary>
    TrainedShareCommune,
    /// <summary>People of city units trained in the window (KH 2024 of Hà Nội, 11.1).</summary>
    TrainedCityStaff,
    /// <summary>People of district and commune units trained in the window (KH 2024 of Hà Nội, 11.2).</summary>
    TrainedLocalStaff,
    /// <summary>Share of communes with a plan of their own in force or a plan document issued in the window (3.1.1, KH 2024 4.2).</summary>
    CommunePlanShare,
    /// <summary>Share of the agencies a plan assigns and of the communes that implement it by a plan of their own or a plan document
    /// in the window (KH 2026–2030, 3.1.1). The only computation that reads its plan: <see cref="FigureKey.PlanId"/>.</summary>
    AssignedPlanShare,
    /// <summary>The same for the old districts (KH 2024 of Hà Nội, 4.1).</summary>
    DistrictPlanShare,
    /// <summary>Share of communes that issued a plan, decision or directive in the window (3.2.1).</summary>
    CommuneDocumentShare,
    /// <summary>Communes applying the commune-level PCMD model in the year of the window's end (KH 2014, 9: "79 xã, phường").</summary>
    ModelCommuneCount,
    /// <summary>Share of communes applying the model in that year (KH 2024 of Hà Nội, 5).</summary>
    ModelCommuneShare,
    /// <summary>Share of communes confirmed "xã, phường lành mạnh" for that year (KH 2014, 10: 85 %).</summary>
    HealthyCommuneShare,
    /// <summary>Share of sex workers with an eligible need given a harm-reduction or reintegration service (KH 2026–2030, 3.1.3).</summary>
    SupportReachedShare,
    /// <summary>Outreach contacts (lượt tiếp cận), anonymous counts included.</summary>
    OutreachContacts,
    /// <summary>People referred to a service at least once.</summary>
    PeopleReferred,
    /// <summary>Tips (tin báo, tố giác, khiếu nại, phản ánh) received in the window.</summary>
    TipsReceived,
    /// <summary>Share of the tips received in the window handled within the deadline of each step (KH 2026–2030, 3.1.4).</summary>
    TipsHandledOnTimeShare,
    /// <summary>Criminal cases detected in the window (KH 2026–2030, 3.1.5.a; KH 2024, 7).</summary>
    CriminalCasesDetected,
    /// <summary>Criminal cases tried in the window (KH 2024, 7.1; KH 2014, 5.1).</summary>
    CriminalCasesTried,
    /// <summary>Defendants of the cases tried in the window (KH 2014, 5.2).</summary>
    DefendantsTried,
    /// <summary>Share of the cases sent for prosecution in the window that were tried (KH 2026–2030, 3.1.5.b).</summary>
    TriedShareOfIndicted,
    PeopleSanctioned,
    /// <summary>People selling sex sanctioned (KH 2014, 3).</summary>
    SellersSanctioned,
    /// <summary>Fines imposed, in thousands of đồng.</summary>
    FinesTotal,
}

/// <summary>Binds a plan's indicator to a computation. The area is the plan's issuing unit unless set;
/// the window (year or whole period) is the indicator's.</summary>
public class IndicatorBinding
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public Computation Computation { get; set; }
    public int? OrgUnitId { get; set; }
}

public class IndicatorBindingConfiguration : IEntityTypeConfiguration<IndicatorBinding>
{
    public void Configure(EntityTypeBuilder<IndicatorBinding> b)
    {
        b.ToTable("indicator_bindings");
        b.Property(x => x.Computation).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => x.IndicatorId).IsUnique();
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnits.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
