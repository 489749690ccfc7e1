using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>One bad request: what is sent, and what must come back (a 4xx in <see cref="Statuses"/>; when
/// <see cref="Field"/> is set, a problem with an error under that field).</summary>
public sealed record BadInput(string Group, string Name, string Method, string Url, Func<HttpContent?> Body, int[] Statuses,
    string? Field = null, string? User = "admin", IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"[{Group}] {Name}: {Method} {(Url.Length > 100 ? Url[..100] + "…" : Url)}";
}

/// <summary>The corpus: generated from the OpenAPI document (every JSON body malformed, every typed field and query value
/// of the wrong type, every write in a content type the API does not take) plus a table of the rest (unknown routes,
/// wrong methods, oversize bodies and URLs, foreign origins, unsigned requests).</summary>
public static class BadInputCorpus
{
    static readonly int[] Bad = [400];

    /// <summary>An error under some field: where JSON breaks off, the path is where the reader stopped.</summary>
    public const string AnyField = "*";
    static readonly int[] AnyClientError = Enumerable.Range(400, 100).ToArray();

    static Func<HttpContent?> Json(string body) => () => new StringContent(body, Encoding.UTF8, "application/json");
    static Func<HttpContent?> Typed(string body, string type) => () => new StringContent(body, Encoding.UTF8, type);

    /// <summary>The exchange-file endpoints read their body themselves (plan files, agency catalogues) and answer with the
    /// reader's own paths; the others are bound by the framework.</summary>
    static bool ReadsAFile(string path) => path.EndsWith("/import", StringComparison.Ordinal) || path.EndsWith("/file", StringComparison.Ordinal);

    public static List<BadInput> Build(JsonNode openApi)
    {
        var cases = new List<BadInput>();
        var schemas = openApi["components"]?["schemas"]?.AsObject();
        foreach (var (path, item) in openApi["paths"]!.AsObject())
        foreach (var (method, opNode) in item!.AsObject())
        {
            if (method is not ("get" or "post" or "put" or "delete" or "patch") || path.EndsWith("/logout", StringComparison.Ordinal)) continue;
            var op = opNode!.AsObject();
            // Required query values (the version a write was read at) are given, so that the body is what is wrong.
            var requiredQuery = (op["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
                .Select(p => p!["name"]!.GetValue<string>() + "=1").ToList();
            var url = FillPath(path) + (requiredQuery.Count > 0 ? "?" + string.Join('&', requiredQuery) : "");
            var verb = method.ToUpperInvariant();
            var body = op["requestBody"]?["content"]?.AsObject();
            if (body?["application/json"]?["schema"] is { } schema)
            {
                var file = ReadsAFile(path);
                var required = op["requestBody"]?["required"]?.GetValue<bool>() == true;
                foreach (var (name, text) in Malformed)
                    // An empty body is bad only where a body is required; elsewhere it would run the operation.
                    if (text.Length > 0 || required) cases.Add(new("malformed JSON", name, verb, url, Json(text), file ? AnyClientError : Bad, file ? null : AnyField));
                foreach (var (name, type) in ForeignTypes)
                    cases.Add(new("content type", name, verb, url, Typed("{}", type), [415], "Content-Type"));
                if (!file && Resolve(schema, schemas) is { } obj && obj["properties"]?.AsObject() is { } props)
                    foreach (var (prop, propSchema) in props)
                        if (WrongValue(propSchema!, schemas) is { } wrong)
                            cases.Add(new("wrong type", $"{prop} = {wrong}", verb, url, Json($"{{\"{prop}\":{wrong}}}"), Bad, prop));
            }
            if (body?["multipart/form-data"] is not null)
            {
                cases.Add(new("content type", "text/plain upload", verb, url, Typed("x", "text/plain"), [415], "Content-Type"));
                cases.Add(new("malformed upload", "multipart without a boundary", verb, url, Typed("--x\r\n\r\n", "multipart/form-data"), AnyClientError));
            }
            foreach (var p in op["parameters"]?.AsArray() ?? [])
            {
                if (p!["in"]!.GetValue<string>() != "query" || WrongQueryValue(p["schema"]!) is not { } wrong) continue;
                var name = p["name"]!.GetValue<string>();
                var others = string.Join("", requiredQuery.Where(q => !q.StartsWith(name + "=", StringComparison.Ordinal)).Select(q => "&" + q));
                cases.Add(new("wrong query value", $"{name}={wrong}", verb, $"{FillPath(path)}?{name}={Uri.EscapeDataString(wrong)}{others}",
                    verb == "GET" ? () => null : Json("{}"), Bad, name));
            }
        }
        cases.AddRange(Table());
        return cases;
    }

    static readonly (string Name, string Text)[] Malformed =
    [
        ("not JSON", "not json"),
        ("truncated object", "{\"name\":"),
        ("trailing comma", "{\"name\":\"a\",}"),
        ("single quotes", "{'name':'a'}"),
        ("empty body", ""),
    ];

    static readonly (string Name, string Type)[] ForeignTypes =
    [
        ("text/plain from a foreign form", "text/plain"),
        ("urlencoded form", "application/x-www-form-urlencoded"),
    ];

    static string FillPath(string path)
    {
        var sb = new StringBuilder();
        foreach (var segment in path.Split('/'))
        {
            if (sb.Length > 0 || segment.Length > 0) sb.Append('/');
            sb.Append(segment.StartsWith('{') ? (segment.Contains("jobId", StringComparison.Ordinal) ? "00000000000000000000000000000000" : "1") : segment);
        }
        return sb.ToString();
    }

    static JsonObject? Resolve(JsonNode schema, JsonObject? schemas)
    {
        if (schema["$ref"]?.GetValue<string>() is { } r) return schemas?[r.Split('/')[^1]]?.AsObject();
        return schema as JsonObject;
    }

    static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>A JSON value the property cannot take, or null when any value would do.</summary>
    static string? WrongValue(JsonNode schema, JsonObject? schemas)
    {
        if (schema["$ref"] is not null) return Resolve(schema, schemas)?["enum"] is not null ? "[]" : "7";
        var types = Types(schema);
        var format = schema["format"]?.GetValue<string>();
        if (types.Contains("integer") || types.Contains("number")) return "\"x\"";
        if (types.Contains("boolean")) return "\"peut-être\"";
        if (types.Contains("array")) return "7";
        if (format == "date") return "\"2026-13-45\"";
        if (format == "date-time") return "\"hôm qua\"";
        if (types.Contains("string")) return "{}";
        if (types.Contains("object")) return "7";
        return null;
    }

    static string? WrongQueryValue(JsonNode schema)
    {
        var types = Types(schema);
        var format = schema["format"]?.GetValue<string>();
        if (types.Contains("integer") || types.Contains("number")) return "mười";
        if (types.Contains("boolean")) return "có lẽ";
        if (format == "date") return "2026-02-30";
        // A DateQuery (day first or ISO): a day that does not exist.
        if (schema["pattern"]?.GetValue<string>().Contains(@"\d{1,2}[/", StringComparison.Ordinal) == true) return "31/02/2026";
        return null;
    }

    /// <summary>What the document cannot generate.</summary>
    static IEnumerable<BadInput> Table()
    {
        var longQuery = "/api/v1/plans?search=" + new string('a', 5000);
        var longPath = "/api/v1/" + string.Join('/', Enumerable.Repeat("a", 3000));
        var big = 30L * 1024 * 1024 + 1;
        Func<HttpContent?> oversize = () => new ByteArrayContent(new byte[big]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        Func<HttpContent?> oversizeUpload = () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(new byte[big]), "file", "lon.xlsx");
            return form;
        };
        var deep = new string('[', 200) + new string(']', 200);
        var foreign = new Dictionary<string, string> { ["Origin"] = "http://evil.example" };
        var opaque = new Dictionary<string, string> { ["Origin"] = "null" };
        var lookalike = new Dictionary<string, string> { ["Origin"] = "http://localhost.evil.example" };

        return
        [
            new("unknown route", "no such resource", "GET", "/api/v1/khong-co", () => null, [404]),
            new("unknown route", "no such version", "GET", "/api/v2/plans", () => null, [404]),
            new("unknown route", "a part a plan does not have", "GET", "/api/v1/plans/1/khong-co", () => null, [404]),
            new("unknown route", "id not a number", "GET", "/api/v1/plans/abc", () => null, [404]),
            new("unknown route", "id with traversal", "GET", "/api/v1/plans/..%2F..%2Fetc%2Fpasswd", () => null, [404]),
            new("unknown route", "id too large for int", "GET", "/api/v1/establishments/99999999999", () => null, [404]),
            new("unknown route", "negative id", "GET", "/api/v1/hotspots/-1", () => null, [404]),
            new("unknown route", "HEAD on nothing", "HEAD", "/api/v1/khong-co", () => null, [404]),
            new("unknown route", "POST to nothing", "POST", "/api/v1/khong-co", Json("{}"), [404, 405]),
            new("wrong method", "DELETE the plan list", "DELETE", "/api/v1/plans", () => null, [405]),
            new("wrong method", "PATCH an agency", "PATCH", "/api/v1/agencies/1", Json("{}"), [405]),
            new("wrong method", "PUT who I am", "PUT", "/api/v1/auth/me", Json("{}"), [405]),
            new("wrong method", "DELETE the audit trail", "DELETE", "/api/v1/audit", () => null, [405]),
            new("wrong method", "POST an export", "POST", "/api/v1/establishments/export.csv", Json("{}"), [405]),
            new("wrong method", "GET a sign-in", "GET", "/api/v1/auth/login", () => null, [404, 405]),
            new("long URL", "query of 5,000 characters", "GET", longQuery, () => null, [414], "url"),
            new("long URL", "path of 6,000 characters", "GET", longPath, () => null, [414], "url"),
            new("long URL", "long URL on a write", "POST", "/api/v1/agencies?x=" + new string('b', 4200), Json("{}"), [414], "url"),
            new("oversize body", "JSON of 30 MB", "POST", "/api/v1/agencies", oversize, [413], "body"),
            new("oversize body", "upload of 30 MB", "POST", "/api/v1/establishments/import", oversizeUpload, [413], "body"),
            new("oversize body", "plan file over 5 MB", "POST", "/api/v1/plans/import", Json("{\"x\":\"" + new string('a', 5 * 1024 * 1024 + 10) + "\"}"), Bad, "file"),
            new("bomb", "JSON nested 200 deep", "POST", "/api/v1/agencies", Json(deep), Bad, "body"),
            new("bomb", "JSON nested 200 deep in a plan file", "POST", "/api/v1/plans/import", Json(deep), AnyClientError),
            new("bomb", "number of 400 digits", "POST", "/api/v1/agencies", Json("{\"orgUnitId\":1" + new string('0', 400) + "}"), Bad, "orgUnitId"),
            new("bomb", "name of 1 MB", "POST", "/api/v1/agencies", Json("{\"code\":\"X\",\"name\":\"" + new string('a', 1024 * 1024) + "\",\"orgUnitId\":0}"), AnyClientError),
            new("wrong type", "a list instead of an object", "POST", "/api/v1/agencies", Json("[1,2]"), Bad, "body"),
            new("wrong type", "a string instead of an object", "POST", "/api/v1/hotspots", Json("\"điểm\""), Bad, "body"),
            new("wrong type", "null body", "POST", "/api/v1/establishments", Json("null"), Bad),
            new("content type", "XML", "POST", "/api/v1/agencies", Typed("<agency/>", "application/xml"), [415], "Content-Type"),
            new("content type", "HTML", "PUT", "/api/v1/agencies/1", Typed("<b>x</b>", "text/html"), [415], "Content-Type"),
            new("content type", "text/plain without a body", "POST", "/api/v1/notifications/read-all", Typed("", "text/plain"), [415], "Content-Type"),
            new("content type", "body without a content type", "POST", "/api/v1/agencies", () => new ByteArrayContent("{}"u8.ToArray()), [415], "Content-Type"),
            new("foreign origin", "write from another site", "POST", "/api/v1/agencies", Json("{}"), [403], "Origin", Headers: foreign),
            new("foreign origin", "delete from another site", "DELETE", "/api/v1/plans/1?version=1", () => null, [403], "Origin", Headers: foreign),
            new("foreign origin", "read-all from another site", "POST", "/api/v1/notifications/read-all", () => null, [403], "Origin", Headers: foreign),
            new("foreign origin", "unlock from a sandboxed frame", "POST", "/api/v1/users/1/unlock", () => null, [403], "Origin", Headers: opaque),
            new("foreign origin", "a look-alike host", "POST", "/api/v1/users", Json("{}"), [403], "Origin", Headers: lookalike),
            new("not signed in", "a list", "GET", "/api/v1/plans", () => null, [401], User: null),
            new("not signed in", "a record", "GET", "/api/v1/establishments/1", () => null, [401], User: null),
            new("not signed in", "an export", "GET", "/api/v1/establishments/export.csv", () => null, [401], User: null),
            new("not signed in", "a write", "POST", "/api/v1/agencies", Json("{}"), [401], User: null),
            new("missing required", "empty agency", "POST", "/api/v1/agencies", Json("{}"), Bad),
            new("missing required", "empty establishment", "POST", "/api/v1/establishments", Json("{}"), Bad),
            new("missing required", "empty hotspot", "POST", "/api/v1/hotspots", Json("{}"), Bad),
            new("missing required", "empty user", "POST", "/api/v1/users", Json("{}"), Bad),
            new("missing required", "empty team", "POST", "/api/v1/inspection-teams", Json("{}"), Bad),
            new("missing required", "empty inspection", "POST", "/api/v1/inspections", Json("{}"), Bad),
            new("missing required", "empty unit", "POST", "/api/v1/org-units", Json("{}"), Bad),
            new("missing required", "empty sign-in", "POST", "/api/v1/auth/login", Json("{}"), AnyClientError),
        ];
    }
}
