using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>(a) Importing one .xlsx of establishments. The file is made here in the template's columns
/// (<see cref="ImportColumns"/>) as Excel saves it (a shared-string table, dates as day numbers); the import runs in a
/// child process, so that its peak working set is the import's and not the benchmark's; the rows it added are deleted
/// afterwards so that the data set stays the one generated.</summary>
public static class ImportBenchmark
{
    public sealed record Measure(double Seconds, long PeakWorkingSet, long BaselineWorkingSet, long Allocated, int Accepted, int Rejected, string Message);

    public static async Task<string> MakeFile(BenchHost host, int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcmd-bench-establishments-{rows}.xlsx");
        if (File.Exists(path)) return path;
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var communes = await db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Commune && u.ValidFrom == AddressPackageImporter.ReformDay && u.ValidTo == null)
            .OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync();
        var types = await db.EstablishmentTypes.Where(t => t.IsActive).OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync();
        if (communes.Count == 0 || types.Count == 0) throw new InvalidOperationException("No communes or types: generate a data set first.");

        var r = new Random(2026);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        int S(string s) { if (!strings.TryGetValue(s, out var i)) strings[s] = i = strings.Count; return i; }
        var tmp = path + ".tmp";
        using (var doc = SpreadsheetDocument.Create(tmp, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 }, new Fills(new Fill()) { Count = 1 }, new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheetPart))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetData());
                var row = 0;
                void Text(string? s) { if (s is null) Skip(); else w.WriteElement(new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(S(s)) }); }
                void Number(double v) => w.WriteElement(new Cell { CellValue = new CellValue(v) });
                void Date(DateOnly d) => w.WriteElement(new Cell { StyleIndex = 1, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) });
                void Skip() => w.WriteElement(new Cell());
                w.WriteStartElement(new Row { RowIndex = (uint)++row });
                foreach (var c in ImportColumns.All) Text(c.Header);
                w.WriteEndElement();
                for (var i = 0; i < rows; i++)
                {
                    var commune = communes[r.Next(communes.Count)];
                    var type = types[r.Next(types.Count)];
                    var registered = new DateOnly(2015, 1, 1).AddDays(r.Next(4000));
                    var managed = registered.AddDays(r.Next(10, 200));
                    var signed = r.NextDouble() < 0.7;
                    w.WriteStartElement(new Row { RowIndex = (uint)++row });
                    Text(VietnameseNames.Business(r, type.Code, type.Name));
                    Text(type.Code);
                    Text(VietnameseNames.Address(r, commune.Name, "").TrimEnd(' ', ','));
                    Text(commune.Code);
                    Number(Math.Round(10.5 + r.NextDouble() * 11, 5));
                    Number(Math.Round(104.5 + r.NextDouble() * 2.5, 5));
                    Text(VietnameseNames.Person(r));
                    Text(VietnameseNames.Phone(r));
                    Text($"01Z9{i:000000}"); // never made by the generator (A–Q then 8, or 0 then 7 digits)
                    Date(registered);
                    Number(r.Next(1, 30));
                    Text(VietnameseNames.Pick(r, ["Thấp", "Trung bình", "Cao"]));
                    Text("Đang quản lý");
                    Date(managed);
                    Skip();
                    Text(signed ? "Có" : "Không");
                    if (signed) Date(managed.AddDays(r.Next(0, 60))); else Skip();
                    Skip();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            var sst = wb.AddNewPart<SharedStringTablePart>();
            using (var w = OpenXmlWriter.Create(sst))
            {
                w.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
                foreach (var s in strings.OrderBy(kv => kv.Value).Select(kv => kv.Key))
                    w.WriteElement(new SharedStringItem(new Text(s)));
                w.WriteEndElement();
            }
            wb.Workbook = new Workbook(new Sheets(new Sheet { Name = ImportColumns.DataSheet, SheetId = 1, Id = wb.GetIdOfPart(sheetPart) }));
            wb.Workbook.Save();
        }
        File.Move(tmp, path, overwrite: true);
        return path;
    }

    /// <summary>Runs <see cref="Child"/> in a new process of this program and reads its measure.</summary>
    public static async Task<Measure> InChildProcess(string file, string connection)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in new[] { "import", "--file", file, "--connection", connection }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"The import process printed no measure (exit {p.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<Measure>(line)!;
    }

    /// <summary>The child: one import, cold (a fresh process, as after a deployment), all or nothing, by the system
    /// scope (every commune writable).</summary>
    public static async Task<int> Child(Args o)
    {
        var file = o.Get("file") ?? throw new ArgumentException("--file is required.");
        await using var host = BenchHost.Create(o.Connection, null);
        int before;
        using (var scope = host.Services.CreateScope())
            before = await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().Establishments.MaxAsync(e => (int?)e.Id) ?? 0;
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        ImportResult result;
        using (var scope = host.Services.CreateScope())
        {
            await using var stream = File.OpenRead(file);
            result = await scope.ServiceProvider.GetRequiredService<EstablishmentImporter>()
                .ImportAsync(stream, Path.GetFileName(file), ImportMode.AllOrNothing, UserScope.System, null, CancellationToken.None);
        }
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var measure = new Measure(clock.Elapsed.TotalSeconds, self.PeakWorkingSet64, baseline, allocated, result.Accepted, result.Rejected, result.Message);

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            await db.Establishments.Where(e => e.Id > before).ExecuteDeleteAsync();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE establishments");
        }
        Console.WriteLine(JsonSerializer.Serialize(measure));
        return 0;
    }

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
