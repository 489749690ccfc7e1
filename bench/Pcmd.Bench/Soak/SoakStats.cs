namespace Pcmd.Bench.Soak;

/// <summary>Everything the run records, by minute of the schedule (a request counts in the minute its slot was due, so a
/// slow answer does not move into the next minute's figures). Thread-safe by one lock: at tens of requests a second there is
/// nothing to contend for.</summary>
public sealed class SoakStats
{
    public sealed class Minute
    {
        public int Slots, Late, Dropped, Requests, ServerLogErrors;
        public double MaxLagMs;
        public readonly List<double> Ms = [];
        public readonly Dictionary<string, int> Errors = [];
        public readonly List<(double At, double RssMb, int Threads, int Fds, double HeapMb, double CommittedMb)> Memory = [];
        public int ErrorCount => Errors.Values.Sum();
    }

    public sealed class OpFigures
    {
        public int Count, Errors;
        public readonly List<double> Ms = [];
    }

    readonly object _lock = new();
    readonly List<Minute> _minutes;
    readonly Dictionary<string, OpFigures> _ops = new(StringComparer.Ordinal);
    readonly List<string> _examples = [];
    readonly Dictionary<string, int> _examplesByKind = [];

    public SoakStats(int minutes) => _minutes = Enumerable.Range(0, minutes).Select(_ => new Minute()).ToList();

    public IReadOnlyList<Minute> Minutes => _minutes;
    public IReadOnlyDictionary<string, OpFigures> Ops => _ops;
    public IReadOnlyList<string> Examples { get { lock (_lock) return _examples.ToList(); } }

    Minute At(int minute) => _minutes[Math.Clamp(minute, 0, _minutes.Count - 1)];

    public void Slot(int minute, SlotOutcome outcome, double lagMs)
    {
        lock (_lock)
        {
            var m = At(minute);
            m.Slots++;
            if (outcome == SlotOutcome.Late) m.Late++;
            if (outcome == SlotOutcome.Dropped) m.Dropped++;
            m.MaxLagMs = Math.Max(m.MaxLagMs, lagMs);
        }
    }

    /// <summary>One HTTP request: its time to the last byte, and the kind of error if it was one (null when it answered as expected).</summary>
    public void Request(int minute, string op, double ms, string? errorKind, string? detail)
    {
        lock (_lock)
        {
            var m = At(minute);
            m.Requests++;
            m.Ms.Add(ms);
            if (!_ops.TryGetValue(op, out var o)) _ops[op] = o = new OpFigures();
            o.Count++;
            o.Ms.Add(ms);
            if (errorKind is null) return;
            o.Errors++;
            m.Errors[errorKind] = m.Errors.GetValueOrDefault(errorKind) + 1;
            // A few examples of each kind, enough to start looking, never a flood.
            var seen = _examplesByKind.GetValueOrDefault(errorKind);
            if (seen < 3) _examples.Add($"minute {minute + 1}, {op}: {detail}");
            _examplesByKind[errorKind] = seen + 1;
        }
    }

    /// <summary>An answer that had the expected status but the wrong content (a sign-in sent back to the login page).</summary>
    public void Error(int minute, string op, string kind, string detail)
    {
        lock (_lock)
        {
            var m = At(minute);
            m.Errors[kind] = m.Errors.GetValueOrDefault(kind) + 1;
            if (_ops.TryGetValue(op, out var o)) o.Errors++;
            var seen = _examplesByKind.GetValueOrDefault(kind);
            if (seen < 3) _examples.Add($"minute {minute + 1}, {op}: {detail}");
            _examplesByKind[kind] = seen + 1;
        }
    }

    public void Memory(int minute, double at, (double RssMb, int Threads, int Fds) sample, (double HeapMb, double CommittedMb) heap)
    {
        lock (_lock) At(minute).Memory.Add((at, sample.RssMb, sample.Threads, sample.Fds, heap.HeapMb, heap.CommittedMb));
    }

    public void ServerLogErrors(int minute, int count)
    {
        lock (_lock) At(minute).ServerLogErrors += count;
    }

    /// <summary>p50, p95, p99 and max of the requests of minutes [from, to).</summary>
    public (double P50, double P95, double P99, double Max, int Count) Latency(int from, int to)
    {
        lock (_lock)
        {
            var all = _minutes.Skip(from).Take(Math.Max(0, to - from)).SelectMany(m => m.Ms).Order().ToList();
            return (SoakMath.Percentile(all, 0.50), SoakMath.Percentile(all, 0.95), SoakMath.Percentile(all, 0.99),
                all.Count == 0 ? double.NaN : all[^1], all.Count);
        }
    }

    public Dictionary<string, int> ErrorsByKind(int from, int to)
    {
        lock (_lock)
            return _minutes.Skip(from).Take(Math.Max(0, to - from)).SelectMany(m => m.Errors)
                .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
    }

    public List<(double Minute, double Mb)> RssSamples()
    {
        lock (_lock) return _minutes.SelectMany(m => m.Memory).Select(s => (s.At, s.RssMb)).OrderBy(s => s.At).ToList();
    }

    /// <summary>The managed heap after the GC's last collection, where the app serves <c>/metrics</c>.</summary>
    public List<(double Minute, double Mb)> HeapSamples()
    {
        lock (_lock)
            return _minutes.SelectMany(m => m.Memory).Where(s => !double.IsNaN(s.HeapMb)).Select(s => (s.At, s.HeapMb)).OrderBy(s => s.At).ToList();
    }
}
