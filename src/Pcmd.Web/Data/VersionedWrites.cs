using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Security;

namespace Pcmd.Web.Data;

/// <summary>The version check of a write on one loaded record, in one place: the client's version must be the record's, and
/// the database checks it again on save (the row's version in the WHERE), so a change made between the read and the save
/// is a conflict too, not an overwrite.</summary>
public static class VersionedWrites
{
    /// <summary>Refuses a stale <paramref name="version"/> (409) and makes the save check it; the record is marked modified
    /// so that its version is bumped even when only its children change.</summary>
    public static void Expect<T>(this PcmdDbContext db, T record, int version) where T : class, IVersioned
    {
        if (record.Version != version) throw new ConflictException();
        db.Entry(record).Property(x => x.Version).OriginalValue = version;
        if (db.Entry(record).State == EntityState.Unchanged) db.Entry(record).State = EntityState.Modified;
    }

    /// <summary>Saves; a version changed meanwhile is a 409.</summary>
    public static async Task SaveVersioned(this PcmdDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException(); }
    }
}
