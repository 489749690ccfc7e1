using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Pcmd.Bench.Soak;

/// <summary>The soak's console rows and its Markdown report: the set-up, the two verdicts with the figures they were decided on,
/// the summary, one row per minute, one per operation, and examples of each kind of error.</summary>
public sealed class SoakReport(SoakBenchmark.Settings settings)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const double Tolerance = 0.10;
    public const double EndWindowMinutes = 10, CompareMinutes = 5;

    public SoakStats Stats { get; set; } = new(1);
    public IReadOnlyList<SoakOp> Ops { get; set; } = [];
    public string DataLine { get; set; } = "";
    public string LoadAtStart { get; set; } = "?";
    public string LoadAtEnd { get; set; } = "?";
    public DateTime Started { get; set; }
    public DateTime Finished { get; set; }
    public int SkippedCycles { get; set; }
    public int ServerWarnings { get; set; }
    public IReadOnlyList<string> ServerErrors { get; set; } = [];
    public IReadOnlyList<string> ServerWarningExamples { get; set; } = [];
    public bool Met { get; private set; }

    const string Columns = "| min | slots | requests | errors | late | dropped | p50 ms | p95 ms | p99 ms | max ms | RSS MB (last) | RSS MB (max) | heap MB (last) | threads | fds | server log errors |";

    public static void PrintHeader()
    {
        Console.WriteLine(Columns);
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    public void PrintMinute(int minute) => Console.WriteLine(Row(minute));

    string Row(int minute)
    {
        var m = Stats.Minutes[minute];
        var (p50, p95, p99, max, _) = Stats.Latency(minute, minute + 1);
        var last = m.Memory.Count > 0 ? m.Memory[^1] : default;
        var rssMax = m.Memory.Count > 0 ? m.Memory.Max(s => s.RssMb) : double.NaN;
        var warm = minute < settings.Warmup ? " (warm-up)" : "";
        return $"| {minute + 1}{warm} | {m.Slots} | {m.Requests} | {m.ErrorCount} | {m.Late} | {m.Dropped} | {F(p50)} | {F(p95)} | {F(p99)} | {F(max)} | " +
            $"{F(last.RssMb)} | {F(rssMax)} | {F(m.Memory.Count > 0 ? last.HeapMb : double.NaN)} | {last.Threads} | {last.Fds} | {m.ServerLogErrors} |";
    }

    public string Markdown(string arguments)
    {
        var minutes = settings.Minutes;
        var warmup = settings.Warmup;
        var post = minutes - warmup;
        var compare = (int)Math.Max(1, Math.Floor(SoakMath.Window(post, CompareMinutes)));
        var first = Stats.Latency(warmup, warmup + compare);
        var lastWindow = Stats.Latency(minutes - compare, minutes);
        var errorsAll = Stats.ErrorsByKind(0, minutes);
        var errorsAfter = Stats.ErrorsByKind(warmup, minutes);
        var httpErrors = errorsAll.Values.Sum();
        var serverErrors = Stats.Minutes.Sum(m => m.ServerLogErrors);
        var slots = Stats.Minutes.Sum(m => m.Slots);
        var requests = Stats.Minutes.Sum(m => m.Requests);
        var late = Stats.Minutes.Sum(m => m.Late);
        var dropped = Stats.Minutes.Sum(m => m.Dropped);
        var samples = Stats.RssSamples();
        var flat = samples.Any(s => s.Minute >= warmup) ? SoakMath.Flatness(samples, warmup, minutes, Tolerance, EndWindowMinutes) : null;
        var heapSamples = Stats.HeapSamples();
        var heap = heapSamples.Any(s => s.Minute >= warmup) ? SoakMath.Flatness(heapSamples, warmup, minutes, Tolerance, EndWindowMinutes) : null;
        var memory = Stats.Minutes.SelectMany(m => m.Memory).OrderBy(s => s.At).Where(s => s.At >= warmup).ToList();
        var errorsOk = httpErrors == 0 && serverErrors == 0;
        // Both must hold: the heap rule finds a leak in what the app keeps; the RSS rule what the process costs the machine.
        Met = errorsOk && flat is { Flat: true } && heap is not { Flat: false };

        var sb = new StringBuilder();
        sb.AppendLine("# Soak benchmark");
        sb.AppendLine();
        sb.AppendLine($"- when: {Started:yyyy-MM-dd HH:mm} – {Finished:HH:mm} UTC");
        sb.AppendLine($"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; load average (1 min) {LoadAtStart} → {LoadAtEnd} (the load generator runs on the same machine)");
        sb.AppendLine($"- server: src/Pcmd.Web/bin/Release/net10.0/Pcmd.Web.dll as its own process on 127.0.0.1, environment {settings.Environment}, server GC; database {settings.Database}");
        sb.AppendLine($"- data: {DataLine.Replace("Data: ", "", StringComparison.Ordinal)} ({settings.Data} data set)");
        sb.AppendLine($"- load: {settings.Rate.ToString("0.##", Inv)} requests/s on a fixed schedule (open loop) for {minutes} min, the first {warmup} min of which are the warm-up; " +
            $"at most {settings.MaxInFlight} in flight (a slot beyond is dropped and counted); timeout {settings.Timeout.TotalSeconds:0} s; memory sampled every {settings.SampleSeconds} s");
        sb.AppendLine($"- mix: {MixLine()}");
        sb.AppendLine($"- command: `dotnet run -c Release --project bench/Pcmd.Bench -- {arguments}`");
        sb.AppendLine();
        sb.AppendLine("| goal | measured | |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine($"| no error: every answer as expected (no 5xx, no unexpected 4xx or redirect, no timeout, no refused connection), no Error in the server's log | " +
            $"{httpErrors} request errors{(httpErrors > 0 ? " (" + Kinds(errorsAll) + ")" : "")}, {serverErrors} server log errors, of {requests:N0} requests | {Verdict(errorsOk)} |");
        sb.AppendLine(flat is null
            ? "| memory flat after the warm-up | no sample after the warm-up | **missed** |"
            : $"| memory flat after the warm-up: the highest RSS of the last {Num(minutes - flat.WindowFromMinute)} min ≤ the highest RSS of the warm-up's last minute + {Tolerance:0 %} | " +
              $"{F(flat.BaselineMb)} MB at the end of the warm-up, limit {F(flat.LimitMb)} MB; highest of the window {F(flat.WindowMaxMb)} MB | {Verdict(flat.Flat)} |");
        sb.AppendLine(heap is null
            ? "| managed heap flat after the warm-up | not measured (the build serves no /metrics) | – |"
            : $"| managed heap flat after the warm-up: the highest heap after a collection (all generations) of the last {Num(minutes - heap.WindowFromMinute)} min ≤ the highest of the warm-up's last minute + {Tolerance:0 %} | " +
              $"{F(heap.BaselineMb)} MB at the end of the warm-up, limit {F(heap.LimitMb)} MB; highest of the window {F(heap.WindowMaxMb)} MB | {Verdict(heap.Flat)} |");
        sb.AppendLine();
        sb.AppendLine($"- schedule: {slots:N0} slots, {late:N0} started late (> 50 ms after their time), {dropped:N0} dropped (bound reached), {SkippedCycles} sign-in cycles skipped (previous one still running); " +
            $"{requests:N0} HTTP requests (a write or a sign-in cycle is several)");
        sb.AppendLine($"- errors after the warm-up: {(errorsAfter.Count == 0 ? "none" : Kinds(errorsAfter))}; server log during the run: {serverErrors} errors, {ServerWarnings} warnings");
        sb.AppendLine($"- latency, first {compare} min after the warm-up ({Span(warmup + 1, warmup + compare)}): p50 {F(first.P50)} ms, p95 **{F(first.P95)} ms**, p99 {F(first.P99)} ms; " +
            $"last {compare} min ({Span(minutes - compare + 1, minutes)}): p50 {F(lastWindow.P50)} ms, p95 **{F(lastWindow.P95)} ms**, p99 {F(lastWindow.P99)} ms");
        if (flat is not null)
            sb.AppendLine($"- RSS after the warm-up: min {F(flat.MinMb)} MB, max {F(flat.MaxMb)} MB, last {F(flat.LastMb)} MB; slope {flat.SlopeMbPer10Min.ToString("+0.0;-0.0;0.0", Inv)} MB per 10 min (least squares); " +
                $"threads {memory.FirstOrDefault().Threads} → {memory.LastOrDefault().Threads}, open descriptors {memory.FirstOrDefault().Fds} → {memory.LastOrDefault().Fds}");
        if (heap is not null)
            sb.AppendLine($"- managed heap after a collection, after the warm-up: min {F(heap.MinMb)} MB, max {F(heap.MaxMb)} MB, last {F(heap.LastMb)} MB; slope {heap.SlopeMbPer10Min.ToString("+0.0;-0.0;0.0", Inv)} MB per 10 min; " +
                $"committed by the GC {F(memory.FirstOrDefault().CommittedMb)} → {F(memory.LastOrDefault().CommittedMb)} MB");
        sb.AppendLine();
        sb.AppendLine(Columns);
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < minutes; i++) sb.AppendLine(Row(i));
        sb.AppendLine();
        sb.AppendLine("| operation | kind | weight | requests | errors | p50 ms | p95 ms | max ms |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var op in Ops)
        {
            if (!Stats.Ops.TryGetValue(op.Name, out var f)) { sb.AppendLine($"| {op.Name} | {op.Kind} | {Num(op.Weight)} | 0 | 0 | | | |"); continue; }
            var sorted = f.Ms.Order().ToList();
            sb.AppendLine($"| {op.Name} | {op.Kind} | {Num(op.Weight)} | {f.Count:N0} | {f.Errors} | {F(SoakMath.Percentile(sorted, 0.5))} | {F(SoakMath.Percentile(sorted, 0.95))} | {F(sorted.LastOrDefault())} |");
        }
        if (Stats.Examples.Count > 0 || ServerErrors.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Examples of the errors (up to three of each kind; server log: the first five):");
            sb.AppendLine();
            foreach (var e in Stats.Examples.Concat(ServerErrors)) sb.AppendLine($"- `{e.Replace("`", "'", StringComparison.Ordinal)}`");
        }
        if (ServerWarningExamples.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("The server's first warnings (from its start, not errors; for reading):");
            sb.AppendLine();
            foreach (var w in ServerWarningExamples) sb.AppendLine($"- `{w.Replace("`", "'", StringComparison.Ordinal)}`");
        }
        return sb.ToString();
    }

    string MixLine()
    {
        var total = Ops.Sum(o => o.Weight);
        return string.Join(", ", Ops.GroupBy(o => o.Kind).Select(g => $"{g.Key} {(g.Sum(o => o.Weight) / total).ToString("0.0 %", Inv)} ({g.Count()} kinds)")) +
            " of the slots; reads by every account allowed to (7 demo roles, each in its own scope), writes by kiemtra (inspections) and phuluong (establishments) on records they created";
    }

    static string Span(int from, int to) => from == to ? $"minute {from}" : $"minutes {from}–{to}";
    static string Kinds(Dictionary<string, int> kinds) => string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}: {k.Value}"));
    static string Verdict(bool ok) => ok ? "met" : "**missed**";
    static string F(double v) => double.IsNaN(v) ? "–" : v.ToString(v >= 100 ? "0" : "0.0", Inv);
    static string Num(double v) => v.ToString("0.##", Inv);

}
