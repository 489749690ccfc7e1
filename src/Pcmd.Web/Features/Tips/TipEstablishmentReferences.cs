using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.Web.Features.Tips;

/// <summary>A tip or a sanction on premises keeps its establishment from deletion (the history of a business keeps its subject).</summary>
public sealed class TipEstablishmentReferences(PcmdDbContext db) : IEstablishmentReferences
{
    public async Task<string?> BlocksDelete(int establishmentId, CancellationToken ct) =>
        await db.Tips.AnyAsync(t => t.EstablishmentId == establishmentId, ct)
            ? "Không thể xóa: cơ sở gắn với một tin báo, tố giác."
            : null;
}
