using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>Binds the demo plans' indicators to the computations that measure them, by plan key and indicator number
/// (Features/Demo/Data/plans), through the same service a user's binding goes through.</summary>
public sealed class IndicatorsDemoStep(PcmdDbContext db, IndicatorBindingService bindings, ILogger<IndicatorsDemoStep> log) : IDemoStep
{
    public int Order => 500;

    static readonly (string Plan, string Number, Computation Computation)[] Bindings =
    [
        // "95 % cơ sở … được kiểm tra ít nhất một lần" by 2030, 60/70/80/90/95 % a year, counted over the whole period.
        ("hn-2026-2030", "3.2.2", Computation.InspectedShare),
        // "≥ 70 % người bán dâm có nhu cầu và đủ điều kiện được tiếp cận các biện pháp can thiệp giảm hại…" (issue 12).
        ("hn-2026-2030", "3.1.3", Computation.SupportReachedShare),
        ("hn-2024", "10.1", Computation.OutreachContacts),
        ("hn-2024", "10.2", Computation.SupportReachedShare),
        // "100 % tin tố giác, tin báo, khiếu nại … được tiếp nhận, xác minh, phân loại, xử lý kịp thời" (tips, issue 11).
        ("hn-2026-2030", "3.1.4", Computation.TipsHandledOnTimeShare),
        ("hn-2024", "6", Computation.TipsHandledOnTimeShare),
        // Criminal cases (issue 11): "phát hiện, khám phá, xử lý hình sự 80–100 vụ án", "xét xử 100 % vụ án … đề nghị truy tố".
        ("hn-2026-2030", "3.1.5.a", Computation.CriminalCasesDetected),
        ("hn-2026-2030", "3.1.5.b", Computation.TriedShareOfIndicted),
        ("hn-2024", "7", Computation.CriminalCasesDetected),
        ("hn-2024", "7.1", Computation.CriminalCasesTried),
        // KH 2014: "xử phạt hành chính 500 lượt người bán dâm", "xét xử 150 vụ án, 180 bị cáo". Its target 1 ("triệt phá 180 vụ
        // môi giới, chứa mại dâm, dâm ô trẻ em, hiếp dâm, mua bán phụ nữ") also counts crimes PCMD does not record: left unbound.
        ("hn-2014", "3", Computation.SellersSanctioned),
        ("hn-2014", "5.1", Computation.CriminalCasesTried),
        ("hn-2014", "5.2", Computation.DefendantsTried),
        // KH 2024 of Hà Nội: tuyên truyền qua kiểm tra cho 2.460 chủ cơ sở và người lao động.
        ("hn-2024", "3.6", Computation.PeopleInformed),
        ("hn-2024", "8.1", Computation.HotspotsEliminated),
        ("hn-2024", "8.2", Computation.NewHotspots),
        ("hn-2024", "8.3", Computation.HotspotsReEmerged),
        ("hn-2024", "9.1", Computation.EstablishmentsInspected),
        ("hn-2024", "9.2", Computation.HighRiskInspectedShare),
        // KH 2024 of Phường Phú Lãm: no hotspot; 100 % of establishments inspected and signed.
        ("phu-lam-2024", "1", Computation.NewHotspots),
        ("phu-lam-2024", "2.1", Computation.InspectedShare),
        ("phu-lam-2024", "2.2", Computation.CommitmentShare),
        // Issue 13: communication "duy trì thường xuyên" (at least the rule's events every quarter), training against the roster.
        ("hn-2026-2030", "3.1.2", Computation.CommunicationMaintainedShare),
        ("hn-2026-2030", "3.2.3.a", Computation.TrainedShareCity),
        ("hn-2026-2030", "3.2.3.b", Computation.TrainedShareCommune),
        ("hn-2024", "1", Computation.CommunicationMaintainedShare),
        ("hn-2024", "3.1", Computation.ReachedResidents),
        ("hn-2024", "3.2", Computation.ReachedMigrantWorkers),
        ("hn-2024", "3.3", Computation.ReachedHighSchoolStudents),
        ("hn-2024", "3.4", Computation.ReachedUniversityStudents),
        ("hn-2024", "3.5", Computation.ReachedVocationalStudents),
        // "Thông qua hoạt động tập huấn, tuyên truyền cho 500 chủ cơ sở và 500 người lao động": the events that reached them.
        ("hn-2024", "3.7.1", Computation.ReachedEstablishmentOwners),
        ("hn-2024", "3.7.2", Computation.ReachedEstablishmentWorkers),
        // 3.1.1 ("100 % Sở, ban, ngành, đoàn thể … và UBND các xã, phường xây dựng kế hoạch"): the agencies the plan assigns and
        // the communes, each with a plan implementing it in the year. 3.2.1 by the documents issued.
        ("hn-2026-2030", "3.1.1", Computation.AssignedPlanShare),
        ("hn-2026-2030", "3.2.1", Computation.CommuneDocumentShare),
        ("hn-2024", "4.1", Computation.DistrictPlanShare),
        ("hn-2024", "4.2", Computation.CommunePlanShare),
        // Commune model and healthy-commune rating (issue 13, item 4): "xây dựng và duy trì mô hình … tại 79 xã, phường, thị trấn
        // (phụ lục 01)", "85 % … không có tệ nạn mại dâm theo tiêu chí của NQLT 01/2008", "100 % các xã … triển khai mô hình",
        // and the ward's "mô hình phòng, chống mại dâm … được duy trì hoạt động" (a count of one: itself).
        ("hn-2014", "9", Computation.ModelCommuneCount),
        ("hn-2014", "10", Computation.HealthyCommuneShare),
        ("hn-2024", "5", Computation.ModelCommuneShare),
        ("phu-lam-2024", "3.3", Computation.ModelCommuneCount),
        ("hn-2024", "11.1", Computation.TrainedCityStaff),
        ("hn-2024", "11.2", Computation.TrainedLocalStaff),
    ];

    public async Task Load(CancellationToken ct)
    {
        foreach (var (key, number, computation) in Bindings)
        {
            var id = await db.Indicators.Where(i => i.Number == number && db.Plans.Any(p => p.Id == i.PlanId && p.Key == key))
                .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
            if (id is null) { log.LogWarning("Demo plan {Plan} has no indicator {Number}", key, number); continue; }
            if (await db.IndicatorBindings.AnyAsync(b => b.IndicatorId == id, ct)) continue;
            await bindings.Bind(UserScope.System, id.Value, new BindingInput(computation.ToString(), null), null, ct);
        }
    }
}
