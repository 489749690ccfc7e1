using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>The .xlsx import (docs/establishment-import.md): a good file, each kind of bad row reported with its row
/// and column, all-or-nothing versus skip-bad-rows, whole-file errors, files that are not spreadsheets, and the
/// exports that import back.</summary>
public abstract class ImportTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    string Tag(string what) => data.Tag(what, 36);

    [Fact]
    public async Task A_good_file_is_saved_counted_and_audited_once()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = Tag("Tốt");
        var rows = Enumerable.Range(1, 5).Select(i => XlsxBuilder.Row($"{prefix} {i}", $"{prefix}-{i}")).ToList();
        rows[1][9] = "04/05/2020";          // a date typed as text
        rows[2][3] = 9568.0;                // Excel turned 09568 into a number
        rows[3][4] = "20,9512";             // vi-VN decimal comma
        rows[4][7] = 912345678.0;           // the phone's leading 0 lost to a number cell
        var job = await officer.Import(XlsxBuilder.Build(rows, sharedStrings: true));
        Assert.Equal("done", job.State);
        Assert.Equal((5, 5, 0), (job.Total, job.Accepted, job.Rejected));
        Assert.Empty(job.Problems());

        var saved = await officer.Search(prefix);
        Assert.Equal(5, saved.Count);
        var first = await officer.Establishment(saved.First(s => s.Name == $"{prefix} 2").Id);
        Assert.Equal("Nguyễn Văn Thử", first.OwnerName);
        Assert.Equal("2020-05-04", first.LicenceDate);
        Assert.Equal("high", first.RiskClass);
        Assert.Equal("underManagement", first.Status);
        Assert.True(first.CommitmentSigned);
        Assert.Equal(0, first.Version);
        var fifth = await officer.Establishment(saved.First(s => s.Name == $"{prefix} 5").Id);
        Assert.Equal("0912345678", fifth.OwnerPhone);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var audits = await db.AuditEntries.Where(a => a.EntityType == "EstablishmentImport" && a.UserName == "phuluong").ToListAsync();
        Assert.Contains(audits, a => a.Changes.Contains("\"Accepted\":[null,5]") && a.Changes.Contains("co-so.xlsx"));
        var ascii = prefix[^10..];
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "Establishment" && a.Changes.Contains(ascii)));
        var raw = await db.Database.SqlQueryRaw<string>($"SELECT \"OwnerName\" AS \"Value\" FROM establishments WHERE \"Name\" = '{prefix} 1'").SingleAsync();
        Assert.StartsWith("enc1:", raw);
    }

    /// <summary>One file with a good row and one bad row per case; the bad rows' expected (row, column).</summary>
    async Task<(byte[] File, string Prefix, List<(int Row, string Column, string Contains)> Expected)> MixedFile()
    {
        var prefix = Tag("Lẫn");
        var taken = Tag("GP-CO-SAN");
        await (await app.SignIn("phuluong")).Create(EstablishmentApi.Input(Tag("Đã có"), await (await app.SignIn("phuluong")).TypeId("KARAOKE"), await app.UnitId("09568"), taken));
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        var rows = new List<object?[]>();
        object?[] R(int i) => XlsxBuilder.Row($"{prefix} {i}", $"{prefix}-{i}");
        rows.Add(R(2));                                          // row 2: good
        rows.Add(R(3)); rows[^1][10] = "mười";                    // wrong type (integer)
        rows.Add(R(4)); rows[^1][9] = future;                     // date in the future
        rows.Add(R(5)); rows[^1][3] = "99999";                    // unknown commune
        rows.Add(R(6)); rows[^1][1] = "KHONG-CO";                 // unknown type
        rows.Add(R(7)); rows[^1][8] = $"{prefix}-2";              // duplicate of row 2 within the file
        rows.Add(R(8)); rows[^1][8] = taken;                      // duplicate against the database
        rows.Add(R(9)); rows[^1][4] = 48.85; rows[^1][5] = 2.35;  // outside Viet Nam (Paris)
        rows.Add(R(10)); rows[^1][3] = "09556";                   // another ward: out of the officer's scope
        rows.Add(R(11)); rows[^1][16] = "32/13/2024";             // not a date
        rows.Add(R(12)); rows[^1][0] = null;                      // name missing
        rows.Add(R(13));                                          // row 13: good
        return (XlsxBuilder.Build(rows), prefix,
        [
            (3, "Số người lao động", "không phải số nguyên"), (4, "Ngày cấp giấy phép", "ở tương lai"), (5, "Mã xã/phường", "Không có xã/phường mã '99999'"),
            (6, "Mã loại hình", "Không có loại hình mã 'KHONG-CO'"), (7, "Số giấy phép kinh doanh", "trùng với dòng 2"),
            (8, "Số giấy phép kinh doanh", "đã có ở cơ sở Đã có"), (9, "Vĩ độ", "ngoài lãnh thổ Việt Nam"), (9, "Kinh độ", "ngoài lãnh thổ Việt Nam"),
            (10, "Mã xã/phường", "ngoài phạm vi"), (11, "Ngày ký cam kết", "không phải ngày hợp lệ"), (12, "Tên cơ sở", "Thiếu tên cơ sở"),
        ]);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_row_and_column_and_all_or_nothing_saves_nothing()
    {
        var officer = await app.SignIn("phuluong");
        var (file, prefix, expected) = await MixedFile();
        var job = await officer.Import(file, "allOrNothing");
        Assert.Equal("done", job.State);
        Assert.Equal((12, 0, 10), (job.Total, job.Accepted, job.Rejected));
        var problems = job.Problems();
        foreach (var (row, column, contains) in expected)
            Assert.Contains(problems, p => p.Row == row && p.Column == column && p.Message.Contains(contains, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Row is 2 or 13);
        Assert.Contains("không dòng nào được lưu", job.Message);
        Assert.Empty(await officer.Search(prefix));
    }

    [Fact]
    public async Task Skip_bad_rows_saves_exactly_the_good_rows()
    {
        var officer = await app.SignIn("phuluong");
        var (file, prefix, _) = await MixedFile();
        var job = await officer.Import(file, "skipBadRows");
        Assert.Equal((12, 2, 10), (job.Total, job.Accepted, job.Rejected));
        Assert.Equal([$"{prefix} 13", $"{prefix} 2"], (await officer.Search(prefix)).Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Missing_or_renamed_columns_refuse_the_whole_file()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = Tag("Cột");
        var headers = XlsxBuilder.Headers.ToArray();
        headers[3] = "Xã";                      // renamed
        var rows = new[] { XlsxBuilder.Row(prefix, prefix) };
        var job = await officer.Import(XlsxBuilder.Build(rows, headers));
        Assert.Equal("failed", job.State);
        var problems = job.Problems();
        Assert.Contains(problems, p => p.Row == 1 && p.Column == "Mã xã/phường" && p.Message.Contains("Thiếu cột bắt buộc"));
        Assert.Contains(problems, p => p.Row == 1 && p.Column == "Xã" && p.Message.Contains("không có trong mẫu"));
        Assert.Empty(await officer.Search(prefix));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_at_once()
    {
        var officer = await app.SignIn("phuluong");
        var text = await officer.Upload(Encoding.UTF8.GetBytes("Tên cơ sở,Mã loại hình\nKaraoke,KARAOKE\n"), name: "co-so.csv");
        Assert.Contains((await text.Json(HttpStatusCode.BadRequest)).Errors(), e => e.StartsWith("file: ") && e.Contains("không phải bảng tính Excel"));
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            await using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) await w.WriteAsync("không phải xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.Upload(ms.ToArray())).StatusCode);
        var xls = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 };
        Assert.Contains((await (await officer.Upload(xls, name: "cu.xls")).Json(HttpStatusCode.BadRequest)).Errors(), e => e.Contains(".xls"));
    }

    [Fact]
    public async Task More_rows_than_the_limit_refuse_the_whole_file()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = Tag("Nhiều");
        var headers = XlsxBuilder.Headers[..4];
        var rows = Enumerable.Range(0, 100_001).Select(i => new object?[] { $"{prefix} {i}", "KARAOKE", "Phố Phú Lương", "09568" });
        var job = await officer.Import(XlsxBuilder.Build(rows, headers, sharedStrings: false), "skipBadRows");
        Assert.Equal("failed", job.State);
        Assert.Contains("100.000", job.Message);
        var problem = Assert.Single(job.Problems());
        Assert.Equal(100_002, problem.Row);
        Assert.Equal(0, job.Accepted);
        Assert.Empty(await officer.Search(prefix));
    }

    [Fact]
    public async Task An_xlsx_export_imports_back_after_changing_the_licence_numbers_and_the_csv_has_the_header_row()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = Tag("Xuất");
        await officer.Import(XlsxBuilder.Build(Enumerable.Range(1, 3).Select(i => XlsxBuilder.Row($"{prefix} {i}", $"{prefix}-{i}"))));
        var exportedBytes = await officer.GetByteArrayAsync($"/api/v1/establishments/export.xlsx?q={Uri.EscapeDataString(prefix)}");
        Assert.Empty(XlsxBuilder.Validate(exportedBytes));
        var exported = XlsxBuilder.Read(exportedBytes);
        Assert.Equal(XlsxBuilder.Headers, exported[0].Select(v => v as string));
        Assert.Equal(4, exported.Count);
        Assert.All(exported.Skip(1), r => Assert.Equal("09568", r[3]));
        var csv = await officer.GetByteArrayAsync($"/api/v1/establishments/export.csv?q={Uri.EscapeDataString(prefix)}");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", XlsxBuilder.Headers), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("04/05/2020", lines[1]);

        var again = exported.Skip(1).Select(r =>
        {
            var copy = r.Concat(new object?[XlsxBuilder.Headers.Length]).Take(XlsxBuilder.Headers.Length).ToArray();
            copy[0] = "Lại " + copy[0];
            copy[8] = "Lại-" + copy[8];
            return copy;
        }).ToList();
        var job = await officer.Import(XlsxBuilder.Build(again, sharedStrings: false));
        Assert.Equal(3, job.Accepted);
        var back = await officer.Establishment((await officer.Search("Lại " + prefix + " 1")).Single().Id);
        Assert.Equal("2020-05-04", back.LicenceDate);
        Assert.Equal("Nguyễn Văn Thử", back.OwnerName);
        Assert.Equal(20.95, back.Latitude);
    }

    [Fact]
    public async Task The_csv_export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = Tag("Công thức");
        string[] formulas = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)"];
        var names = formulas.Select(f => $"{f} {prefix}").ToArray();
        var job = await officer.Import(XlsxBuilder.Build(names.Select((n, i) => XlsxBuilder.Row(n, $"{prefix}-{i}"))));
        Assert.Equal(4, job.Accepted);
        var csv = await officer.GetByteArrayAsync($"/api/v1/establishments/export.csv?q={Uri.EscapeDataString(prefix)}");
        using var reader = new CsvHelper.CsvReader(new StreamReader(new MemoryStream(csv), Encoding.UTF8),
            new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture));
        var exported = new List<string>();
        await reader.ReadAsync();
        reader.ReadHeader();
        while (await reader.ReadAsync()) exported.Add(reader.GetField(0)!);
        Assert.Equal(names.Select(n => "'" + n).Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        // The stored name is as typed: only the export is neutralised.
        Assert.Contains(await officer.Search(prefix), e => e.Name == names[0]);
    }

    [Fact]
    public async Task The_template_has_the_headers_a_guide_and_the_catalogue_of_codes_in_scope()
    {
        var officer = await app.SignIn("phuluong");
        var bytes = await officer.GetByteArrayAsync("/api/v1/establishments/import/template.xlsx");
        Assert.Empty(XlsxBuilder.Validate(bytes));
        Assert.Equal(XlsxBuilder.Headers, XlsxBuilder.Read(bytes, "Cơ sở kinh doanh")[0].Select(v => v as string));
        var catalogue = XlsxBuilder.Read(bytes, "Danh mục");
        Assert.Contains(catalogue, r => r.Length > 0 && r[0] as string == "KARAOKE");
        Assert.Contains(catalogue, r => r.Length > 1 && r[0] as string == "09568" && r[1] as string == "Phường Phú Lương");
        Assert.DoesNotContain(catalogue, r => r.Length > 0 && r[0] as string == "09556");
        Assert.NotEmpty(XlsxBuilder.Read(bytes, "Hướng dẫn"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportTestsOnSqlite(SqliteApp app) : ImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportTestsOnPostgres(PostgresApp app) : ImportTests(app);
