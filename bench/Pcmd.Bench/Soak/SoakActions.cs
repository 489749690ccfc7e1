using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pcmd.Bench.Soak;

/// <summary>The sessions of the demo accounts (UsersDemoStep), what each finds in its scope, and the operations that are more
/// than one GET: the writes (each record updated only by the session that created it, which takes it out of its list while it
/// writes, so two writes never race on a version) and the browser's sign-in/sign-out cycle.</summary>
public sealed partial class SoakActions(SoakClient client, string password)
{
    public const string Inspector = "kiemtra", Officer = "phuluong", Churn = "hadong";

    /// <summary>Every demo role signs in for the whole run, except the account kept for the sign-in cycle: a sign-out may end
    /// every session of its user, and no other session of that user may be open when it does.</summary>
    public static readonly string[] SteadyUsers = ["admin", "dieuphoi", "congan", "phuluong", "kiemtra", "hotro", "lanhdao"];

    public Dictionary<string, SoakSession> Sessions { get; } = new(StringComparer.Ordinal);
    int _cycleRunning, _serial, _skippedCycles;

    /// <summary>Sign-in cycles not run because the previous one had not finished.</summary>
    public int SkippedCycles => Volatile.Read(ref _skippedCycles);

    public SoakClient Client => client;

    SoakSession S(string user) => Sessions[user];

    /// <summary>The JSON sign-in an API client does; a 429 (a sign-in rate limit) is waited out here, at the start only.</summary>
    public async Task<SoakSession> SignIn(string user)
    {
        var s = client.NewSession(user);
        for (var attempt = 0; ; attempt++)
        {
            var reply = await client.Call(s, 0, "setup", HttpMethod.Post, "/api/v1/auth/login", [200, 429],
                SoakClient.Json(new { userName = user, password }), keepBody: true)
                ?? throw new InvalidOperationException($"Sign-in of {user} did not complete.");
            if (reply.Status == 200) return s;
            if (attempt >= 10) throw new InvalidOperationException($"Sign-in of {user} refused: {reply.Body}");
            await Task.Delay(TimeSpan.FromSeconds(5 + attempt * 5));
        }
    }

    /// <summary>The ids the mix draws from, from the lists the user sees (first pages; the mix's reads stay in its scope).</summary>
    public async Task Discover(SoakSession s)
    {
        async Task<JsonElement?> Get(string path) =>
            await client.Call(s, 0, "setup", HttpMethod.Get, path, [200, 403, 404], keepBody: true) is { Status: 200 } r ? r.Json : null;
        static IEnumerable<JsonElement> Items(JsonElement? e) =>
            e is not { } v ? [] : v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : v.TryGetProperty("items", out var i) ? i.EnumerateArray() : [];
        static int Pages(JsonElement? e) => e is { } v && v.TryGetProperty("total", out var t) ? Math.Max(1, (t.GetInt32() + 49) / 50) : 1;

        if (await Get("/api/v1/auth/me") is { } me && me.TryGetProperty("orgUnitId", out var unit) && unit.ValueKind == JsonValueKind.Number)
            s.OrgUnitId = unit.GetInt32();
        foreach (var p in Items(await Get("/api/v1/plans"))) s.Plans.Add(p.GetProperty("id").GetInt32());
        foreach (var plan in s.Plans)
        {
            if (await Get($"/api/v1/plans/{plan}") is { } detail && detail.TryGetProperty("indicators", out var inds))
                foreach (var i in inds.EnumerateArray()) s.Indicators.Add((plan, i.GetProperty("id").GetInt32()));
            foreach (var period in Items(await Get($"/api/v1/plans/{plan}/report-periods"))) s.Periods.Add(period.GetProperty("id").GetInt32());
        }
        var establishments = await Get("/api/v1/establishments?pageSize=200");
        s.EstablishmentPages = Pages(establishments);
        s.EstablishmentTotal = establishments is { } et && et.TryGetProperty("total", out var total) ? total.GetInt32() : 0;
        foreach (var e in Items(establishments))
        {
            s.Establishments.Add(e.GetProperty("id").GetInt32());
            var u = e.GetProperty("orgUnitId").GetInt32();
            if (!s.EstablishmentUnits.Contains(u)) s.EstablishmentUnits.Add(u);
        }
        var inspections = await Get("/api/v1/inspections?pageSize=200");
        s.InspectionPages = Pages(inspections);
        s.InspectionTotal = inspections is { } it && it.TryGetProperty("total", out var itotal) ? itotal.GetInt32() : 0;
        foreach (var i in Items(inspections)) s.Inspections.Add(i.GetProperty("id").GetInt32());
        foreach (var h in Items(await Get("/api/v1/hotspots?pageSize=200"))) s.Hotspots.Add(h.GetProperty("id").GetInt32());
        foreach (var r in Items(await Get("/api/v1/reports/mine"))) s.Reports.Add(r.GetProperty("id").GetInt32());
        foreach (var t in Items(await Get("/api/v1/establishment-types")))
        {
            s.TypeCodes.Add(t.GetProperty("code").GetString()!);
            s.TypeIds.Add(t.GetProperty("id").GetInt32());
        }
        var team = Items(await Get("/api/v1/inspection-teams?active=true")).FirstOrDefault(t => s.OrgUnitId is { } u && t.GetProperty("orgUnitId").GetInt32() == u);
        if (team.ValueKind == JsonValueKind.Object && await Get($"/api/v1/inspection-teams/{team.GetProperty("id").GetInt32()}") is { } detailTeam)
        {
            s.TeamId = detailTeam.GetProperty("id").GetInt32();
            foreach (var m in detailTeam.GetProperty("members").EnumerateArray())
                if (m.GetProperty("isActive").GetBoolean()) s.TeamMembers.Add(m.GetProperty("id").GetInt32());
        }
    }

    /// <summary>Dates of the writes: recent days in Việt Nam (never the future, which the rules refuse).</summary>
    static string Recent(Random r) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1 - r.Next(30)).ToString("yyyy-MM-dd");

    public async Task CreateInspection(int minute, Random r)
    {
        var s = S(Inspector);
        if (s.TeamId is not { } team || s.Establishments.Count == 0 || s.TeamMembers.Count < 3) return;
        var body = new JsonObject
        {
            ["establishmentId"] = s.Establishments[r.Next(s.Establishments.Count)], ["teamId"] = team, ["date"] = Recent(r),
            ["kind"] = "planned", ["findings"] = "Kiểm tra theo kế hoạch; không phát hiện vi phạm.", ["ownersInformed"] = 1,
            ["workersInformed"] = 1 + r.Next(8), ["memberIds"] = new JsonArray(s.TeamMembers.Take(Math.Min(s.TeamMembers.Count, 3 + r.Next(2))).Select(m => (JsonNode)m).ToArray()),
            ["version"] = 0,
        };
        var reply = await client.Call(s, minute, "inspection create", HttpMethod.Post, "/api/v1/inspections", [201],
            SoakClient.Json(body), keepBody: true);
        if (reply is { Status: 201 }) lock (s.OwnInspections) s.OwnInspections.Add((reply.Json.GetProperty("id").GetInt32(), reply.Json.GetProperty("version").GetInt32(), body));
    }

    public async Task UpdateInspection(int minute, Random r)
    {
        var s = S(Inspector);
        var (id, version, body) = Take(s.OwnInspections, r);
        if (id == 0) { await CreateInspection(minute, r); return; }
        var json = (JsonObject)body;
        json["findings"] = $"Kiểm tra theo kế hoạch; đã nhắc nhở chủ cơ sở (lần {Interlocked.Increment(ref _serial)}).";
        json["workersInformed"] = 1 + r.Next(8);
        json["version"] = version;
        var reply = await client.Call(s, minute, "inspection update", HttpMethod.Put, $"/api/v1/inspections/{id}", [200],
            SoakClient.Json(json), keepBody: true);
        // A failed update keeps the record out of the list: its version is no longer known.
        if (reply is { Status: 200 }) lock (s.OwnInspections) s.OwnInspections.Add((id, reply.Json.GetProperty("version").GetInt32(), json));
    }

    public async Task CreateEstablishment(int minute, Random r)
    {
        var s = S(Officer);
        if (s.OrgUnitId is not { } unit || s.TypeIds.Count == 0) return;
        var n = Interlocked.Increment(ref _serial);
        var body = new
        {
            name = $"Karaoke Thử Tải {n}", address = $"Số {n} phố Thử Tải, Phường Phú Lương, Thành phố Hà Nội", typeId = s.TypeIds[r.Next(s.TypeIds.Count)],
            orgUnitId = unit, workerCount = r.Next(12), riskClass = "low", status = "notUnderManagement", version = 0,
        };
        var reply = await client.Call(s, minute, "establishment create", HttpMethod.Post, "/api/v1/establishments", [201],
            SoakClient.Json(body), keepBody: true);
        if (reply is { Status: 201 }) lock (s.OwnEstablishments) s.OwnEstablishments.Add((reply.Json.GetProperty("id").GetInt32(), reply.Json.GetProperty("version").GetInt32()));
    }

    /// <summary>As the edit form: read the record, change it, save it with the version read.</summary>
    public async Task UpdateEstablishment(int minute, Random r)
    {
        var s = S(Officer);
        var (id, _) = Take(s.OwnEstablishments, r);
        if (id == 0) { await CreateEstablishment(minute, r); return; }
        var read = await client.Call(s, minute, "establishment update", HttpMethod.Get, $"/api/v1/establishments/{id}", [200], keepBody: true);
        if (read is not { Status: 200 }) return;
        var json = JsonNode.Parse(read.Body!)!.AsObject();
        json["workerCount"] = r.Next(12);
        json["note"] = $"Cập nhật lần {Interlocked.Increment(ref _serial)}";
        var reply = await client.Call(s, minute, "establishment update", HttpMethod.Put, $"/api/v1/establishments/{id}", [200],
            SoakClient.Json(json), keepBody: true);
        if (reply is { Status: 200 }) lock (s.OwnEstablishments) s.OwnEstablishments.Add((id, reply.Json.GetProperty("version").GetInt32()));
    }

    static T? Take<T>(List<T> own, Random r)
    {
        lock (own)
        {
            if (own.Count == 0) return default;
            var i = r.Next(own.Count);
            var x = own[i];
            own.RemoveAt(i);
            return x;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A browser's visit: the login page, the form post (antiforgery token), the home page, the sign-out form, and a
    /// check that the session ended. One at a time (another cycle due meanwhile is skipped: see the report's "skipped").</summary>
    public async Task<bool> SignInCycle(int minute)
    {
        if (Interlocked.CompareExchange(ref _cycleRunning, 1, 0) != 0)
        {
            Interlocked.Increment(ref _skippedCycles);
            return false;
        }
        const string op = "sign-in cycle";
        using var s = client.NewSession(Churn);
        try
        {
            var login = await client.Call(s, minute, op, HttpMethod.Get, "/login", [200], keepBody: true);
            if (login?.Body is null || Token().Match(login.Body) is not { Success: true } t1) return true;
            var posted = await client.Call(s, minute, op, HttpMethod.Post, "/account/login", [302],
                SoakClient.Form(("userName", Churn), ("password", password), ("returnUrl", "/"), ("__RequestVerificationToken", t1.Groups[1].Value)));
            if (posted is null) return true;
            if (posted.Status == 302 && posted.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true)
            {
                client.Stats.Error(minute, op, "sign-in refused", $"POST /account/login as {Churn} → {posted.Location}");
                return true;
            }
            var home = await client.Call(s, minute, op, HttpMethod.Get, "/", [200], keepBody: true);
            if (home?.Body is null || Token().Match(home.Body) is not { Success: true } t2) return true;
            await client.Call(s, minute, op, HttpMethod.Post, "/account/logout", [302], SoakClient.Form(("__RequestVerificationToken", t2.Groups[1].Value)));
            var after = await client.Call(s, minute, op, HttpMethod.Get, "/my-tasks", [302]);
            if (after is { Status: 302 } && after.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) != true)
                client.Stats.Error(minute, op, "session open after sign-out", $"GET /my-tasks → {after.Location}");
            return true;
        }
        finally { Volatile.Write(ref _cycleRunning, 0); }
    }
}
