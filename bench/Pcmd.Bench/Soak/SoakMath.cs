namespace Pcmd.Bench.Soak;

/// <summary>What the dispatcher did with one slot of the fixed-rate schedule.</summary>
public enum SlotOutcome { OnTime, Late, Dropped }

/// <summary>The memory verdict of a soak: the figures it was decided on, so that the report can show them.</summary>
public sealed record Flatness(double BaselineMb, double WindowFromMinute, double WindowMaxMb, double LimitMb, bool Flat,
    double MinMb, double MaxMb, double LastMb, double SlopeMbPer10Min);

/// <summary>The soak's arithmetic, kept pure (no clock, no I/O) so that the unit tests check it
/// (tests/Pcmd.UnitTests links this file: the bench is an executable the tests do not reference).</summary>
public static class SoakMath
{
    /// <summary>Open loop: slot k is due k / rate seconds after the start, whatever happened to the earlier slots,
    /// so a slow server cannot slow the offered load down (a closed loop would hide its slowness).</summary>
    public static TimeSpan DueAt(long slot, double ratePerSecond) => TimeSpan.FromSeconds(slot / ratePerSecond);

    public static long Slots(double minutes, double ratePerSecond) => (long)Math.Round(minutes * 60 * ratePerSecond);

    /// <summary>The bound comes first: a slot that would exceed it is dropped (counted, never queued, so that the
    /// client's memory stays bounded); a slot started more than <paramref name="lateAfter"/> after its time is late.</summary>
    public static SlotOutcome Classify(TimeSpan lag, int inFlight, int maxInFlight, TimeSpan lateAfter) =>
        inFlight >= maxInFlight ? SlotOutcome.Dropped : lag > lateAfter ? SlotOutcome.Late : SlotOutcome.OnTime;

    /// <summary>Nearest rank on values sorted ascending: the smallest value with at least p of the values at or below it.
    /// NaN for no values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The least-squares slope of y over x (0 for fewer than two distinct x).</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2) return 0;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? 0 : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }

    /// <summary>The window the end of a run is judged on: <paramref name="wanted"/> minutes, but never more than half
    /// of the time after the warm-up (a short trial run still compares an end with a beginning).</summary>
    public static double Window(double postWarmupMinutes, double wanted) => Math.Max(0, Math.Min(wanted, postWarmupMinutes / 2));

    /// <summary>"Flat after warm-up": the highest RSS of the last <paramref name="windowMinutes"/> (see <see cref="Window"/>)
    /// is at most the RSS at the end of the warm-up plus <paramref name="tolerance"/>. The end of the warm-up is the highest
    /// sample of its last minute (the first sample after it when there is none): the server collector's sawtooth spans about
    /// 10 %, and a peak is compared with a peak, not with whatever point of the saw one sample caught.
    /// Samples are (minute since start, MB), in time order.</summary>
    public static Flatness Flatness(IReadOnlyList<(double Minute, double Mb)> samples, double warmupMinutes, double endMinute,
        double tolerance = 0.10, double windowMinutes = 10)
    {
        var after = samples.Where(s => s.Minute >= warmupMinutes).ToList();
        if (after.Count == 0) throw new ArgumentException("No memory sample after the warm-up.");
        var end = samples.Where(s => s.Minute <= warmupMinutes && s.Minute >= warmupMinutes - 1).ToList();
        var baseline = end.Count > 0 ? end.Max(s => s.Mb) : after[0].Mb;
        var from = endMinute - Window(endMinute - warmupMinutes, windowMinutes);
        var window = after.Where(s => s.Minute >= from).Select(s => s.Mb).DefaultIfEmpty(after[^1].Mb).ToList();
        var limit = baseline * (1 + tolerance);
        var max = window.Max();
        return new Flatness(baseline, from, max, limit, max <= limit, after.Min(s => s.Mb), after.Max(s => s.Mb), after[^1].Mb,
            Slope(after.Select(s => (s.Minute, s.Mb)).ToList()) * 10);
    }

    /// <summary>The sum, in MB, of every series of one metric in Prometheus text format (one line per label set:
    /// <c>name{labels} value</c>); NaN when the metric is absent.</summary>
    public static double MetricMb(string prometheusText, string metric)
    {
        double sum = 0;
        var found = false;
        foreach (var line in prometheusText.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length <= metric.Length
                || (line[metric.Length] != '{' && line[metric.Length] != ' ')) continue;
            var value = line[(line.LastIndexOf(' ') + 1)..].Trim();
            if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) continue;
            sum += v;
            found = true;
        }
        return found ? sum / (1024 * 1024) : double.NaN;
    }
}
