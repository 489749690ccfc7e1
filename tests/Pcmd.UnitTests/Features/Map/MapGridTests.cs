using Pcmd.Web.Features.Map;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Map;

/// <summary>The clusters' grid: cells that stay put while panning (a power-of-two fraction of 360°), about 64 px at the
/// zoom asked, and never so small that a box holds more than 18 × 18 of them, whatever the zoom a client sends.</summary>
public sealed class MapGridTests
{
    static readonly MapBox City = new(105.28, 20.56, 106.02, 21.39), Ward = new(105.74, 21.05, 105.77, 21.07);

    [Theory]
    [InlineData(0)] [InlineData(5)] [InlineData(10)] [InlineData(13)] [InlineData(16)] [InlineData(19)] [InlineData(22)] [InlineData(null)]
    public void A_box_never_holds_more_than_18_cells_across(int? zoom)
    {
        foreach (var box in new[] { City, Ward, new MapBox(-180, -90, 180, 90), new MapBox(105.8, 21.0, 105.800001, 21.000001) })
        {
            var cell = MapGrid.CellSize(box, zoom);
            var across = Math.Floor((box.East + 180) / cell) - Math.Floor((box.West + 180) / cell) + 1;
            var down = Math.Floor((box.North + 90) / cell) - Math.Floor((box.South + 90) / cell) + 1;
            Assert.InRange(across, 1, MapGrid.MaxCellsAcross + 2);
            Assert.InRange(down, 1, MapGrid.MaxCellsAcross + 2);
            var power = Math.Log2(360 / cell);
            Assert.Equal(Math.Round(power), power, 9);
        }
    }

    [Fact]
    public void The_cell_is_a_quarter_tile_at_the_zoom_unless_the_box_needs_larger()
    {
        Assert.Equal(360.0 / (1 << 16), MapGrid.CellSize(Ward, 14)); // 90 / 2^14 rounded up to a power-of-two fraction of 360
        Assert.Equal(MapGrid.CellSize(Ward, 14), MapGrid.CellSize(new MapBox(105.70, 21.00, 105.73, 21.02), 14)); // panning keeps it
        Assert.True(MapGrid.CellSize(City, 18) >= (City.North - City.South) / MapGrid.MaxCellsAcross);
        Assert.True(MapGrid.CellSize(Ward, 10) > MapGrid.CellSize(Ward, 15));
    }

    [Theory]
    [InlineData("105.7,20.9,105.9,21.1", true)]
    [InlineData(" 105.7 , 20.9 , 105.9 , 21.1 ", true)]
    [InlineData("105,7,20,9", false)]       // a decimal comma is four other numbers: west ≥ east
    [InlineData("105.7;20.9;105.9;21.1", false)]
    [InlineData("105.7,20.9,105.9", false)]
    [InlineData("1e400,20.9,105.9,21.1", false)]
    [InlineData("105.9,20.9,105.7,21.1", false)]
    [InlineData("-181,20.9,105.7,21.1", false)]
    public void A_box_is_four_invariant_decimals_west_south_east_north(string text, bool valid)
    {
        var errors = new ErrorList();
        var box = MapGrid.ParseBox(text, "bbox", errors);
        Assert.Equal(valid, box is not null);
        Assert.Equal(valid, !errors.Any);
        if (valid) Assert.Equal(new MapBox(105.7, 20.9, 105.9, 21.1), box);
    }
}
