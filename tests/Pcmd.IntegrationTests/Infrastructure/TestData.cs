using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>What every feature's test data builder needs. The apps are shared by all test classes of a provider, so
/// each test makes its own records with unique names; a feature's builder (HotspotTestData, InspectionTestData…)
/// derives from this and adds the records of its feature.</summary>
public abstract class TestData
{
    readonly Func<IServiceProvider> _services;
    readonly PcmdApp? _app;

    /// <summary>Data in the shared app of one provider; names carry the provider.</summary>
    protected TestData(PcmdApp app) : this(() => app.Services, app.Provider.ToString()) => _app = app;

    /// <summary>Data in another host (an app started with other settings); names carry <paramref name="provider"/>.</summary>
    protected TestData(IServiceProvider services, string provider) : this(() => services, provider) { }

    TestData(Func<IServiceProvider> services, string provider) => (_services, Provider) = (services, provider);

    /// <summary>Put in unique names: the provider of the app, so the SQLite and the PostgreSQL runs are told apart.</summary>
    public string Provider { get; }

    protected PcmdApp App => _app ?? throw new InvalidOperationException("This test data is not in a PcmdApp.");

    /// <summary>A readable unique name: "<paramref name="what"/> Sqlite 1a2b3c4d".</summary>
    public string Unique(string what) => $"{what} {Provider} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A unique name without spaces (a user name, a mail box, a key): "<paramref name="what"/>-1a2b3c4d5e".</summary>
    public string UniqueKey(string what) => $"{what}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A query or a write straight on the database, in a scope of its own.</summary>
    public async Task<T> Db<T>(Func<PcmdDbContext, Task<T>> query)
    {
        using var scope = _services().CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PcmdDbContext>());
    }

    /// <summary>A scope of the app's services, for a test that needs more than the database.</summary>
    public IServiceScope Scope() => _services().CreateScope();

    /// <summary>An HTTP client signed in as a demo account.</summary>
    public Task<HttpClient> SignIn(string userName) => App.SignIn(userName);

    /// <summary>The unit with this code today.</summary>
    public Task<int> UnitId(string code) =>
        Db(db => db.OrgUnits.Where(u => u.Code == code && u.ValidTo == null).Select(u => u.Id).SingleAsync());

    /// <summary>The unit with this code on a day (09568 was Phường Phú Lãm before 1/7/2025).</summary>
    public Task<int> UnitIdOn(string code, string day)
    {
        var d = DateOnly.Parse(day);
        return Db(db => db.OrgUnits.Where(u => u.Code == code && (u.ValidFrom == null || u.ValidFrom <= d) && (u.ValidTo == null || u.ValidTo >= d))
            .Select(u => u.Id).SingleAsync());
    }

    public Task<int> AgencyId(string code) => Db(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());
}
