using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A report once written is never lost to a change of its plan: replacing a plan from its file recreates its
/// tasks and indicators, and deleting one of them would take the reported narratives and figures with it.</summary>
public sealed class ReportGuards(PcmdDbContext db) : IPlanPartGuard
{
    public async Task CheckPlanReplaceable(int planId, CancellationToken ct)
    {
        if (await db.Reports.AnyAsync(r => r.Period!.PlanId == planId && (r.Status != ReportStatus.Draft || r.Tasks.Any() || r.Values.Any()), ct))
            throw new ConflictException("Kế hoạch đã có báo cáo được lập hoặc đã nộp: không thể thay toàn bộ kế hoạch từ tệp vì sẽ mất nội dung báo cáo. "
                + "Hãy sửa từng nhiệm vụ, chỉ tiêu trên trang kế hoạch.");
    }

    public async Task CheckTaskDeletable(int taskId, CancellationToken ct)
    {
        if (await db.ReportTaskEntries.AnyAsync(t => t.TaskId == taskId, ct))
            throw new ConflictException("Nhiệm vụ đã có trong báo cáo của đơn vị: không thể xóa.");
    }

    public async Task CheckIndicatorDeletable(int indicatorId, CancellationToken ct)
    {
        if (await db.ReportIndicatorValues.AnyAsync(v => v.IndicatorId == indicatorId, ct))
            throw new ConflictException("Chỉ tiêu đã có số liệu trong báo cáo của đơn vị: không thể xóa.");
    }
}
