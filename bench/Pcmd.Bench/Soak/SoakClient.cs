using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmd.Bench.Soak;

/// <summary>One signed-in user: a cookie jar and a connection pool of its own, as a browser has, and the ids it found in
/// its scope at the start (<see cref="SoakMix.Discover"/>), which the mix draws from.</summary>
public sealed class SoakSession(string user, HttpClient http) : IDisposable
{
    public string User { get; } = user;
    public HttpClient Http { get; } = http;
    public int? OrgUnitId { get; set; }
    public List<int> Plans { get; } = [];
    public List<(int Plan, int Indicator)> Indicators { get; } = [];
    public List<int> Establishments { get; } = [];
    public List<int> EstablishmentUnits { get; } = [];
    public int EstablishmentPages { get; set; } = 1;
    public int EstablishmentTotal { get; set; }
    public int InspectionTotal { get; set; }
    public List<int> Inspections { get; } = [];
    public int InspectionPages { get; set; } = 1;
    public List<int> Hotspots { get; } = [];
    public List<int> Reports { get; } = [];
    public List<int> Periods { get; } = [];
    public List<string> TypeCodes { get; } = [];
    public List<int> TypeIds { get; } = [];
    public int? TeamId { get; set; }
    public List<int> TeamMembers { get; } = [];
    /// <summary>Records this session created, with the version it last saw: only their creator updates them, so a 409 is a bug.</summary>
    public List<(int Id, int Version, object Body)> OwnInspections { get; } = [];
    public List<(int Id, int Version)> OwnEstablishments { get; } = [];
    /// <summary>A set of operations this user may run (found by trying each once at the start).</summary>
    public HashSet<string> Eligible { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Http.Dispose();
}

public sealed record Reply(int Status, string? Body, Uri? Location)
{
    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;
}

/// <summary>Sends one request and records it: the time to the last byte of the answer, and what went wrong if the status
/// was not one the operation expects (by kind: 5xx, signed out, 429, 409, other 4xx, unexpected redirect, timeout, connection).</summary>
public sealed class SoakClient(string baseUrl, SoakStats stats, TimeSpan timeout)
{
    public string BaseUrl { get; } = baseUrl;
    /// <summary>Where requests are recorded: the start's own figures until the run begins, then the run's.</summary>
    public SoakStats Stats { get; set; } = stats;

    public SoakSession NewSession(string user)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None,
        };
        return new SoakSession(user, new HttpClient(handler) { BaseAddress = new Uri(BaseUrl), Timeout = timeout });
    }

    public static HttpContent Json(object body) => JsonContent.Create(body);

    public static HttpContent Form(params (string Name, string Value)[] fields) =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Null when the request did not complete (timeout, connection); otherwise the reply, with its body when
    /// <paramref name="keepBody"/> or when the status was unexpected.</summary>
    public async Task<Reply?> Call(SoakSession s, int minute, string op, HttpMethod method, string path, int[] expected,
        HttpContent? content = null, bool keepBody = false)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            // A browser's same-origin write carries its Origin; the app may check it on cookie-authenticated writes.
            if (method != HttpMethod.Get) request.Headers.Add("Origin", BaseUrl);
            using var response = await s.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            var ok = expected.Contains(status);
            string? body = null;
            if (keepBody || !ok) body = await response.Content.ReadAsStringAsync();
            else await Drain(response);
            var ms = clock.Elapsed.TotalMilliseconds;
            var kind = ok ? null : Kind(status, response.Headers.Location);
            Stats.Request(minute, op, ms, kind, kind is null ? null
                : $"{method} {path} as {s.User} → {status}{(response.Headers.Location is { } l ? " to " + l : "")} {Snippet(body)}");
            return new Reply(status, body, response.Headers.Location);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            Stats.Request(minute, op, clock.Elapsed.TotalMilliseconds, "timeout", $"{method} {path} as {s.User}: no answer in {timeout.TotalSeconds:0} s");
            return null;
        }
        catch (HttpRequestException e)
        {
            Stats.Request(minute, op, clock.Elapsed.TotalMilliseconds, "connection", $"{method} {path} as {s.User}: {e.HttpRequestError} {e.Message}");
            return null;
        }
    }

    /// <summary>Reads the answer to its end (the server's work includes sending it) without keeping it.</summary>
    static async Task Drain(HttpResponseMessage response)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            while (await stream.ReadAsync(buffer) > 0) { }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    public static string Kind(int status, Uri? location) => status switch
    {
        >= 500 => "5xx",
        401 => "signed out (401)",
        302 when location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true => "signed out (redirect to /login)",
        429 => "429 too many requests",
        409 => "409 conflict",
        >= 400 => $"{status}",
        >= 300 => "unexpected redirect",
        _ => $"unexpected {status}",
    };

    static string Snippet(string? body) =>
        string.IsNullOrEmpty(body) ? "" : body.Length > 300 ? body[..300].ReplaceLineEndings(" ") + "…" : body.ReplaceLineEndings(" ");
}
