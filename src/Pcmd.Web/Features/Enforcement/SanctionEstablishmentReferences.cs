using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.Web.Features.Enforcement;

public sealed class SanctionEstablishmentReferences(PcmdDbContext db) : IEstablishmentReferences
{
    public async Task<string?> BlocksDelete(int establishmentId, CancellationToken ct) =>
        await db.AdministrativeSanctions.AnyAsync(s => s.EstablishmentId == establishmentId, ct)
            ? "Không thể xóa: cơ sở đã có quyết định xử phạt hành chính."
            : null;
}
