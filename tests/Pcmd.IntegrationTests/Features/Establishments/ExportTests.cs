using System.Globalization;
using System.Net;
using System.Text;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Features.Reporting.Documents;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>Issue 10, item 5: the exports stream as they are read and still hold exactly the rows in scope, with the
/// template's columns; the .xlsx opens in LibreOffice with text kept as text; the .csv neutralises formulas.</summary>
public abstract class ExportTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    [Fact]
    public async Task Both_exports_hold_exactly_the_rows_in_scope_and_LibreOffice_opens_the_xlsx_with_text_kept_as_text()
    {
        var officer = await app.SignIn("phuluong");
        var tag = data.Tag("Xuất dòng");
        string[] names = [$"=1+1 {tag}", $"+84 {tag}", $"{tag} Đông", $"{tag} An"];
        var job = await officer.Import(XlsxBuilder.Build(names.Select((n, i) => XlsxBuilder.Row(n, $"{tag}-{i}"))));
        Assert.Equal(4, job.Accepted);
        var hadong = await app.SignIn("hadong");
        await hadong.Create(EstablishmentApi.Input($"{tag} An", await hadong.TypeId("KARAOKE"), await app.UnitId("09556")));
        var q = Uri.EscapeDataString(tag);

        var res = await officer.GetAsync($"/api/v1/establishments/export.xlsx?q={q}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", res.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("co-so-kinh-doanh-", res.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var xlsx = await res.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxBuilder.Validate(xlsx));
        var sheet = XlsxBuilder.Read(xlsx);
        Assert.Equal(XlsxBuilder.Headers, sheet[0].Select(v => v as string));
        Assert.Equal(names.Order(StringComparer.Ordinal), sheet.Skip(1).Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        Assert.All(sheet.Skip(1), r => Assert.Equal("09568", r[3]));

        var csvBytes = await officer.GetByteArrayAsync($"/api/v1/establishments/export.csv?q={q}");
        using var csv = new CsvHelper.CsvReader(new StreamReader(new MemoryStream(csvBytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        Assert.Equal(XlsxBuilder.Headers, csv.HeaderRecord);
        var rows = new List<string[]>();
        while (await csv.ReadAsync()) rows.Add(Enumerable.Range(0, XlsxBuilder.Headers.Length).Select(i => csv.GetField(i)!).ToArray());
        Assert.Equal(names.Select(n => n[0] is '=' or '+' ? "'" + n : n).Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("09568", r[3]));

        // LibreOffice reads the streamed package and shows "=1+1 …" as the text it is, not as a formula's result.
        var dir = Directory.CreateTempSubdirectory("pcmd-export-").FullName;
        var file = Path.Combine(dir, "co-so.xlsx");
        await File.WriteAllBytesAsync(file, xlsx);
        var converted = File.ReadAllText(Assert.Single(LibreOffice.Convert(file, "csv:Text - txt - csv (StarCalc):44,34,76", dir)), Encoding.UTF8);
        var lines = converted.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"=1+1 {tag},KARAOKE,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{tag} Đông,", StringComparison.Ordinal) && l.Contains(",04/05/2020,"));
    }

    [Fact]
    public async Task An_unknown_unit_or_type_is_still_a_problem_before_any_byte_of_the_file()
    {
        var officer = await app.SignIn("phuluong");
        var type = await (await officer.GetAsync("/api/v1/establishments/export.xlsx?type=KHONG-CO")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(type.Errors(), e => e.StartsWith("type: "));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/establishments/export.csv?unit={await app.UnitId("09556")}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests(app);
