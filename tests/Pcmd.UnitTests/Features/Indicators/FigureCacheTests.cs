using Microsoft.Extensions.Configuration;
using Pcmd.Web.Features.Indicators;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>A figure has one slot in the cache: a write bumps a generation, the next read computes the figure at the new
/// generation and replaces the old one, so a steady stream of writes does not fill the node's memory (issue 9's soak).</summary>
public sealed class FigureCacheTests
{
    static FigureCache Cache() => new(new ConfigurationBuilder().Build());

    static FigureCacheKey Key(string stamp, int area = 7, DateOnly? today = null) =>
        new(Computation.InspectionCount, new(2026, 1, 1), new(2026, 12, 31), null, area, false, today ?? new(2026, 6, 1), stamp);

    [Fact]
    public void A_newer_generation_replaces_the_superseded_figure()
    {
        var cache = Cache();
        cache.Set(Key("1.1"), 10m, 1);
        cache.Set(Key("2.1"), 11m, 1);

        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet<decimal>(Key("1.1"), out _));
        Assert.True(cache.TryGet<decimal>(Key("2.1"), out var v));
        Assert.Equal(11m, v);
    }

    [Fact]
    public void A_thousand_writes_leave_one_entry_per_figure()
    {
        var cache = Cache();
        for (var g = 1; g <= 1000; g++)
            foreach (var area in new[] { 1, 2, 3 }) cache.Set(Key($"{g}.1", area), (decimal)g, 1);

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet<decimal>(Key("1000.1", 2), out var v));
        Assert.Equal(1000m, v);
    }

    [Fact]
    public void Another_day_misses_as_another_generation_does()
    {
        var cache = Cache();
        cache.Set(Key("1.1"), 10m, 1);

        Assert.False(cache.TryGet<decimal>(Key("1.1", today: new(2026, 6, 2)), out _));
        Assert.False(cache.TryGet<decimal>(Key("1.2"), out _));
        Assert.False(cache.TryGet<string>(Key("1.1"), out _));
        Assert.True(cache.TryGet<decimal>(Key("1.1"), out _));
        Assert.Equal(3, cache.Misses);
        Assert.Equal(1, cache.Hits);
    }
}
