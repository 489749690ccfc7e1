using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Pcmd.UnitTests.Shared;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Shared;
using static Pcmd.UnitTests.Shared.ArchiveBombs;

namespace Pcmd.Bench;

/// <summary>`bombs`: the hostile spreadsheets of issue 9 (a 0.5 MB file holding a 512 MiB shared string, 1 GiB of
/// whitespace, …) read the way the import reads a file (<see cref="XlsxSheetReader"/>: the archive guard, then the
/// rows), each in a fresh process so that its peak working set is its own; and, for the cost of the guard, the file of
/// benchmark (a) checked alone and read whole. The goal: every bomb refused within the import's memory bound (500 MB).
/// Needs no database.</summary>
public static class BombsBenchmark
{
    public sealed record Measure(string Outcome, double Seconds, long PeakWorkingSet, long BaselineWorkingSet);

    public static async Task<int> Run(Args o)
    {
        var dir = Directory.CreateTempSubdirectory("pcmd-bombs-").FullName;
        (string Name, Func<byte[]> Make)[] bombs =
        [
            ("512 MiB shared string", () => Xlsx(sharedStrings: HugeSharedString(512L * 1024 * 1024))),
            ("1 GiB of whitespace", () => Xlsx(Whitespace(1024L * 1024 * 1024))),
            ("40,000-character cell", () => Xlsx(s => Write(s, $"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', 40_000)}</t></is></c></row>"))),
            ("10,001 entries", () => Xlsx(extraEntries: 10_001)),
            ("row 1,048,576", () => Xlsx(s => Write(s, "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>"))),
            ("16,384 columns", () => Xlsx(dimension: "A1:XFD1048576")),
        ];
        Console.WriteLine("| file | size | outcome | time | peak working set (before) |");
        Console.WriteLine("|---|---:|---|---:|---:|");
        foreach (var (name, make) in bombs)
        {
            var path = Path.Combine(dir, "bomb.xlsx");
            await File.WriteAllBytesAsync(path, make());
            Print(name, path, await InChildProcess(path, "read"));
        }
        var legit = o.Get("file") ?? Path.Combine(Path.GetTempPath(), "pcmd-bench-establishments-100000.xlsx");
        if (File.Exists(legit))
        {
            Print("benchmark (a) file: guard only", legit, await InChildProcess(legit, "guard"));
            Print("benchmark (a) file: guard and rows", legit, await InChildProcess(legit, "read"));
        }
        else Console.WriteLine($"(no {legit}: run `run` once to make benchmark (a)'s file, or pass --file)");
        Directory.Delete(dir, recursive: true);
        return 0;
    }

    static void Print(string name, string path, Measure m) =>
        Console.WriteLine($"| {name} | {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB | {m.Outcome} | {m.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s | " +
                          $"{ImportBenchmark.Mb(m.PeakWorkingSet)} ({ImportBenchmark.Mb(m.BaselineWorkingSet)}) |");

    static async Task<Measure> InChildProcess(string file, string mode)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in new[] { "bomb", "--file", file, "--mode", mode }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"The bomb process printed no measure (exit {p.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<Measure>(line)!;
    }

    /// <summary>The child: one file through the import's reader, or through the guard alone.</summary>
    public static int Child(Args o)
    {
        var file = o.Get("file") ?? throw new ArgumentException("--file is required.");
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var baseline = self.WorkingSet64;
        var clock = Stopwatch.StartNew();
        string outcome;
        using (var stream = File.OpenRead(file))
        {
            try
            {
                if (o.Get("mode") == "guard")
                {
                    SafeArchive.Check(stream, new ArchiveLimits(), spreadsheet: true);
                    outcome = "passed";
                }
                else
                {
                    using var sheet = XlsxSheetReader.Open(stream, ImportColumns.DataSheet);
                    outcome = $"read, {sheet.Rows().Count():N0} rows";
                }
            }
            catch (Exception e) when (e is NotASpreadsheetException or ArchiveRefusedException) { outcome = "refused: " + e.Message; }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new Measure(outcome, seconds, self.PeakWorkingSet64, baseline)));
        return 0;
    }
}
