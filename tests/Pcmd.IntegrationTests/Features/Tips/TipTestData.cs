using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Tips;

public sealed record TipSavedView(int Id, string Code, int Version, string State, DateOnly? NextDueOn);
public sealed record TipSourceReadView(string UserName, DateTime At);
public sealed record TipStepView(string State, DateTime At, string? By, DateOnly? DueOn, bool OnTime, string? Note, string? MessageToReporter);
public sealed record TipView(int Id, string Code, string Channel, string Description, string State, int OrgUnitId, int? AssignedUnitId, int Version,
    bool CanReadSource, string? ReceivedBy, List<string> NextSteps, List<TipStepView> Steps, List<TipSourceReadView> SourceReads, string? PublicResult,
    int? DuplicateOfId);
public sealed record TipSourceView(int Id, bool Anonymous, string? ReporterName, string? ReporterContact, string? IdentifyingDetails);
public sealed record TipRowView(int Id, string Code, string State, bool Overdue);
public sealed record TipPageView(int Total, List<TipRowView> Items);
public sealed record ReceiptView(string Code, string Secret, string Status, string StatusText);
public sealed record PortalMessageView(DateOnly On, string Text, bool FromReporter);
public sealed record PortalStatusView(string Code, string Status, string StatusText, DateOnly ReceivedOn, string? PublicResult, List<PortalMessageView> Messages);

/// <summary>What the tip tests need: tips made through the API with unique descriptions.</summary>
public sealed class TipTestData(PcmdApp app) : TestData(app)
{
    public const string PhuLuong = "09568", HaDong = "09556";

    public static JsonObject Input(string description, int unit, string channel = "hotline", string? name = null, string? contact = null) => new()
    {
        ["channel"] = channel, ["category"] = "premises", ["orgUnitId"] = unit, ["place"] = "Ngõ 5 phố Thử", ["description"] = description,
        ["anonymous"] = name is null && contact is null, ["reporterName"] = name, ["reporterContact"] = contact,
    };

    public static async Task<TipSavedView> Create(HttpClient c, JsonObject input) =>
        await (await c.PostRaw("/api/v1/tips", input.ToJsonString())).Json<TipSavedView>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Step(HttpClient c, int id, JsonObject step) => c.PostRaw($"/api/v1/tips/{id}/steps", step.ToJsonString());

    public static async Task<TipSavedView> StepOk(HttpClient c, int id, JsonObject step) => await (await Step(c, id, step)).Json<TipSavedView>(HttpStatusCode.OK);

    public static JsonObject S(string state, int version, params (string Key, JsonNode? Value)[] more)
    {
        var o = new JsonObject { ["state"] = state, ["version"] = version };
        foreach (var (k, v) in more) o[k] = v;
        return o;
    }

    public static Task<TipView> Get(HttpClient c, int id) => c.GetJson<TipView>($"/api/v1/tips/{id}");

    /// <summary>Verified, classified relevant as a violation report and assigned to <paramref name="assignTo"/> by <paramref name="c"/>.</summary>
    public static async Task<TipSavedView> VerifyClassifyAssign(HttpClient c, TipSavedView t, int assignTo, string? message = null)
    {
        t = await StepOk(c, t.Id, S("verifying", t.Version));
        t = await StepOk(c, t.Id, S("classified", t.Version, ("kind", "violationReport"), ("relevance", "relevant"), ("messageToReporter", message)));
        return await StepOk(c, t.Id, S("assigned", t.Version, ("assignedUnitId", assignTo)));
    }
}
