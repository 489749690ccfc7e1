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
        var found = await admin.GetJson<List<Coded>>($"/api/v1/org-units?search={code}&on={on}");
        return found.Single(u => u.Code == code).Id;
    }

    public static async Task<int> TypeId(this HttpClient c, string code) =>
        (await c.GetJson<List<EstablishmentTypeView>>("/api/v1/establishment-types")).Single(t => t.Code == code).Id;

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
        var created = await (await c.PostRaw("/api/v1/establishments", input.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        return (created.Id, created.Version);
    }

    public static async Task<List<EstablishmentRow>> Search(this HttpClient c, string q, string extra = "") =>
        (await c.GetJson<EstablishmentPageView>($"/api/v1/establishments?q={Uri.EscapeDataString(q)}&pageSize=200{extra}")).Items;

    public static Task<EstablishmentView> Establishment(this HttpClient c, int id) => c.GetJson<EstablishmentView>($"/api/v1/establishments/{id}");

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
    public static async Task<JobView> Import(this HttpClient c, byte[] file, string mode = "allOrNothing")
    {
        var accepted = await (await c.Upload(file, mode)).Json<JobAccepted>(HttpStatusCode.Accepted);
        return await c.WaitForJob(accepted.JobId);
    }

    public static async Task<JobView> WaitForJob(this HttpClient c, string jobId)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await c.GetJson<JobView>($"/api/v1/establishments/import/{jobId}");
            if (job.State is "done" or "failed") return job;
            Assert.True(DateTime.UtcNow < until, $"import job still {job.State}");
            await Task.Delay(100);
        }
    }
}
