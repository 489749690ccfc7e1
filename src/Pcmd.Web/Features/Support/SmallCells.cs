namespace Pcmd.Web.Features.Support;

/// <summary>A table of counts with its margins, where a hidden value is null.</summary>
public sealed record SuppressedTable(int?[][] Cells, int?[] RowTotals, int?[] ColumnTotals, int? Total)
{
    public int HiddenCount => Cells.Sum(r => r.Count(v => v is null)) + RowTotals.Count(v => v is null) + ColumnTotals.Count(v => v is null)
        + (Total is null ? 1 : 0);
}

/// <summary>Small-cell suppression of a table of counts with its row and column totals (issue 12, item 7; the qualities'
/// "statistics never show a cell small enough to identify a person"). Pure.
/// <para>Primary suppression: every count from 1 to <c>threshold − 1</c> is hidden, totals included. A zero is shown: it
/// identifies nobody.</para>
/// <para>Complementary suppression: in the table with its margins each row and each column is an equation (cells add up to
/// the total), so a line with exactly one hidden value would give it away by subtraction. While such a line exists, the
/// smallest other positive value of that line is hidden too (a cell rather than the total; a zero cell when no positive one is
/// left; the total as the last resort). Every line then hides none or at least two values, each hidden value lying in a row and
/// a column that both hide another.</para></summary>
public static class SmallCells
{
    public static SuppressedTable Suppress(int[,] counts, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        // The augmented matrix: [i, cols] is row i's total, [rows, j] column j's, [rows, cols] the grand total.
        var m = new long[rows + 1, cols + 1];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var v = counts[i, j];
                ArgumentOutOfRangeException.ThrowIfNegative(v);
                m[i, j] = v; m[i, cols] += v; m[rows, j] += v; m[rows, cols] += v;
            }
        var hidden = new bool[rows + 1, cols + 1];
        for (var i = 0; i <= rows; i++)
            for (var j = 0; j <= cols; j++)
                hidden[i, j] = m[i, j] > 0 && m[i, j] < threshold;

        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i <= rows; i++)
                changed |= Protect(Enumerable.Range(0, cols + 1).Select(j => (i, j)).ToList(), m, hidden);
            for (var j = 0; j <= cols; j++)
                changed |= Protect(Enumerable.Range(0, rows + 1).Select(i => (i, j)).ToList(), m, hidden);
        }

        int? Value(int i, int j) => hidden[i, j] ? null : (int)m[i, j];
        return new SuppressedTable(
            Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, cols).Select(j => Value(i, j)).ToArray()).ToArray(),
            Enumerable.Range(0, rows).Select(i => Value(i, cols)).ToArray(),
            Enumerable.Range(0, cols).Select(j => Value(rows, j)).ToArray(),
            Value(rows, cols));
    }

    /// <summary>One line (its cells, then its total last): if it hides exactly one value, hides a second one.</summary>
    static bool Protect(List<(int I, int J)> line, long[,] m, bool[,] hidden)
    {
        if (line.Count(p => hidden[p.I, p.J]) != 1) return false;
        var cells = line.Take(line.Count - 1).Where(p => !hidden[p.I, p.J]).ToList();
        var pick = cells.Where(p => m[p.I, p.J] > 0).OrderBy(p => m[p.I, p.J]).Cast<(int I, int J)?>().FirstOrDefault()
            ?? cells.Cast<(int I, int J)?>().FirstOrDefault()
            ?? line[^1];
        hidden[pick.I, pick.J] = true;
        return true;
    }
}
