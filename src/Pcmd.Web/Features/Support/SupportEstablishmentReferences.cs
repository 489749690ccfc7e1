using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.Web.Features.Support;

public sealed class SupportEstablishmentReferences(PcmdDbContext db) : IEstablishmentReferences
{
    public async Task<string?> BlocksDelete(int establishmentId, CancellationToken ct) =>
        await db.OutreachContacts.AnyAsync(c => c.EstablishmentId == establishmentId, ct)
            ? "Không thể xóa: cơ sở gắn với lượt tiếp cận hỗ trợ."
            : null;
}
