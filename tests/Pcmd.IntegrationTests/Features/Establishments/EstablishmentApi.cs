using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>Small helpers over the establishment endpoints, for the tests of this folder.</summary>
public static class EstablishmentApi
{
    public static async Task<int> UnitId(this PcmdApp app, string code, string on = "2026-01-01")
    {
        var admin = await app.SignIn("admin");
        var found = (await admin.GetJson($"/api/v1/org-units?search={code}&on={on}")).AsArray();
        return found.Single(u => u!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<int>();
    }

    public static async Task<int> TypeId(this HttpClient c, string code) =>
        (await c.GetJson("/api/v1/establishment-types")).AsArray().Single(t => t!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<int>();

    /// <summary>A valid input; tests change one field at a time.</summary>
    public static JsonObject Input(string name, int typeId, int unitId, string? licence = null) => new()
    {
        ["name"] = name, ["address"] = "Số 5 phố Phú Lương", ["typeId"] = typeId, ["orgUnitId"] = unitId,
        ["latitude"] = 20.95, ["longitude"] = 105.77, ["ownerName"] = "Trần Văn Chủ", ["ownerPhone"] = "0987654321",
        ["licenceNumber"] = licence, ["licenceDate"] = "2020-01-15", ["workerCount"] = 5, ["riskClass"] = "medium",
        ["status"] = "underManagement", ["managedFrom"] = "2021-02-01", ["commitmentSigned"] = true, ["commitmentDate"] = "2024-03-01",
        ["note"] = "Ghi chú",
    };

    public static async Task<(int Id, int Version)> Create(this HttpClient c, JsonObject input)
    {
        var created = await (await c.PostRaw("/api/v1/establishments", input.ToJsonString())).Json(HttpStatusCode.Created);
        return (created["id"]!.GetValue<int>(), created["version"]!.GetValue<int>());
    }

    public static async Task<List<JsonNode>> Search(this HttpClient c, string q, string extra = "")
    {
        var page = await c.GetJson($"/api/v1/establishments?q={Uri.EscapeDataString(q)}&pageSize=200{extra}");
        return page["items"]!.AsArray().Select(i => i!).ToList();
    }

    public static async Task<HttpResponseMessage> Upload(this HttpClient c, byte[] file, string mode = "allOrNothing", string name = "co-so.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", name);
        form.Add(new StringContent(mode), "mode");
        return await c.PostAsync("/api/v1/establishments/import", form);
    }

    /// <summary>Uploads and waits for the background job to finish; returns the job's final report.</summary>
    public static async Task<JsonNode> Import(this HttpClient c, byte[] file, string mode = "allOrNothing")
    {
        var accepted = await (await c.Upload(file, mode)).Json(HttpStatusCode.Accepted);
        return await c.WaitForJob(accepted["jobId"]!.GetValue<string>());
    }

    public static async Task<JsonNode> WaitForJob(this HttpClient c, string jobId)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await c.GetJson($"/api/v1/establishments/import/{jobId}");
            var state = job["state"]!.GetValue<string>();
            if (state is "done" or "failed") return job;
            Assert.True(DateTime.UtcNow < until, $"import job still {state}");
            await Task.Delay(100);
        }
    }

    /// <summary>The job's problems as (row, column) pairs.</summary>
    public static List<(int? Row, string? Column, string Message)> Problems(this JsonNode job) =>
        job["rows"]!.AsArray().Select(r => (r!["row"]?.GetValue<int>(), r["column"]?.GetValue<string>(), r["message"]!.GetValue<string>())).ToList();
}
