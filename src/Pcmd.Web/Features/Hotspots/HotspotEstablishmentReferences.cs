using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.Web.Features.Hotspots;

public sealed class HotspotEstablishmentReferences(PcmdDbContext db) : IEstablishmentReferences
{
    public async Task<string?> BlocksDelete(int establishmentId, CancellationToken ct) =>
        await db.Hotspots.AnyAsync(h => h.EstablishmentId == establishmentId, ct)
            ? "Không thể xóa: cơ sở gắn với một điểm phức tạp về tệ nạn mại dâm."
            : null;
}
