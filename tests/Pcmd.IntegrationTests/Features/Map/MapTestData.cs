using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.IntegrationTests.Features.Map;

/// <summary>A ward of the map tests' own ("Phường Bản Đồ"), away from the demo's points, with <see cref="Columns"/> ×
/// <see cref="Rows"/> establishments on a grid of 0.001° from (<see cref="Lat0"/>, <see cref="Lng0"/>) — more than the
/// threshold of points, so its officer's whole area is clustered — and an officer of that ward.</summary>
public sealed class MapTestData(PcmdApp app) : TestData(app)
{
    public const int Columns = 20, Rows = 13, Count = Columns * Rows;
    public const double Lat0 = 22.1, Lng0 = 104.1, Step = 0.001;
    string Tag => Provider.ToUpperInvariant();
    public string WardName => $"Phường Bản Đồ {Tag}";
    public string OfficerName => $"bando-{Provider.ToLowerInvariant()}";

    /// <summary>The box around columns [c0, c1] and rows [r0, r1] of the grid (west,south,east,north).</summary>
    public static string Box(int c0, int r0, int c1, int r1) => string.Join(",", new[]
    {
        Lng0 + c0 * Step - Step / 2, Lat0 + r0 * Step - Step / 2, Lng0 + c1 * Step + Step / 2, Lat0 + r1 * Step + Step / 2,
    }.Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<int> Ward()
    {
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var code = $"MAP-{Tag}";
        if (await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == code) is { } existing) return existing.Id;
        var city = await db.OrgUnits.SingleAsync(u => u.Code == "01");
        var ward = new OrgUnit { Code = code, Name = WardName, Level = OrgUnitLevel.Commune, ParentId = city.Id, ValidFrom = new(2025, 7, 1) };
        db.OrgUnits.Add(ward);
        await db.SaveChangesAsync();
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        for (var r = 0; r < Rows; r++)
            for (var c = 0; c < Columns; c++)
                db.Establishments.Add(new Establishment
                {
                    Name = $"Cơ sở bản đồ {Tag} {r:00}-{c:00}", Address = "Số 1 phố Bản Đồ", TypeId = type, OrgUnitId = ward.Id,
                    Status = ManagementStatus.UnderManagement, RiskClass = RiskClass.High, Latitude = Lat0 + r * Step, Longitude = Lng0 + c * Step,
                });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<OrgUnitTree>().Invalidate();
        return ward.Id;
    }

    /// <summary>30 establishments of the ward north of the grid whose 290-character names are mostly quotes (six bytes
    /// each in JSON): few, but too heavy to list; in the box <see cref="HeavyBox"/>.</summary>
    public async Task HeavyNames()
    {
        var ward = await Ward();
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        if (await db.Establishments.AnyAsync(e => e.OrgUnitId == ward && e.Latitude > 22.15)) return;
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        for (var i = 0; i < 30; i++)
            db.Establishments.Add(new Establishment
            {
                Name = $"Cơ sở {i:00} " + new string('"', 280), Address = "Số 2 phố Bản Đồ", TypeId = type, OrgUnitId = ward,
                Status = ManagementStatus.Closed, RiskClass = RiskClass.High, Latitude = 22.2, Longitude = 104.1 + i * 0.0001,
            });
        await db.SaveChangesAsync();
    }

    public const string HeavyBox = "104.09,22.19,104.11,22.21";

    /// <summary>The ward's commune officer, created through the API by the administrator, signed in.</summary>
    public async Task<HttpClient> Officer()
    {
        var ward = await Ward();
        if (await Db(db => db.Users.AnyAsync(u => u.UserName == OfficerName))) return await SignIn(OfficerName);
        var admin = await SignIn("admin");
        await (await admin.PostRaw("/api/v1/users", new JsonObject
        {
            ["userName"] = OfficerName, ["fullName"] = "Cán bộ phường Bản Đồ", ["role"] = "CommuneOfficer",
            ["orgUnitId"] = ward, ["password"] = PcmdApp.Password,
        }.ToJsonString())).Json(HttpStatusCode.Created);
        return await SignIn(OfficerName);
    }

    /// <summary>The establishments with coordinates of these units, as the database counts them.</summary>
    public Task<int> Located(IReadOnlyCollection<int>? units = null) =>
        Db(db => db.Establishments.CountAsync(e => e.Latitude != null && e.Longitude != null && (units == null || units.Contains(e.OrgUnitId))));

    public Task<int> LocatedHotspots() => Db(db => db.Hotspots.CountAsync(h => h.Latitude != null && h.Longitude != null));

    /// <summary>What a commune officer of the ward may read: the ward and its ancestors (the city, the country).</summary>
    public async Task<List<int>> Readable(int ward)
    {
        var tree = App.Services.GetRequiredService<OrgUnitTree>();
        return (await tree.Ancestors(ward)).Select(n => n.Id).Append(ward).ToList();
    }
}
