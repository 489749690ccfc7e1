using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.UnitTests.Shared;
using static Pcmd.UnitTests.Shared.ArchiveBombs;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>Hostile spreadsheets sent to the import (issue 9, item 1): each is refused at upload with a Vietnamese
/// problem naming the limit, no job starts and no row is added; the process never unzips more than the limits. And the
/// text rule of every save applies to each imported row, reported by row and column.</summary>
public abstract class ImportBombTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    // Made once for both databases: the two large ones take a few seconds to compress.
    static readonly Lazy<(string Name, byte[] File, string Message)[]> Bombs = new(() =>
    [
        ("512 MiB shared string", Xlsx(sharedStrings: HugeSharedString(512L * 1024 * 1024)), "khi giải nén lớn hơn 200 MB"),
        ("1 GiB of whitespace", Xlsx(Whitespace(1024L * 1024 * 1024)), "khi giải nén lớn hơn 200 MB"),
        ("a highly compressed part", Xlsx(sharedStrings: HugeSharedString(20L * 1024 * 1024)), "nén hơn 100 lần"),
        ("a cell of 40,000 characters", Xlsx(s => Write(s, $"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', 40_000)}</t></is></c></row>")), "dài hơn 32.767 ký tự"),
        ("too many entries", Xlsx(extraEntries: 10_001), "hơn 10.000 thành phần"),
        ("too many rows", Xlsx(s => Write(s, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"200001\"><c r=\"A200001\"><v>1</v></c></row>")), "hơn 200.000 dòng"),
        ("too many columns", Xlsx(dimension: "A1:XFD1"), "quá 100 cột"),
    ]);

    [Fact]
    public async Task Each_bomb_is_refused_at_upload_with_a_Vietnamese_problem_and_nothing_saved()
    {
        var officer = await app.SignIn("phuluong");
        var before = await data.Db(db => db.Establishments.CountAsync());
        foreach (var (name, file, message) in Bombs.Value)
        {
            Assert.True(file.Length < 2 * 1024 * 1024, $"{name}: {file.Length} bytes");
            var res = await officer.Upload(file);
            var problem = await res.Json<Problem>(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
            var error = Assert.Single(problem.On("file"));
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{name}: {error}");
        }
        Assert.Equal(before, await data.Db(db => db.Establishments.CountAsync()));
    }

    [Fact]
    public async Task Imported_rows_follow_the_text_rule_reported_by_row_and_column()
    {
        var officer = await app.SignIn("phuluong");
        var prefix = data.Tag("Ký tự", 30);
        var rows = new List<object?[]>
        {
            XlsxBuilder.Row($"{prefix} ZW\u200B", $"{prefix}-1"),
            XlsxBuilder.Row($"{prefix} RLO", $"{prefix}-2"),
            XlsxBuilder.Row($"{prefix} Hà Nội".Normalize(NormalizationForm.FormD), $"{prefix}-3"),
        };
        rows[1][2] = "Số 1\u202E phố";            // address
        rows[2][17] = "Dòng 1\nDòng 2";          // a note may have line breaks
        var job = await officer.Import(XlsxBuilder.Build(rows, sharedStrings: false), "skipBadRows");
        Assert.Equal((3, 1, 2), (job.Total, job.Accepted, job.Rejected));
        var problems = job.Problems();
        Assert.Contains(problems, p => p.Row == 2 && p.Column == "Tên cơ sở" && p.Message.Contains("U+200B"));
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "Địa chỉ" && p.Message.Contains("U+202E"));
        var saved = Assert.Single(await officer.Search(prefix));
        Assert.Equal($"{prefix} Hà Nội", saved.Name);
        Assert.Equal("Dòng 1\nDòng 2", (await officer.GetJson($"/api/v1/establishments/{saved.Id}"))["note"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportBombTestsOnSqlite(SqliteApp app) : ImportBombTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportBombTestsOnPostgres(PostgresApp app) : ImportBombTests(app);
