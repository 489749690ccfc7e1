using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.Web.Features.Inspections;

public sealed class InspectionEstablishmentReferences(PcmdDbContext db) : IEstablishmentReferences
{
    public async Task<string?> BlocksDelete(int establishmentId, CancellationToken ct)
    {
        var inspections = await db.Inspections.CountAsync(i => i.EstablishmentId == establishmentId, ct);
        if (inspections > 0)
            return $"Không thể xóa: cơ sở đã có {inspections} lần kiểm tra được ghi nhận. Hãy chuyển tình trạng sang \"Đã ngừng kinh doanh\" thay vì xóa.";
        if (await db.InspectionPlanItems.AnyAsync(i => i.EstablishmentId == establishmentId, ct))
            return "Không thể xóa: cơ sở có trong kế hoạch kiểm tra.";
        return null;
    }
}
