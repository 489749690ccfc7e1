using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

public static class PlansApi
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public static void MapPlansApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/plans").WithTags("Kế hoạch").RequireAuthorization();

        api.MapGet("/", async (string? search, CurrentScope cs, PlanService svc, CancellationToken ct) =>
            Results.Ok(await svc.List(await cs.Get(), search, ct)));

        api.MapGet("/{id:int}", async (int id, CurrentScope cs, PlanService svc, CancellationToken ct) =>
        {
            var scope = await cs.Get();
            var plan = await svc.Get(scope, id, ct);
            return Results.Ok(plan.ToDetail(PlanAccess.CanWrite(scope, plan)));
        });

        api.MapGet("/{id:int}/export", async (int id, CurrentScope cs, PlanService svc, CancellationToken ct) =>
        {
            var doc = await svc.Export(await cs.Get(), id, ct);
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc, PlanFileDocument.Json));
            return Results.File(bytes, "application/json; charset=utf-8", $"{doc.Plan!.Key}.json");
        }).Produces<PlanFileDocument>();

        api.MapPost("/import", async (HttpRequest req, CurrentScope cs, PlanService svc, CancellationToken ct) =>
        {
            var doc = PlanFileReader.Parse(await ReadBody(req, ct));
            var plan = await svc.Import(await cs.Get(), doc, ct);
            return Results.Created($"/api/v1/plans/{plan.Id}", new { plan.Id, plan.Key, plan.Version });
        }).Accepts<PlanFileDocument>("application/json").DisableAntiforgery();

        api.MapPut("/{id:int}/file", async (int id, int version, HttpRequest req, CurrentScope cs, PlanService svc, CancellationToken ct) =>
        {
            var doc = PlanFileReader.Parse(await ReadBody(req, ct));
            var plan = await svc.Replace(await cs.Get(), id, doc, version, ct);
            return Results.Ok(new { plan.Id, plan.Key, plan.Version });
        }).Accepts<PlanFileDocument>("application/json");

        api.MapPut("/{id:int}", async (int id, [FromBody] PlanHeaderInput input, CurrentScope cs, PlanService svc, CancellationToken ct) =>
        {
            var plan = await svc.UpdateHeader(await cs.Get(), id, input, ct);
            return Results.Ok(new { plan.Id, plan.Version });
        });

        api.MapDelete("/{id:int}", async (int id, int version, CurrentScope cs, PlanService svc, CancellationToken ct) =>
        {
            await svc.Delete(await cs.Get(), id, version, ct);
            return Results.NoContent();
        });

        app.MapGet("/api/v1/my-tasks", async (CurrentScope cs, MyTasks svc, CancellationToken ct) =>
            Results.Ok(await svc.For(await cs.Get(), ct))).WithTags("Kế hoạch").RequireAuthorization();
    }

    /// <summary>Reads a plan file from the body (raw JSON or a multipart upload), refusing oversize files.</summary>
    internal static async Task<string> ReadBody(HttpRequest req, CancellationToken ct)
    {
        if (req.ContentLength > MaxFileBytes) throw TooLarge();
        if (req.HasFormContentType)
        {
            var form = await req.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault() ?? throw ValidationException.One("file", "Hãy chọn tệp kế hoạch (.json).");
            if (file.Length > MaxFileBytes) throw TooLarge();
            if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                throw ValidationException.One("file", "Chỉ nhận tệp kế hoạch dạng .json.");
            using var r = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return await r.ReadToEndAsync(ct);
        }
        // Read in chunks and stop past the limit: a body without Content-Length must not fill the memory.
        using var reader = new StreamReader(req.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var chunk = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(chunk, ct)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > MaxFileBytes) throw TooLarge();
        }
        return text.ToString();
    }

    static ValidationException TooLarge() => ValidationException.One("file", $"Tệp lớn quá {MaxFileBytes / 1024 / 1024} MB.");
}
