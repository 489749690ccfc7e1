using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>Pages and JSON are served compressed to a client that accepts it, and read back the same.</summary>
public abstract class CompressionTests(PcmdApp app)
{
    [Theory]
    [InlineData("br", "/plans", "Kế hoạch")]
    [InlineData("gzip", "/plans", "Kế hoạch")]
    [InlineData("br", "/api/v1/plans", "\"key\":\"hn-2026-2030\"")]
    public async Task A_page_or_an_answer_comes_compressed_and_reads_back_whole(string encoding, string path, string expected)
    {
        var client = await app.SignIn("dieuphoi");
        using var plain = await client.GetAsync(path);
        var plainText = await plain.Content.ReadAsStringAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        using var res = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal([encoding], res.Content.Headers.ContentEncoding);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        await using Stream unpack = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var text = await new StreamReader(unpack).ReadToEndAsync();
        Assert.Contains(expected, text);
        Assert.True(bytes.Length * 2 < System.Text.Encoding.UTF8.GetByteCount(text), $"{bytes.Length} bytes for {text.Length} characters");
        Assert.True(Math.Abs(text.Length - plainText.Length) < plainText.Length / 10, "the compressed answer is the same page");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CompressionTestsOnSqlite(SqliteApp app) : CompressionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CompressionTestsOnPostgres(PostgresApp app) : CompressionTests(app);

/// <summary>The embedded database only: PostgreSQL has its own multi-version concurrency.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteStorageTests(SqliteApp app)
{
    [Fact]
    public async Task The_embedded_database_writes_ahead_so_that_readers_never_wait_for_a_writer()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Pcmd.Web.Data.PcmdDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
    }
}
