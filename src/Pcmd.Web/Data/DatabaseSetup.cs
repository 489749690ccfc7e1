using Microsoft.EntityFrameworkCore;

namespace Pcmd.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    /// <summary>PostgreSQL when <c>ConnectionStrings:Postgres</c> is set (environment variable
    /// <c>ConnectionStrings__Postgres</c>); otherwise the embedded SQLite file in the data folder.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration config, string contentRoot)
    {
        var pg = config.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(pg)) return (DatabaseProvider.Postgres, pg);
        var sqlite = config.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(sqlite)) return (DatabaseProvider.Sqlite, sqlite);
        var dir = Path.GetFullPath(config["Pcmd:DataDirectory"] ?? Path.Combine(contentRoot, "data"), contentRoot);
        Directory.CreateDirectory(dir);
        return (DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "pcmd.db")}");
    }

    public static WebApplicationBuilder AddPcmdDatabase(this WebApplicationBuilder builder)
    {
        var (provider, cs) = Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        Security.PersonalData.Configure(builder.Configuration["Pcmd:PersonalDataKey"]);
        builder.Services.AddSingleton(new DatabaseInfo(provider, cs));
        builder.Services.AddSingleton<ClusterLock>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
        // A scope's context is on the primary unless ReadDb made the scope for a read the standby may serve (ReadRouting.cs).
        builder.Services.AddScoped<DbRoute>();
        builder.Services.AddSingleton(ReadReplica.From(builder.Configuration, provider, cs));
        builder.Services.AddScoped<ReadDb>();
        builder.Services.AddScoped<RateCounters>();
        builder.Services.AddSingleton<ListCache>();
        builder.Services.AddDbContext<PcmdDbContext>((sp, o) => Configure(o, provider, sp.GetRequiredService<DbRoute>().ConnectionString ?? cs));
        DbXmlRepository.AddTo(builder.Services, builder.Configuration);
        // /health/live: the process answers; /health/ready: it can serve (database, and the standby's lag where configured).
        builder.Services.AddHealthChecks().AddDbContextCheck<PcmdDbContext>("database", tags: ["ready"])
            .AddCheck<StandbyLagCheck>("standby", tags: ["ready"]);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string cs)
    {
        if (provider == DatabaseProvider.Postgres) o.UseNpgsql(cs);
        else o.UseSqlite(cs);
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
