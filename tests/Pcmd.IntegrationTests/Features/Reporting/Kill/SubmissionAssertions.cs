using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Notifications;

namespace Pcmd.IntegrationTests.Features.Reporting.Kill;

/// <summary>The two states a report may be found in after a kill, each checked field by field against the form as it
/// was read back after the officer's last save. The forms stay raw JSON here on purpose: each field is compared as the
/// API wrote it, including the ones the typed views leave out.</summary>
public static class SubmissionAssertions
{
    public static void DraftAsSaved(JsonNode saved, JsonNode after, string label)
    {
        var at = $"{label} (not submitted)";
        Assert.True(saved["status"]!.GetValue<string>() == after["status"]!.GetValue<string>(), $"{at}: status {after["status"]}");
        Assert.Equal(saved["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal(Text(saved["submittedAt"]), Text(after["submittedAt"]));
        Assert.Equal(Text(saved["history"]), Text(after["history"]));
        Assert.Equal(Text(saved["savedAt"]), Text(after["savedAt"]));
        ContentAsSaved(saved, after, at);
        foreach (var v in after["indicators"]!.AsArray()) Assert.False(v!["prefilled"]!.GetValue<bool>(), $"{at}: {v["number"]} pre-filled again");
    }

    public static void FullySubmitted(JsonNode saved, JsonNode after, string label)
    {
        var at = $"{label} (submitted)";
        Assert.Equal(saved["version"]!.GetValue<int>() + 1, after["version"]!.GetValue<int>());
        Assert.NotNull(after["submittedAt"]);
        var before = saved["history"]!.AsArray();
        var history = after["history"]!.AsArray();
        Assert.True(history.Count == before.Count + 1, $"{at}: history {Text(history)} after {Text(before)}");
        Assert.Equal(Text(before), Text(new JsonArray(history.Take(before.Count).Select(e => e!.DeepClone()).ToArray())));
        Assert.Equal("submitted", history[^1]!["kind"]!.GetValue<string>());
        Assert.Equal("phuluong", history[^1]!["by"]!.GetValue<string>());
        if (before.Count == 0) Assert.Equal(Text(history[^1]!["at"]), Text(after["submittedAt"]));
        ContentAsSaved(saved, after, at);
        // Frozen: the figures the records gave at submission are stored with the report, each with its source.
        foreach (var v in after["indicators"]!.AsArray())
        {
            var s = saved["indicators"]!.AsArray().Single(x => x!["indicatorId"]!.GetValue<int>() == v!["indicatorId"]!.GetValue<int>())!;
            Assert.True(Number(s["computed"]) == Number(v!["computed"]) && Number(s["computedDenominator"]) == Number(v["computedDenominator"]),
                $"{at}: indicator {v!["number"]} computed {Text(v["computed"])}/{Text(v["computedDenominator"])}, the form had {Text(s["computed"])}/{Text(s["computedDenominator"])}");
            if (s["computed"] is not null) Assert.False(string.IsNullOrEmpty(Text(v["source"])), $"{at}: indicator {v["number"]} frozen without its source");
        }
        Assert.False(after["canEdit"]!.GetValue<bool>());
    }

    /// <summary>Every field the officer saved, exactly.</summary>
    static void ContentAsSaved(JsonNode saved, JsonNode after, string at)
    {
        Assert.Equal(Text(saved["difficulties"]), Text(after["difficulties"]));
        Assert.Equal(Text(saved["proposals"]), Text(after["proposals"]));
        var tasks = after["tasks"]!.AsArray();
        Assert.Equal(saved["tasks"]!.AsArray().Count, tasks.Count);
        foreach (var s in saved["tasks"]!.AsArray())
        {
            var a = tasks.Single(t => t!["taskId"]!.GetValue<int>() == s!["taskId"]!.GetValue<int>())!;
            Assert.True(Text(s!["progress"]) == Text(a["progress"]) && Text(s["narrative"]) == Text(a["narrative"]),
                $"{at}: task {s["number"]}: {Text(a["progress"])} {Text(a["narrative"])}, saved {Text(s["progress"])} {Text(s["narrative"])}");
        }
        var values = after["indicators"]!.AsArray();
        Assert.Equal(saved["indicators"]!.AsArray().Count, values.Count);
        foreach (var s in saved["indicators"]!.AsArray())
        {
            var a = values.Single(v => v!["indicatorId"]!.GetValue<int>() == s!["indicatorId"]!.GetValue<int>())!;
            Assert.True(Number(s!["value"]) == Number(a["value"]) && Number(s["denominator"]) == Number(a["denominator"]) && Text(s["note"]) == Text(a["note"]),
                $"{at}: indicator {s["number"]}: {Text(a["value"])}/{Text(a["denominator"])} \"{Text(a["note"])}\", saved {Text(s["value"])}/{Text(s["denominator"])} \"{Text(s["note"])}\"");
        }
    }

    /// <summary>The submission's notification to the consolidating agency commits with it: one per submission in the history.</summary>
    public static async Task NotificationsMatchHistory(HttpClient coordinator, int id, JsonNode after)
    {
        var notes = (await coordinator.GetJson<List<NotificationView>>("/api/v1/notifications?take=500"))
            .Count(x => x.Link == $"/reports/{id}" && x.Subject.Contains("đã nộp"));
        var submissions = after.As<ReportView>().History.Count(e => e.Kind == "submitted");
        Assert.True(notes == submissions, $"{notes} submission notifications for {submissions} submissions");
    }

    static string? Text(JsonNode? node) => node?.ToJsonString();
    static decimal? Number(JsonNode? node) => node?.GetValue<decimal>();
}
