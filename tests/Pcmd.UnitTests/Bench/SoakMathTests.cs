using Pcmd.Bench.Soak;

namespace Pcmd.UnitTests.Bench;

/// <summary>The soak benchmark's arithmetic (bench/Pcmd.Bench/Soak/SoakMath.cs): a wrong percentile or flatness rule would
/// print a verdict the run does not support.</summary>
public class SoakMathTests
{
    [Fact]
    public void Slots_are_due_at_fixed_times_whatever_happened_before()
    {
        Assert.Equal(TimeSpan.Zero, SoakMath.DueAt(0, 20));
        Assert.Equal(TimeSpan.FromMilliseconds(50), SoakMath.DueAt(1, 20));
        Assert.Equal(TimeSpan.FromMinutes(1), SoakMath.DueAt(1200, 20));
        Assert.Equal(36_000, SoakMath.Slots(30, 20));
        Assert.Equal(150, SoakMath.Slots(1, 2.5));
    }

    [Fact]
    public void A_slot_over_the_bound_is_dropped_before_it_is_judged_late()
    {
        var late = TimeSpan.FromMilliseconds(50);
        Assert.Equal(SlotOutcome.OnTime, SoakMath.Classify(TimeSpan.FromMilliseconds(3), 10, 64, late));
        Assert.Equal(SlotOutcome.OnTime, SoakMath.Classify(late, 63, 64, late));
        Assert.Equal(SlotOutcome.Late, SoakMath.Classify(TimeSpan.FromMilliseconds(51), 63, 64, late));
        Assert.Equal(SlotOutcome.Dropped, SoakMath.Classify(TimeSpan.FromSeconds(2), 64, 64, late));
        Assert.Equal(SlotOutcome.Dropped, SoakMath.Classify(TimeSpan.Zero, 70, 64, late));
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var hundred = Enumerable.Range(1, 100).Select(i => (double)i).ToList();
        Assert.Equal(50, SoakMath.Percentile(hundred, 0.50));
        Assert.Equal(95, SoakMath.Percentile(hundred, 0.95));
        Assert.Equal(99, SoakMath.Percentile(hundred, 0.99));
        Assert.Equal(100, SoakMath.Percentile(hundred, 1.0));
        Assert.Equal(1, SoakMath.Percentile(hundred, 0));
        // Few values: p95 of four is the largest, never an interpolation below it.
        Assert.Equal(40, SoakMath.Percentile([10, 20, 30, 40], 0.95));
        Assert.Equal(7, SoakMath.Percentile([7], 0.5));
        Assert.True(double.IsNaN(SoakMath.Percentile([], 0.95)));
    }

    [Fact]
    public void Slope_is_the_least_squares_line()
    {
        Assert.Equal(2, SoakMath.Slope([(0, 1), (1, 3), (2, 5), (3, 7)]), 9);
        Assert.Equal(0, SoakMath.Slope([(0, 5), (1, 4), (2, 4), (3, 5)]), 9);
        Assert.Equal(0, SoakMath.Slope([(1, 5)]));
        Assert.Equal(0, SoakMath.Slope([(1, 5), (1, 9)]));
    }

    [Fact]
    public void The_end_window_is_ten_minutes_or_half_of_what_follows_the_warm_up()
    {
        Assert.Equal(10, SoakMath.Window(28, 10));
        Assert.Equal(0.5, SoakMath.Window(1, 10));
        Assert.Equal(5, SoakMath.Window(28, 5));
    }

    static List<(double, double)> Samples(Func<double, double> mb, double minutes) =>
        Enumerable.Range(0, (int)(minutes * 12) + 1).Select(i => (i / 12.0, mb(i / 12.0))).ToList();

    [Fact]
    public void Memory_that_settles_after_the_warm_up_is_flat()
    {
        // Grows to 300 MB in the first warm-up minute, then saws between 300 and 340 MB (collections) for 29 minutes: the
        // warm-up's last minute already holds a peak of the saw, which is what the end of the run is compared with.
        var samples = Samples(t => t < 1 ? 100 + 200 * t : 300 + 40 * ((t * 3) % 1), 30);
        var f = SoakMath.Flatness(samples, 2, 30);
        Assert.True(f.Flat);
        Assert.Equal(330, f.BaselineMb, 6);
        Assert.Equal(363, f.LimitMb, 6);
        Assert.Equal(20, f.WindowFromMinute, 6);
        Assert.Equal(330, f.WindowMaxMb, 6);
        Assert.InRange(f.SlopeMbPer10Min, -1, 1);
    }

    [Fact]
    public void Memory_that_keeps_growing_is_not_flat_and_its_slope_says_how_fast()
    {
        // 300 MB at the end of the warm-up, then +3 MB a minute: 384 MB at 30 min, above 330.
        var samples = Samples(t => t < 2 ? 150 * t : 300 + 3 * (t - 2), 30);
        var f = SoakMath.Flatness(samples, 2, 30);
        Assert.False(f.Flat);
        Assert.Equal(384, f.WindowMaxMb, 6);
        Assert.Equal(30, f.SlopeMbPer10Min, 6);
        Assert.Equal(384, f.LastMb, 6);
        Assert.Equal(300, f.MinMb, 6);
    }

    [Fact]
    public void A_peak_within_ten_percent_of_the_warm_up_end_is_still_flat()
    {
        // The warm-up's last minute peaks at 200 MB (the sample at 0.5 min is the first minute's, not counted).
        var samples = new List<(double, double)> { (0.5, 260), (1.2, 180), (1.6, 200), (2, 190), (10, 210), (25, 219), (29, 205) };
        var f = SoakMath.Flatness(samples, 2, 30);
        Assert.Equal(200, f.BaselineMb, 6);
        Assert.True(f.Flat);
        samples.Add((29.5, 221));
        Assert.False(SoakMath.Flatness(samples, 2, 30).Flat);
    }

    [Fact]
    public void Without_a_warm_up_the_first_sample_is_the_baseline() =>
        Assert.Equal(100, SoakMath.Flatness([(0.1, 100), (5, 105), (10, 120)], 0, 10).BaselineMb, 6);

    [Fact]
    public void Without_a_sample_after_the_warm_up_there_is_no_verdict() =>
        Assert.Throws<ArgumentException>(() => SoakMath.Flatness([(0, 100), (1, 120)], 2, 30));

    [Fact]
    public void A_metric_is_summed_over_its_label_sets_and_other_metrics_with_its_prefix_are_ignored()
    {
        const string text = """
            # TYPE dotnet_gc_last_collection_heap_size_bytes gauge
            dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 1048576
            dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 2097152
            dotnet_gc_last_collection_heap_size_bytes_other{a="b"} 99999999
            dotnet_gc_last_collection_memory_committed_size_bytes{otel_scope_name="System.Runtime"} 5242880
            """;
        Assert.Equal(3, SoakMath.MetricMb(text, "dotnet_gc_last_collection_heap_size_bytes"), 6);
        Assert.Equal(5, SoakMath.MetricMb(text, "dotnet_gc_last_collection_memory_committed_size_bytes"), 6);
        Assert.True(double.IsNaN(SoakMath.MetricMb(text, "dotnet_gc_missing_bytes")));
    }
}
