using Pcmd.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pcmd.Web.Data;
using Pcmd.Web.Features;
using Pcmd.Web.Features.Users;

namespace Pcmd.Bench;

/// <summary>The app's services (database, features) without its web server, on the database the command names:
/// the benchmarks call the same code paths a request does. Configuration is the app's (src/Pcmd.Web/appsettings*.json,
/// Development: the personal-data key), with the connection string replaced.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    readonly WebApplication _app;

    BenchHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public DatabaseInfo Database => _app.Services.GetRequiredService<DatabaseInfo>();

    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Pcmd.slnx"))) return d.FullName;
        throw new InvalidOperationException("Run from the repository (Pcmd.slnx not found above the current folder).");
    }

    public static BenchHost Create(string? postgres, string? sqliteFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoRoot(), "src", "Pcmd.Web"),
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development",
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres ?? "",
            ["ConnectionStrings:Sqlite"] = sqliteFile is null ? "" : $"Data Source={Path.GetFullPath(sqliteFile)}",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.Error);
        // Services are resolved when used: the benchmark needs no web pipeline (and none of its services is started).
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = false);
        builder.AddPcmdDatabase();
        builder.AddPcmdIdentity();
        builder.AddPcmdSecurity();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources"); // texts some services resolve (the map's labels)
        builder.Services.AddPcmdFeatures();
        return new BenchHost(builder.Build());
    }

    public async Task Migrate()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        await SchemaMigrator.MigrateAsync(db, Database.Provider);
        await Pcmd.Web.Features.OrgUnits.OrgUnitAreas.Sync(db);
    }

    /// <summary>A PostgreSQL bench database opened with the app's services, its schema brought up to date (the closure table of
    /// 0010 filled on a data set generated before it).</summary>
    public static async Task<BenchHost> OpenPostgres(string connection)
    {
        var host = Create(connection, null);
        if (host.Database.Provider != DatabaseProvider.Postgres)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The benchmarks run on PostgreSQL.");
        }
        await host.Migrate();
        return host;
    }

    /// <summary>The 1-minute load average, recorded beside every figure (the machine is often shared).</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "?"; }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
