using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Users;

namespace Pcmd.IntegrationTests.Features.Users;

/// <summary>Accounts the user tests create through the API (names carry the provider: the apps are shared), the lookups a
/// new account needs, and clients that sign in or stay anonymous.</summary>
public sealed class UserTestData(PcmdApp app) : TestData(app)
{
    public const string StrongPassword = "Cb@phuong2026";

    /// <summary>A user name unique to this provider's run and test.</summary>
    public string Name(string stem) => $"{stem}.{Provider}".ToLowerInvariant();

    public async Task<int> UnitId(HttpClient admin, string code, string on = "2026-01-01")
    {
        var found = await admin.GetJson<List<Coded>>($"/api/v1/org-units?search={code}&on={on}");
        return found.Single(u => u.Code == code).Id;
    }

    public async Task<int> AgencyId(HttpClient admin, string code)
    {
        var found = await admin.GetJson<List<Coded>>($"/api/v1/agencies?search={code}");
        return found.Single(a => a.Code == code).Id;
    }

    public async Task<JsonObject> NewUser(HttpClient admin, string userName, string role = "CommuneOfficer", string unit = "09568", string? agency = "UBND-PHULUONG",
        string password = StrongPassword) => new()
    {
        ["userName"] = userName,
        ["fullName"] = $"Nguyễn Văn Thử ({userName})",
        ["role"] = role,
        ["orgUnitId"] = await UnitId(admin, unit),
        ["agencyId"] = agency is null ? null : await AgencyId(admin, agency),
        ["password"] = password,
    };

    public async Task<JsonNode> CreateRaw(HttpClient admin, string userName, string role = "CommuneOfficer") =>
        await (await admin.PostRaw("/api/v1/users", (await NewUser(admin, userName, role)).ToJsonString())).Json(HttpStatusCode.Created);

    public async Task<UserDto> Create(HttpClient admin, string userName, string role = "CommuneOfficer") => (await CreateRaw(admin, userName, role)).As<UserDto>();

    public async Task<List<UserListItem>> Users(HttpClient admin, string search) => await admin.GetJson<List<UserListItem>>($"/api/v1/users?search={search}");

    public Task<HttpResponseMessage> Login(HttpClient client, string userName, string password = StrongPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });

    public HttpClient Anonymous() => App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<List<string>> FieldErrors(HttpResponseMessage res, string field) =>
        (await res.Json<Problem>(HttpStatusCode.BadRequest)).On(field);
}
