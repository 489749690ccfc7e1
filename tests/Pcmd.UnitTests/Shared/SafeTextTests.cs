using System.Text;
using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Shared;

public class SafeTextTests
{
    [Theory]
    [InlineData("Karaoke\u0000Hoàng Gia", "ký tự điều khiển (U+0000) ở vị trí 8")]
    [InlineData("\u001B[31mĐỏ", "ký tự điều khiển (U+001B) ở vị trí 1")]
    [InlineData("abc\u202Efdp.exe", "ký tự đảo chiều văn bản (U+202E)")]
    [InlineData("a\u2066b", "ký tự đảo chiều văn bản (U+2066)")]
    [InlineData("Phú\u200BLương", "ký tự ẩn (không hiển thị) (U+200B)")]
    [InlineData("\uFEFFTên", "ký tự ẩn (không hiển thị) (U+FEFF)")]
    [InlineData("a\u0085b", "ký tự điều khiển (U+0085)")]
    [InlineData("a\u2028b", "ký tự ngắt dòng Unicode (U+2028)")]
    [InlineData("dòng 1\ndòng 2", "ký tự xuống dòng")]
    [InlineData("cột\tcột", "ký tự tab")]
    public void Controls_bidi_and_invisible_characters_are_refused_with_their_code_and_place(string text, string expected)
    {
        Assert.Contains(expected, SafeText.Problem(text, multiLine: false));
    }

    [Fact]
    public void A_broken_surrogate_pair_is_refused()
    {
        // Not an [InlineData]: the test runner would turn the lone surrogate into U+FFFD.
        Assert.Contains("ký tự Unicode hỏng (U+D800) ở vị trí 2", SafeText.Problem("a\uD800b", multiLine: true));
        Assert.Contains("ký tự Unicode hỏng (U+DC00)", SafeText.Problem("\uDC00", multiLine: true));
    }

    [Fact]
    public void Vietnamese_text_emoji_and_line_breaks_in_multi_line_text_are_accepted()
    {
        Assert.Null(SafeText.Problem("Cơ sở karaoke Hoàng Gia – số 12, phố Quang Trung (Hà Đông) “đã ký” ½ 😀", multiLine: false));
        Assert.Null(SafeText.Problem("Dòng 1\r\nDòng 2\tcột", multiLine: true));
        Assert.NotNull(SafeText.Problem("Dòng 1\u0000", multiLine: true));
    }

    [Fact]
    public void Decomposed_text_is_normalised_to_NFC()
    {
        var nfd = "Hà Nội".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Hà Nội", nfd);
        Assert.Equal("Hà Nội", SafeText.Normalize(nfd));
        var nfc = "Hà Nội";
        Assert.Same(nfc, SafeText.Normalize(nfc));
    }

    [Theory]
    [InlineData("a\u0000.exe.pdf", "a.exe.pdf")]
    [InlineData("..\\..\\windows\\win.pdf", "win.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\An\\Biên bản.pdf", "Biên bản.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("lpt1", "_lpt1")]
    [InlineData("abc\u202Efdp.exe", "abcfdp.exe")]
    [InlineData("...hidden.docx", "hidden.docx")]
    [InlineData("bao<cao>:1?.xlsx", "baocao1.xlsx")]
    [InlineData("\u0001\u0002", "tep")]
    [InlineData("../.pdf", "pdf")]
    [InlineData("", "tep")]
    public void File_names_are_reduced_to_a_safe_base_name(string name, string expected)
    {
        Assert.Equal(expected, SafeFileName.Of(name));
    }

    [Fact]
    public void Long_file_names_keep_their_extension_and_NFC()
    {
        var name = SafeFileName.Of(new string('ư', 300) + ".pdf");
        Assert.Equal(SafeFileName.MaxLength, name.Length);
        Assert.EndsWith("ư.pdf", name);
        Assert.Equal("Hà Nội.pdf", SafeFileName.Of("Hà Nội.pdf".Normalize(NormalizationForm.FormD)));
    }
}
