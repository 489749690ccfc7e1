using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments;

/// <summary>The list's query string: every filter optional, empty values ignored (a GET form sends them).</summary>
public sealed record EstablishmentQueryArgs(string? Unit, string? Type, string? Group, string? Status, string? Risk, string? Commitment,
    string? Q, string? Sort)
{
    public EstablishmentFilter ToFilter()
    {
        var errors = new ErrorList();
        T? Parse<T>(string name, string? value, string message) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _)) return v;
            errors.Add(name, message);
            return null;
        }
        int? unit = null;
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            if (int.TryParse(Unit, out var u)) unit = u;
            else errors.Add("unit", "Đơn vị phải là mã số (id) của đơn vị hành chính.");
        }
        bool? commitment = null;
        if (!string.IsNullOrWhiteSpace(Commitment))
        {
            if (bool.TryParse(Commitment, out var c)) commitment = c;
            else errors.Add("commitment", "Cam kết phải là true hoặc false.");
        }
        var filter = new EstablishmentFilter(unit, string.IsNullOrWhiteSpace(Type) ? null : Type.Trim(),
            Parse<EstablishmentGroup>("group", Group, "Nhóm không hợp lệ (lodging, culture, healthTherapy, other)."),
            Parse<ManagementStatus>("status", Status, "Tình trạng không hợp lệ (underManagement, notUnderManagement, closed)."),
            Parse<RiskClass>("risk", Risk, "Mức độ rủi ro không hợp lệ (low, medium, high)."),
            commitment, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), string.IsNullOrWhiteSpace(Sort) ? null : Sort.Trim());
        if (filter.Q?.Length > 200) errors.Add("q", "Từ khóa dài quá 200 ký tự.");
        errors.ThrowIfAny();
        return filter;
    }
}

public sealed record ImportJobRow(int? Row, string? Column, string Message);

public sealed record ImportJobView(Guid JobId, ImportJobState State, string Phase, string FileName, ImportMode Mode, int Processed, int Total,
    int Accepted, int Rejected, int IssueCount, string? Message, List<ImportJobRow> Rows)
{
    public static ImportJobView Of(ImportJob j)
    {
        var status = j.Status;
        var r = j.Result;
        return new ImportJobView(j.Id, j.State, j.IsFinished ? "finished" : status.Phase, j.FileName, j.Mode, r?.Total ?? status.Processed,
            r?.Total ?? status.Total, r?.Accepted ?? 0, r?.Rejected ?? 0, r?.IssueCount ?? 0, j.Message,
            r?.Issues.Select(i => new ImportJobRow(i.Row, i.Column, i.Message)).ToList() ?? []);
    }
}

public static class EstablishmentsApi
{
    static string Stamp => DateTime.UtcNow.AddHours(7).ToString("yyyyMMdd");

    public static void MapEstablishmentsApi(this WebApplication app)
    {
        app.MapGet("/api/v1/establishment-types", async (EstablishmentService svc, CancellationToken ct) => Results.Ok(await svc.Types(ct)))
            .WithTags("Cơ sở kinh doanh").RequireAuthorization();

        var api = app.MapGroup("/api/v1/establishments").WithTags("Cơ sở kinh doanh").RequireAuthorization();

        api.MapGet("/", async ([AsParameters] EstablishmentQueryArgs args, int? page, int? pageSize, CurrentScope cs, EstablishmentService svc, CancellationToken ct) =>
            Results.Ok(await svc.List(await cs.Get(), args.ToFilter(), page ?? 1, pageSize ?? EstablishmentService.DefaultPageSize, ct)))
            .Produces<EstablishmentPage>();

        api.MapGet("/{id:int}", async (int id, CurrentScope cs, EstablishmentService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct))).Produces<EstablishmentDto>();

        api.MapPost("/", async ([FromBody] EstablishmentInput input, CurrentScope cs, EstablishmentService svc, CancellationToken ct) =>
        {
            var e = await svc.Create(await cs.Get(), input with { Version = 0 }, ct);
            return Results.Created($"/api/v1/establishments/{e.Id}", new { e.Id, e.Version });
        });

        api.MapPut("/{id:int}", async (int id, [FromBody] EstablishmentInput input, CurrentScope cs, EstablishmentService svc, CancellationToken ct) =>
        {
            var e = await svc.Update(await cs.Get(), id, input, ct);
            return Results.Ok(new { e.Id, e.Version });
        });

        api.MapDelete("/{id:int}", async (int id, int version, CurrentScope cs, EstablishmentService svc, CancellationToken ct) =>
        {
            await svc.Delete(await cs.Get(), id, version, ct);
            return Results.NoContent();
        });

        api.MapGet("/export.xlsx", async ([AsParameters] EstablishmentQueryArgs args, CurrentScope cs, EstablishmentFiles files, CancellationToken ct) =>
            await Download(async t => await files.WriteXlsx(await cs.Get(), args.ToFilter(), t, ct), EstablishmentFiles.XlsxType, $"co-so-kinh-doanh-{Stamp}.xlsx"))
            .Produces(200, contentType: EstablishmentFiles.XlsxType);

        api.MapGet("/export.csv", async ([AsParameters] EstablishmentQueryArgs args, CurrentScope cs, EstablishmentFiles files, CancellationToken ct) =>
            await Download(async t => await files.WriteCsv(await cs.Get(), args.ToFilter(), t, ct), "text/csv; charset=utf-8", $"co-so-kinh-doanh-{Stamp}.csv"))
            .Produces(200, contentType: "text/csv");

        api.MapGet("/import/template.xlsx", async (CurrentScope cs, EstablishmentFiles files, CancellationToken ct) =>
            await Download(async t => await files.WriteTemplate(await cs.Get(), t, ct), EstablishmentFiles.XlsxType, "mau-nhap-co-so-kinh-doanh.xlsx"))
            .Produces(200, contentType: EstablishmentFiles.XlsxType);

        api.MapPost("/import", async (HttpRequest req, CurrentScope cs, ImportJobs jobs, CancellationToken ct) =>
        {
            var scope = await cs.Get();
            if (!EstablishmentAccess.CanWrite(scope)) throw new ForbiddenException();
            if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi tệp .xlsx dạng multipart/form-data (trường 'file').");
            var form = await req.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw ValidationException.One("file", "Hãy chọn tệp .xlsx để nhập.");
            var mode = ParseMode(form["mode"]);
            await using var content = file.OpenReadStream();
            var job = await jobs.Start(scope, content, file.FileName, mode, ct);
            return Results.Accepted($"/api/v1/establishments/import/{job.Id}", new { jobId = job.Id });
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").Produces(202);

        api.MapGet("/import/{jobId:guid}", async (Guid jobId, CurrentScope cs, ImportJobs jobs) =>
            jobs.Find(await cs.Get(), jobId) is { } job ? Results.Ok(ImportJobView.Of(job)) : throw new NotFoundException())
            .Produces<ImportJobView>();
    }

    public static ImportMode ParseMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "allornothing" => ImportMode.AllOrNothing,
        "skipbadrows" => ImportMode.SkipBadRows,
        _ => throw ValidationException.One("mode", "Chế độ nhập phải là allOrNothing (tất cả hoặc không) hoặc skipBadRows (bỏ qua dòng lỗi)."),
    };

    /// <summary>Writes the file to a temporary file first: the .xlsx package needs a seekable stream, and a problem
    /// (unknown unit, bad filter) still becomes a proper 4xx instead of a cut download.</summary>
    static async Task<IResult> Download(Func<Stream, Task> write, string contentType, string name)
    {
        var temp = TempFile();
        try { await write(temp); }
        catch { await temp.DisposeAsync(); throw; }
        temp.Position = 0;
        return Results.File(temp, contentType, name);
    }

    static FileStream TempFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
