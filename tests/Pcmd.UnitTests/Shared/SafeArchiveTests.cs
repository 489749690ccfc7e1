using System.Text;
using Pcmd.Web.Shared;
using static Pcmd.UnitTests.Shared.ArchiveBombs;

namespace Pcmd.UnitTests.Shared;

/// <summary>The archive guard refuses each kind of bomb with the limit it passed, and lets an ordinary file through.</summary>
public class SafeArchiveTests
{
    static readonly ArchiveLimits Limits = new();

    static string Refusal(byte[] file, bool spreadsheet = true, ArchiveLimits? limits = null)
    {
        using var ms = new MemoryStream(file);
        return Assert.Throws<ArchiveRefusedException>(() => SafeArchive.Check(ms, limits ?? Limits, spreadsheet)).Message;
    }

    [Fact]
    public void An_ordinary_spreadsheet_passes_and_the_stream_is_rewound()
    {
        var file = Xlsx(s => { for (var r = 1; r <= 1000; r++) Write(s, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c><c r=\"R{r}\"><v>{r}</v></c></row>"); });
        using var ms = new MemoryStream(file);
        SafeArchive.Check(ms, Limits, spreadsheet: true);
        Assert.Equal(0, ms.Position);
    }

    [Fact]
    public void A_512_MiB_shared_string_is_refused_by_what_the_zip_declares_and_by_what_it_holds()
    {
        var bomb = Xlsx(sharedStrings: HugeSharedString(512L * 1024 * 1024));
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length} bytes");
        Assert.Contains("khi giải nén lớn hơn 200 MB", Refusal(bomb));
        // Within the size and ratio limits, the string is still refused by its length, without being read whole.
        var lenient = new ArchiveLimits { MaxUncompressedBytes = long.MaxValue, MaxCompressionRatio = int.MaxValue };
        Assert.Contains("dài hơn 32.767 ký tự", Refusal(bomb, limits: lenient));
    }

    [Fact]
    public void A_GiB_of_whitespace_is_refused()
    {
        var bomb = Xlsx(Whitespace(1024L * 1024 * 1024));
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");
        Assert.Contains("khi giải nén lớn hơn", Refusal(bomb));
        var lenient = new ArchiveLimits { MaxUncompressedBytes = long.MaxValue, MaxCompressionRatio = int.MaxValue };
        Assert.Contains("dài hơn", Refusal(bomb, limits: lenient));
    }

    [Fact]
    public void A_highly_compressed_entry_is_refused_by_its_ratio()
    {
        Assert.Contains("nén hơn 100 lần", Refusal(Docx(50L * 1024 * 1024), spreadsheet: false));
        using var fine = new MemoryStream(Docx(1000));
        SafeArchive.Check(fine, Limits, spreadsheet: false);
    }

    [Fact]
    public void Too_many_entries_are_refused_before_the_zip_is_opened()
    {
        Assert.Contains("hơn 10.000 thành phần", Refusal(Xlsx(extraEntries: 10_000)));
    }

    [Fact]
    public void Cells_shared_strings_rows_and_columns_past_their_limits_are_refused()
    {
        var letters = new string('x', 40_000);
        Assert.Contains("dài hơn 32.767 ký tự", Refusal(Xlsx(s => Write(s, $"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{letters}</t></is></c></row>"))));
        // Rich text: runs of 20,000 characters that make one string of 60,000.
        var runs = string.Concat(Enumerable.Repeat($"<r><t>{new string('y', 20_000)}</t></r>", 3));
        Assert.Contains("dài hơn 32.767 ký tự", Refusal(Xlsx(sharedStrings: s => Write(s, $"<si>{runs}</si>"))));
        Assert.Contains("hơn 200.000 dòng", Refusal(Xlsx(s => Write(s, "<row r=\"250000\"><c r=\"A250000\"><v>1</v></c></row>"))));
        Assert.Contains("hơn 200.000 dòng", Refusal(Xlsx(dimension: "A1:R1048576")));
        Assert.Contains("quá 100 cột", Refusal(Xlsx(s => Write(s, "<row r=\"1\"><c r=\"DA1\"><v>1</v></c></row>"))));
        Assert.Contains("quá 100 cột", Refusal(Xlsx(dimension: "A1:XFD10")));
        var cells = string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 101)); // cells without references count by position
        Assert.Contains("quá 100 cột", Refusal(Xlsx(s => Write(s, $"<row>{cells}</row>"))));
        var many = new ArchiveLimits { MaxSharedStrings = 10 };
        Assert.Contains("hơn 10 chuỗi dùng chung", Refusal(Xlsx(sharedStrings: s => { for (var i = 0; i < 11; i++) Write(s, $"<si><t>{i}</t></si>"); }), limits: many));
    }

    [Fact]
    public void A_document_type_definition_is_refused()
    {
        var file = Xlsx(sharedStrings: s => Write(s, "<si><t>a</t></si>"));
        // A DTD cannot be added inside the root; an entity bomb would need one: put it in a part of its own.
        using var ms = new MemoryStream();
        ms.Write(file);
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        using (var w = zip.CreateEntry("xl/worksheets/sheet2.xml").Open())
            w.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><worksheet>&lol;</worksheet>"));
        Assert.Contains("XML hỏng", Refusal(ms.ToArray()));
    }

    [Fact]
    public void What_is_not_a_zip_is_left_to_the_caller_to_name()
    {
        using var ms = new MemoryStream("not a zip at all"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => SafeArchive.Check(ms, Limits, spreadsheet: true));
    }
}
