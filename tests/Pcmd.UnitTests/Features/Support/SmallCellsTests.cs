using Pcmd.Web.Features.Support;

namespace Pcmd.UnitTests.Features.Support;

/// <summary>Small-cell suppression on hand-made tables: no shown value below the threshold, and no hidden value that the shown
/// values give back by subtraction from a total.</summary>
public sealed class SmallCellsTests
{
    [Fact]
    public void A_table_of_large_counts_is_shown_whole()
    {
        var t = SmallCells.Suppress(new[,] { { 10, 20 }, { 30, 40 } }, 5);
        Assert.Equal(0, t.HiddenCount);
        Assert.Equal(new int?[] { 30, 70 }, t.RowTotals);
        Assert.Equal(new int?[] { 40, 60 }, t.ColumnTotals);
        Assert.Equal(100, t.Total);
    }

    [Fact]
    public void A_small_cell_is_hidden_and_its_row_and_column_hide_another_so_the_totals_do_not_reveal_it()
    {
        // Row 0: 3 is small. Without a second hidden cell, 3 = row total 28 − 25. Column 0: likewise 3 = 15 − 12.
        var t = SmallCells.Suppress(new[,] { { 3, 25 }, { 12, 40 } }, 5);
        Assert.Null(t.Cells[0][0]);
        Assert.Null(t.Cells[0][1]);   // complementary in row 0
        Assert.Null(t.Cells[1][0]);   // complementary in column 0
        Assert.Null(t.Cells[1][1]);   // then row 1 and column 1 each hide one: a fourth
        Assert.Equal(28, t.RowTotals[0]);
        Assert.Equal(15, t.ColumnTotals[0]);
        AssertNoLineRevealsOneHidden(t);
    }

    [Fact]
    public void The_complement_is_the_smallest_other_cell_of_the_line()
    {
        var t = SmallCells.Suppress(new[,] { { 2, 9, 30 }, { 8, 7, 50 }, { 6, 11, 40 } }, 5);
        Assert.Null(t.Cells[0][0]);
        Assert.Null(t.Cells[0][1]);      // 9 < 30 in row 0
        Assert.Equal(30, t.Cells[0][2]);
        Assert.Null(t.Cells[1][1]);      // column 1 hides 9, so one more: 7 is its smallest other positive cell
        Assert.Null(t.Cells[1][0]);      // row 1 then hides 7 alone: its smallest other is 8
        Assert.Equal(50, t.Cells[1][2]);
        Assert.Equal(40, t.Cells[2][2]);
        AssertNoLineRevealsOneHidden(t);
        AssertNoSmallValueShown(t, 5);
    }

    [Fact]
    public void A_small_total_is_hidden_and_so_is_what_would_give_it_back()
    {
        // Row 1 has 1 + 2 = 3 people: both cells and the row total are small. Column totals 41 and 52 would give them back
        // with the other row: so row 0's cells must go too.
        var t = SmallCells.Suppress(new[,] { { 40, 50 }, { 1, 2 } }, 5);
        Assert.Null(t.RowTotals[1]);
        Assert.Null(t.Cells[1][0]);
        Assert.Null(t.Cells[1][1]);
        AssertNoLineRevealsOneHidden(t);
        AssertNoSmallValueShown(t, 5);
    }

    [Fact]
    public void Zeros_are_shown_and_a_lone_small_cell_among_zeros_takes_a_zero_or_the_total_with_it()
    {
        var t = SmallCells.Suppress(new[,] { { 0, 4, 0 } }, 5);
        Assert.Null(t.Cells[0][1]);
        AssertNoLineRevealsOneHidden(t);
        AssertNoSmallValueShown(t, 5);
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        Assert.Equal(0, SmallCells.Suppress(new[,] { { 3, 25 }, { 12, 40 } }, 3).HiddenCount);
        Assert.Equal(0, SmallCells.Suppress(new[,] { { 3, 25 }, { 12, 40 } }, 1).HiddenCount);
    }

    /// <summary>Every row and column of the table with its margins hides none or at least two values.</summary>
    static void AssertNoLineRevealsOneHidden(SuppressedTable t)
    {
        int rows = t.Cells.Length, cols = t.ColumnTotals.Length;
        int? At(int i, int j) => i == rows ? (j == cols ? t.Total : t.ColumnTotals[j]) : j == cols ? t.RowTotals[i] : t.Cells[i][j];
        for (var i = 0; i <= rows; i++) Assert.NotEqual(1, Enumerable.Range(0, cols + 1).Count(j => At(i, j) is null));
        for (var j = 0; j <= cols; j++) Assert.NotEqual(1, Enumerable.Range(0, rows + 1).Count(i => At(i, j) is null));
    }

    static void AssertNoSmallValueShown(SuppressedTable t, int k)
    {
        var shown = t.Cells.SelectMany(r => r).Concat(t.RowTotals).Concat(t.ColumnTotals).Append(t.Total).Where(v => v is not null);
        Assert.DoesNotContain(shown, v => v > 0 && v < k);
    }
}
