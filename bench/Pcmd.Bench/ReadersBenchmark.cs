using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Reference;

namespace Pcmd.Bench;

/// <summary>`readers`: the hand-written .xlsx reader (<see cref="OpenXmlSaxSheetReader"/>, over the Open XML SDK's SAX
/// reader; the app's until 12/2026) against MiniExcel and ExcelDataReader (the app's <see cref="XlsxSheetReader"/> since) on the file of benchmark (a) (100,000 establishments, a shared-string table,
/// dates as day numbers). Each reader turns the sheet into what the importer needs, rows of (row number, cells by
/// column), so they do the same work. Each measure is a fresh process (cold, as an import after a deployment, and so
/// that its peak working set is that reader's alone); readers are interleaved, their order rotating from run to run,
/// and the table gives medians. A small file with the quirks real files have (missing rows, cells without references,
/// sparse and far columns, inline and formula strings, booleans, dates) checks that each reader puts every value at the
/// row and column the importer's error messages will name. Needs no PostgreSQL: without the file, it is made from a
/// throw-away SQLite database holding the country's communes and the type catalogue, as benchmark (a) makes it.</summary>
public static class ReadersBenchmark
{
    public static readonly string[] Readers = ["hand-written", "MiniExcel", "ExcelDataReader"];

    public sealed record Measure(string Reader, double ColdSeconds, double WarmSeconds, long PeakWorkingSet, long BaselineWorkingSet,
        long AllocatedWarm, int Rows, long Cells, int LastRow, double NumberSum, long TextLength);

    public static async Task<int> Run(Args o)
    {
        var rows = o.Int("rows", 100_000);
        var runs = o.Int("runs", 5);
        var file = o.Get("file") ?? Path.Combine(Path.GetTempPath(), $"pcmd-bench-establishments-{rows}.xlsx");
        if (!File.Exists(file)) await MakeFile(o, rows, file);
        Console.WriteLine($"File: {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB), {runs} runs per reader, interleaved");

        // Where each value lands, on the quirks file.
        var quirks = Path.Combine(Path.GetTempPath(), "pcmd-bench-readers-quirks.xlsx");
        WriteQuirks(quirks);
        var exactness = Readers.ToDictionary(r => r, r => Exactness(r, quirks));
        foreach (var (r, e) in exactness) Console.WriteLine($"  quirks file, {r}: {e}");

        var measures = Readers.ToDictionary(r => r, _ => new List<Measure>());
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < Readers.Length; k++)
            {
                var reader = Readers[(run + k) % Readers.Length];
                var m = await InChildProcess(reader, file);
                measures[reader].Add(m);
                Console.WriteLine($"  run {run + 1}, {reader}: cold {m.ColdSeconds:0.00} s, warm {m.WarmSeconds:0.00} s, peak {ImportBenchmark.Mb(m.PeakWorkingSet)}");
            }
        }

        var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var sb = new StringBuilder();
        sb.AppendLine($"Readers of {Path.GetFileName(file)} ({rows:N0} data rows), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {load}, " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; medians of {runs} interleaved runs");
        sb.AppendLine();
        sb.AppendLine("| reader | cold read (fresh process) | warm read (same process, 2nd pass) | peak working set (baseline) | allocated per read | rows, non-empty cells read | row/column of every value on the quirks file |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in Readers)
        {
            var ms = measures[r];
            var first = ms[0];
            var same = ms.All(m => m.Rows == first.Rows && m.Cells == first.Cells);
            sb.AppendLine($"| {r} | {Median(ms.Select(m => m.ColdSeconds)):0.00} s | {Median(ms.Select(m => m.WarmSeconds)):0.00} s | " +
                $"{ImportBenchmark.Mb((long)Median(ms.Select(m => (double)m.PeakWorkingSet)))} ({ImportBenchmark.Mb((long)Median(ms.Select(m => (double)m.BaselineWorkingSet)))}) | " +
                $"{ImportBenchmark.Mb((long)Median(ms.Select(m => (double)m.AllocatedWarm)))} | {first.Rows:N0}, {first.Cells:N0}{(same ? "" : " (varied!)")} | {exactness[r]} |");
        }
        var reference = measures[Readers[0]][0];
        var agree = Readers.All(r => measures[r][0] is var m && m.Rows == reference.Rows && m.Cells == reference.Cells && m.LastRow == reference.LastRow
            && Math.Abs(m.NumberSum - reference.NumberSum) < 1e-6 * Math.Max(1, Math.Abs(reference.NumberSum)) && m.TextLength == reference.TextLength);
        sb.AppendLine();
        sb.AppendLine(agree
            ? $"All three read the same content: {reference.Rows:N0} rows up to row {reference.LastRow:N0}, {reference.Cells:N0} cells, the same sum of numbers and length of texts."
            : "The readers did NOT read the same content: " + string.Join("; ", Readers.Select(r => measures[r][0]).Select(m =>
                $"{m.Reader}: {m.Rows} rows, last {m.LastRow}, {m.Cells} cells, sum {m.NumberSum.ToString(CultureInfo.InvariantCulture)}, text {m.TextLength}")));
        Console.WriteLine();
        Console.Write(sb.ToString());
        if (o.Get("out") is { } outPath) await File.WriteAllTextAsync(outPath, sb.ToString());
        return 0;
    }

    static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>Benchmark (a)'s file, made from a throw-away SQLite database (the address package's communes of all the
    /// provinces and the type catalogue: what the country data set holds), unless --connection names a data set.</summary>
    static async Task MakeFile(Args o, int rows, string file)
    {
        var sqlite = o.Has("connection") ? null : Path.Combine(Path.GetTempPath(), "pcmd-bench-readers.db");
        if (sqlite is not null) foreach (var f in new[] { sqlite, sqlite + "-wal", sqlite + "-shm" }) File.Delete(f);
        await using var host = BenchHost.Create(sqlite is null ? o.Connection : null, sqlite);
        await host.Migrate();
        if (sqlite is not null)
        {
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            Console.WriteLine("Making the file: loading the communes of every province and the catalogues into a throw-away SQLite database…");
            await sp.GetRequiredService<SyntheticData>().EnsurePrerequisites(SyntheticScale.Country, sp.GetRequiredService<AddressPackageImporter>(),
                sp.GetRequiredService<ReferenceData>());
        }
        var made = await ImportBenchmark.MakeFile(host, rows);
        if (!string.Equals(Path.GetFullPath(made), Path.GetFullPath(file), StringComparison.Ordinal)) File.Copy(made, file, overwrite: true);
    }

    static async Task<Measure> InChildProcess(string reader, string file)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in new[] { "read", "--reader", reader, "--file", file }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"The {reader} process printed no measure (exit {p.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<Measure>(line)!;
    }

    /// <summary>The child: reads the file twice with one reader (cold, then warm) and prints its measure.</summary>
    public static int Child(Args o)
    {
        var reader = o.Get("reader") ?? throw new ArgumentException("--reader is required.");
        var file = o.Get("file") ?? throw new ArgumentException("--file is required.");
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var baseline = self.WorkingSet64;
        var clock = Stopwatch.StartNew();
        var cold = Consume(reader, file);
        var coldSeconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(true);
        clock.Restart();
        Consume(reader, file);
        var warmSeconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(cold with
        {
            ColdSeconds = coldSeconds, WarmSeconds = warmSeconds, PeakWorkingSet = self.PeakWorkingSet64, BaselineWorkingSet = baseline,
            AllocatedWarm = allocated,
        }));
        return 0;
    }

    /// <summary>Reads every row, as the importer does (it keeps only the parsed rows, never the cells).</summary>
    static Measure Consume(string reader, string file)
    {
        int rows = 0, last = 0;
        long cells = 0, text = 0;
        double sum = 0;
        foreach (var (row, values) in Read(reader, file))
        {
            rows++;
            last = row;
            foreach (var c in values)
            {
                if (c.IsEmpty) continue;
                cells++;
                if (c.Number is { } n) sum += n;
                else text += c.Text!.Length;
            }
        }
        return new Measure(reader, 0, 0, 0, 0, 0, rows, cells, last, sum, text);
    }

    /// <summary>One reader's rows in the hand-written reader's shape: 1-based row number, cells by zero-based column,
    /// rows without any value left out.</summary>
    public static IEnumerable<(int Row, XlsxCell[] Cells)> Read(string reader, string file) => reader switch
    {
        "hand-written" => HandWritten(file),
        "MiniExcel" => MiniExcelRows(file),
        "ExcelDataReader" => ExcelDataReaderRows(file),
        _ => throw new ArgumentException($"Unknown reader '{reader}': {string.Join(", ", Readers)}."),
    };

    /// <summary>The former hand-written reader (<see cref="OpenXmlSaxSheetReader"/>, the Open XML SDK's SAX reader).</summary>
    static IEnumerable<(int, XlsxCell[])> HandWritten(string file)
    {
        using var stream = File.OpenRead(file);
        using var sheet = OpenXmlSaxSheetReader.Open(stream, ImportColumns.DataSheet);
        foreach (var row in sheet.Rows()) yield return row;
    }

    /// <summary>MiniExcel gives each row as a dictionary by column letter ("A", "B"…), with the missing rows filled in as
    /// empty ones, so the row number is the position from A1.</summary>
    static IEnumerable<(int, XlsxCell[])> MiniExcelRows(string file)
    {
        using var stream = File.OpenRead(file);
        var sheet = MiniExcel.GetSheetNames(stream).FirstOrDefault(s => s == ImportColumns.DataSheet);
        stream.Position = 0;
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet))
        {
            number++;
            XlsxCell[]? cells = null;
            foreach (var (key, value) in row)
            {
                if (value is null || value is string { Length: 0 }) continue;
                var col = XlsxSheetReader.ColumnOf(key) ?? throw new InvalidOperationException($"MiniExcel column '{key}'");
                if (cells is null || cells.Length <= col) Array.Resize(ref cells, Math.Max(col + 1, row.Count));
                cells[col] = Cell(value);
            }
            if (cells is not null) yield return (number, cells);
        }
    }

    /// <summary>The app's reader (ExcelDataReader since 12/2026), as the importer calls it.</summary>
    static IEnumerable<(int, XlsxCell[])> ExcelDataReaderRows(string file)
    {
        using var stream = File.OpenRead(file);
        using var sheet = XlsxSheetReader.Open(stream, ImportColumns.DataSheet);
        foreach (var row in sheet.Rows()) yield return row;
    }

    /// <summary>What the hand-written reader gives for the same stored value: numbers (dates are day numbers) and texts.</summary>
    static XlsxCell Cell(object value) => value switch
    {
        string s => XlsxCell.Of(s),
        double d => XlsxCell.Of(d),
        DateTime t => XlsxCell.Of(t.ToOADate()),
        bool b => XlsxCell.Of(b ? "TRUE" : "FALSE"),
        IConvertible c when value is int or long or decimal or float => XlsxCell.Of(c.ToDouble(CultureInfo.InvariantCulture)),
        TimeSpan ts => XlsxCell.Of(ts.TotalDays),
        _ => XlsxCell.Of(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    // ----- where each value lands -----

    /// <summary>(cell, value) of every value in the quirks file, as Excel shows the cell's address.</summary>
    static readonly (string Cell, string Value)[] Expected =
    [
        ("A1", "Tên cơ sở"), ("B1", "Mã loại hình"), ("C1", "Địa chỉ"), ("D1", "Mã xã/phường"),
        ("A2", "Karaoke Hoàng Gia"), ("D2", "09568"),                   // B2, C2 missing: sparse
        ("A5", "Sau hai dòng trống"), ("B5", "KARAOKE"), ("C5", "12"),   // rows 3 and 4 absent; cells without r="…"
        ("B7", "Chuỗi nội tuyến"), ("C7", "Kết quả công thức"), ("D7", "TRUE"), ("E7", "46023"), // row 6 present but empty
        ("B8", "y"),                                                       // A8 present but empty
        ("AA10", "Cột xa"),                                              // far column
        ("A1000", "Dòng 1000"),
    ];

    static string Exactness(string reader, string file)
    {
        try
        {
            var got = new List<(string Cell, string Value)>();
            foreach (var (row, cells) in Read(reader, file))
                for (var c = 0; c < cells.Length; c++)
                    if (!cells[c].IsEmpty)
                        got.Add((Letter(c) + row.ToString(CultureInfo.InvariantCulture),
                            cells[c].Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : cells[c].Text!));
            var missing = Expected.Except(got).ToList();
            var extra = got.Except(Expected).ToList();
            if (missing.Count == 0 && extra.Count == 0) return $"exact ({Expected.Length} of {Expected.Length})";
            return $"{Expected.Length - missing.Count} of {Expected.Length} in place; "
                + string.Join(", ", missing.Select(m => $"{m.Cell} \"{m.Value}\" " + (extra.FirstOrDefault(e => e.Value == m.Value) is { Cell: not null } e ? $"read at {e.Cell}" : "not read")))
                + (extra.Any(e => Expected.All(x => x.Value != e.Value)) ? "; extra: " + string.Join(", ", extra.Where(e => Expected.All(x => x.Value != e.Value)).Select(e => $"{e.Cell} \"{e.Value}\"")) : "");
        }
        catch (Exception e)
        {
            return $"failed: {e.GetType().Name}: {e.Message}";
        }
    }

    static string Letter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>A hand-made .xlsx whose sheet XML has what Excel, LibreOffice and other programs write: row elements
    /// with gaps between their numbers, an empty row element, cells without their "r" reference, an empty cell
    /// element, inline and formula strings, a boolean, a date as a day number with a date style, a far column.</summary>
    static void WriteQuirks(string path)
    {
        const string sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:AA1000"/><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
            <row r="2"><c r="A2" t="s"><v>4</v></c><c r="D2" t="s"><v>5</v></c></row>
            <row r="5"><c t="s"><v>6</v></c><c t="s"><v>7</v></c><c><v>12</v></c></row>
            <row r="6"/>
            <row r="7"><c r="B7" t="inlineStr"><is><t>Chuỗi nội tuyến</t></is></c><c r="C7" t="str"><f>"Kết quả "&amp;"công thức"</f><v>Kết quả công thức</v></c><c r="D7" t="b"><v>1</v></c><c r="E7" s="1"><v>46023</v></c></row>
            <row r="8"><c r="A8"/><c r="B8" t="s"><v>8</v></c></row>
            <row r="10"><c r="AA10" t="s"><v>9</v></c></row>
            <row r="1000"><c r="A1000" t="s"><v>10</v></c></row>
            </sheetData></worksheet>
            """;
        string[] strings = ["Tên cơ sở", "Mã loại hình", "Địa chỉ", "Mã xã/phường", "Karaoke Hoàng Gia", "09568", "Sau hai dòng trống", "KARAOKE", "y", "Cột xa", "Dòng 1000"];
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """,
            ["_rels/.rels"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """,
            ["xl/workbook.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{ImportColumns.DataSheet}" sheetId="1" r:id="rId1"/></sheets></workbook>
                """,
            ["xl/_rels/workbook.xml.rels"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """,
            ["xl/styles.xml"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>
                """,
            ["xl/worksheets/sheet1.xml"] = sheet,
            ["xl/sharedStrings.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Length}\" uniqueCount=\"{strings.Length}\">"
                + string.Concat(strings.Select(s => $"<si><t>{System.Security.SecurityElement.Escape(s)}</t></si>")) + "</sst>",
        };
        File.Delete(path + ".tmp");
        using (var zip = ZipFile.Open(path + ".tmp", ZipArchiveMode.Create))
            foreach (var (name, xml) in parts)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml.TrimStart());
            }
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
