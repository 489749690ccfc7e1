using System.Text.Json;
using Pcmd.Bench.Soak;

namespace Pcmd.Bench.Cluster;

/// <summary>The report drafts of <c>cluster-faults</c>: phase p saves drafts of the officer's p-th draft report (the form read
/// for its version, the difficulties' text changed, saved) one at a time, and ends by submitting it. Every text sent is kept in
/// order with the last one acknowledged: afterwards the stored text must be that one or a later one (a save whose answer was
/// lost with a killed node may have been stored), and an acknowledged submission must have left the report submitted.</summary>
public sealed class ReportWriter(SoakClient client, SoakSession officer, List<int> drafts)
{
    sealed class Track
    {
        public readonly List<string> Sent = [];
        public int Acknowledged = -1;
        public bool Submitted;
    }

    readonly SemaphoreSlim _one = new(1, 1);
    readonly Dictionary<int, Track> _tracks = [];
    int _serial;

    public int Saves { get; private set; }
    public int Submits { get; private set; }

    int? Report(int phase) => phase < drafts.Count ? drafts[phase] : null;

    async Task<JsonElement?> Form(int phase, int id) =>
        await client.Call(officer, phase, "report form", HttpMethod.Get, $"/api/v1/reports/{id}", [200], keepBody: true) is { Status: 200 } r ? r.Json : null;

    public async Task<bool> Save(int phase)
    {
        if (Report(phase) is not { } id || !await _one.WaitAsync(0)) return false;
        try
        {
            if (await Form(phase, id) is not { } form) return false;
            if (!_tracks.TryGetValue(id, out var t)) _tracks[id] = t = new Track();
            if (t.Submitted) return false;
            var text = $"Khó khăn (lần lưu {++_serial})";
            t.Sent.Add(text);
            var reply = await client.Call(officer, phase, "report draft save", HttpMethod.Put, $"/api/v1/reports/{id}", [200],
                SoakClient.Json(new { version = form.GetProperty("version").GetInt32(), difficulties = text }));
            if (reply is not { Status: 200 }) return false;
            t.Acknowledged = t.Sent.Count - 1;
            Saves++;
            return true;
        }
        finally { _one.Release(); }
    }

    public async Task Submit(int phase)
    {
        if (Report(phase) is not { } id) return;
        await _one.WaitAsync();
        try
        {
            // A report is submitted complete: every task's progress and result, every figure (the computed one, noted), the
            // questions answered, difficulties and proposals (ReportRules).
            if (await Form(phase, id) is not { } form) return;
            if (!_tracks.TryGetValue(id, out var track)) _tracks[id] = track = new Track();
            var text = $"Khó khăn (lần lưu {++_serial}, trước khi nộp)";
            track.Sent.Add(text);
            var saved = await client.Call(officer, phase, "report draft save", HttpMethod.Put, $"/api/v1/reports/{id}", [200],
                SoakClient.Json(Complete(form, text)));
            if (saved is not { Status: 200 }) return;
            track.Acknowledged = track.Sent.Count - 1;
            Saves++;
            if (await Form(phase, id) is not { } filled) return;
            form = filled;
            var reply = await client.Call(officer, phase, "report submit", HttpMethod.Post, $"/api/v1/reports/{id}/submit", [200],
                SoakClient.Json(new { version = form.GetProperty("version").GetInt32() }));
            if (reply is not { Status: 200 }) return;
            if (!_tracks.TryGetValue(id, out var t)) _tracks[id] = t = new Track();
            t.Submitted = true;
            Submits++;
        }
        finally { _one.Release(); }
    }

    static object Complete(JsonElement form, string difficulties) => new
    {
        version = form.GetProperty("version").GetInt32(), difficulties, proposals = "Không",
        answers = form.GetProperty("questions").EnumerateArray().Select(_ => "Không").ToList(),
        tasks = form.GetProperty("tasks").EnumerateArray()
            .Select(t => new { taskId = t.GetProperty("taskId").GetInt32(), progress = "inProgress", narrative = "Đang thực hiện theo kế hoạch." }).ToList(),
        values = form.GetProperty("indicators").EnumerateArray().Select(v =>
        {
            decimal? N(string name) => v.TryGetProperty(name, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDecimal() : null;
            var value = N("computed") ?? N("value") ?? 0;
            var share = v.GetProperty("isShare").GetBoolean();
            return new { indicatorId = v.GetProperty("indicatorId").GetInt32(), value, denominator = share ? N("computedDenominator") ?? Math.Max(value, 1) : (decimal?)null,
                note = "Số liệu từ hệ thống." };
        }).ToList(),
    };

    /// <summary>Reports whose stored text or status lost an acknowledged write (read with a client that records nothing).</summary>
    public async Task<int> Missing(SoakClient check)
    {
        var missing = 0;
        foreach (var (id, t) in _tracks)
        {
            var reply = await check.Call(officer, 0, "check", HttpMethod.Get, $"/api/v1/reports/{id}", [200], keepBody: true);
            if (reply is not { Status: 200 }) { missing++; continue; }
            var form = reply.Json;
            var stored = form.GetProperty("difficulties").GetString();
            var at = stored is null ? -1 : t.Sent.IndexOf(stored);
            var status = form.GetProperty("status").ToString();
            if (at < t.Acknowledged || (t.Submitted && !status.Equals("submitted", StringComparison.OrdinalIgnoreCase))) missing++;
        }
        return missing;
    }
}
