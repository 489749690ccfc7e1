using Microsoft.EntityFrameworkCore;
namespace Pcmd.Web.Data;

public static class StartupTasks
{
    /// <summary>Brings the schema (and the units' area table) up to date and, on the first start, loads the demo data
    /// (<c>Pcmd:Demo:Enabled</c>).</summary>
    public static async Task PrepareDatabase(this WebApplication app)
    {
        // Nodes started together take turns: the first migrates, loads the demo data and creates the first data-protection
        // key; the others wait, then find all three done (two first keys would sign cookies the other node cannot read until
        // its key ring's daily refresh).
        await using var turn = await app.Services.GetRequiredService<ClusterLock>().Hold("start-up", CancellationToken.None);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var info = scope.ServiceProvider.GetRequiredService<DatabaseInfo>();
        // SQLite: readers no longer wait for a writer (nor a writer for readers) — write-ahead logging, kept in the file.
        if (info.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var applied = await SchemaMigrator.MigrateAsync(db, info.Provider);
        app.Logger.LogInformation("Database {Provider}: {Count} schema script(s) applied", info.Provider, applied);
        // The areas' closure table follows every change made through the app; this catches a new table (script 0010) or
        // units changed by other means. It writes nothing when the table is right.
        var (removed, added) = await Features.OrgUnits.OrgUnitAreas.Sync(db);
        if (removed + added > 0) app.Logger.LogInformation("Unit areas: {Removed} row(s) removed, {Added} added", removed, added);
        var folded = await SearchTextBackfill.Run(db);
        if (folded > 0) app.Logger.LogInformation("Search text folded for {Count} row(s) written before script 0024", folded);
        var encrypted = await DbXmlRepository.EncryptStoredKeys(db, scope.ServiceProvider.GetRequiredService<Security.KeyEncryptionKey>());
        if (encrypted > 0) app.Logger.LogInformation("{Count} data-protection key(s) stored in clear were encrypted", encrypted);
        await scope.ServiceProvider.GetRequiredService<Features.Reference.ReferenceData>().EnsureLoaded();
        if (app.Configuration.GetValue("Pcmd:Demo:Enabled", true))
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureLoaded();
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
            .CreateProtector("pcmd.start-up").Protect([1]); // the key ring exists (created here if the database has none)
    }
}
