using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Establishments.Import;

namespace Pcmd.UnitTests.Features.Establishments;

/// <summary>How one row of the import file is read: dates, numbers, codes, choices, and the record rules on top.</summary>
public class RowParserTests
{
    static readonly DateOnly Today = new(2026, 6, 17);

    static XlsxCell T(string s) => XlsxCell.Of(s);
    static XlsxCell N(double d) => XlsxCell.Of(d);

    [Theory]
    [InlineData("15/03/2021", 2021, 3, 15)]
    [InlineData("1/7/2025", 2025, 7, 1)]
    [InlineData(" 01-07-2025 ", 2025, 7, 1)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2024-02-29T00:00:00", 2024, 2, 29)]
    public void Dates_are_read_from_text_day_first(string text, int y, int m, int d)
    {
        Assert.True(EstablishmentRowParser.TryDate(T(text), out var date, out _));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Fact]
    public void Dates_are_read_from_Excel_day_numbers()
    {
        Assert.True(EstablishmentRowParser.TryDate(N(45000), out var date, out _));
        Assert.Equal(new DateOnly(2023, 3, 15), date);
        Assert.True(EstablishmentRowParser.TryDate(N(45000.75), out date, out _));
        Assert.Equal(new DateOnly(2023, 3, 15), date);
        Assert.False(EstablishmentRowParser.TryDate(N(-3), out _, out var error));
        Assert.Contains("không phải ngày hợp lệ", error);
    }

    [Theory]
    [InlineData("31/02/2021")]
    [InlineData("13/13/2021")]
    [InlineData("hôm qua")]
    [InlineData("2021")]
    public void Impossible_dates_are_refused(string text)
    {
        Assert.False(EstablishmentRowParser.TryDate(T(text), out _, out var error));
        Assert.Contains("dd/MM/yyyy", error);
    }

    [Theory]
    [InlineData("21.0285", 21.0285)]
    [InlineData("21,0285", 21.0285)]
    [InlineData(" 105,8542 ", 105.8542)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("-8", -8)]
    public void Decimal_numbers_take_either_decimal_mark(string text, double expected)
    {
        Assert.True(EstablishmentRowParser.TryNumber(T(text), out var n, out _));
        Assert.Equal(expected, n, 10);
    }

    [Theory]
    [InlineData("21°01'")]
    [InlineData("abc")]
    [InlineData("1e")]
    public void Text_that_is_not_a_number_is_refused(string text) =>
        Assert.False(EstablishmentRowParser.TryNumber(T(text), out _, out _));

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1.500", 1500)]
    [InlineData("1 500", 1500)]
    [InlineData("-3", -3)]
    public void Integers_accept_vi_VN_grouping(string text, int expected)
    {
        Assert.True(EstablishmentRowParser.TryInteger(T(text), out var n, out _));
        Assert.Equal(expected, n);
    }

    [Fact]
    public void Integers_refuse_fractions_and_words()
    {
        Assert.True(EstablishmentRowParser.TryInteger(N(12), out var n, out _));
        Assert.Equal(12, n);
        Assert.False(EstablishmentRowParser.TryInteger(N(12.5), out _, out _));
        Assert.False(EstablishmentRowParser.TryInteger(T("1.5"), out _, out _));
        Assert.False(EstablishmentRowParser.TryInteger(T("mười"), out _, out var error));
        Assert.Equal("'mười' không phải số nguyên.", error);
    }

    [Fact]
    public void Codes_and_phones_that_Excel_turned_into_numbers_get_their_leading_zeros_back()
    {
        Assert.Equal("09568", EstablishmentRowParser.Code(N(9568)));
        Assert.Equal("09568", EstablishmentRowParser.Code(T("9568")));
        Assert.Equal("01", EstablishmentRowParser.Code(T("01")));
        Assert.Equal("0912345678", EstablishmentRowParser.Phone(N(912345678)));
        Assert.Equal("912 345 678", EstablishmentRowParser.Phone(T("912 345 678")));
        Assert.Equal("1234567", EstablishmentRowParser.Text(N(1234567)));
        Assert.Equal("21.5", EstablishmentRowParser.Text(N(21.5)));
    }

    static Func<ImportColumn, XlsxCell> Cells(params (ImportColumn Column, XlsxCell Cell)[] cells)
    {
        var all = new Dictionary<ImportColumn, XlsxCell>
        {
            [ImportColumns.Name] = T("Karaoke Hoàng Gia"), [ImportColumns.Type] = T("karaoke"), [ImportColumns.Address] = T("Số 1 Quang Trung"),
            [ImportColumns.Commune] = T("09568"), [ImportColumns.Status] = T("đang  QUẢN LÝ"), [ImportColumns.ManagedFrom] = T("01/07/2025"),
        };
        foreach (var (c, v) in cells) all[c] = v;
        return c => all.GetValueOrDefault(c, XlsxCell.Empty);
    }

    static List<(string? Column, string Message)> Problems(ParsedRow row) => row.Issues.Select(i => (i.Column, i.Message)).ToList();

    [Fact]
    public void A_minimal_row_is_valid_with_the_documented_defaults()
    {
        var row = EstablishmentRowParser.Parse(2, Cells(), Today);
        Assert.Empty(row.Issues);
        Assert.Equal("KARAOKE", row.TypeCode);
        Assert.Equal("09568", row.CommuneCode);
        Assert.Equal(RiskClass.Low, row.Values.RiskClass);
        Assert.Equal(ManagementStatus.UnderManagement, row.Values.Status);
        Assert.False(row.Values.CommitmentSigned);
        Assert.Equal(0, row.Values.WorkerCount);
    }

    [Fact]
    public void Choices_are_read_in_Vietnamese_whatever_the_case()
    {
        var row = EstablishmentRowParser.Parse(2, Cells((ImportColumns.Risk, T("trung bình")), (ImportColumns.Status, T("Đã ngừng kinh doanh")),
            (ImportColumns.Signed, T("có")), (ImportColumns.CommitmentDate, N(45000))), Today);
        Assert.Empty(row.Issues);
        Assert.Equal(RiskClass.Medium, row.Values.RiskClass);
        Assert.Equal(ManagementStatus.Closed, row.Values.Status);
        Assert.True(row.Values.CommitmentSigned);
        var bad = EstablishmentRowParser.Parse(3, Cells((ImportColumns.Risk, T("rất cao"))), Today);
        Assert.Equal([("Mức độ rủi ro", "'rất cao' không phải mức độ rủi ro (Thấp, Trung bình hoặc Cao).")], Problems(bad));
    }

    [Fact]
    public void Coordinates_must_be_inside_Viet_Nam_and_come_in_pairs()
    {
        var paris = EstablishmentRowParser.Parse(2, Cells((ImportColumns.Latitude, N(48.8566)), (ImportColumns.Longitude, N(2.3522))), Today);
        Assert.Equal(["Vĩ độ", "Kinh độ"], paris.Issues.Select(i => i.Column));
        Assert.Contains("48,8566", paris.Issues[0].Message);
        var half = EstablishmentRowParser.Parse(2, Cells((ImportColumns.Latitude, T("21,03"))), Today);
        Assert.Equal([("Kinh độ", "Cần nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.")], Problems(half));
        var edge = EstablishmentRowParser.Parse(2, Cells((ImportColumns.Latitude, N(8.0)), (ImportColumns.Longitude, N(110.0))), Today);
        Assert.Empty(edge.Issues);
    }

    [Fact]
    public void Dates_in_the_future_and_missing_dates_are_reported_against_their_columns()
    {
        var row = EstablishmentRowParser.Parse(7, Cells((ImportColumns.LicenceDate, T("18/06/2026")), (ImportColumns.Signed, T("Có")),
            (ImportColumns.ManagedFrom, XlsxCell.Empty), (ImportColumns.ManagedTo, T("01/01/2020"))), Today);
        Assert.Equal(
        [
            ("Ngày cấp giấy phép", "Ngày cấp giấy phép 18/06/2026 ở tương lai."),
            ("Ngày đưa vào quản lý", "Cơ sở đang quản lý cần có ngày đưa vào quản lý."),
            ("Ngày ký cam kết", "Đã ký cam kết thì cần có ngày ký cam kết."),
        ], Problems(row));
        Assert.All(row.Issues, i => Assert.Equal(7, i.Row));
        var today = EstablishmentRowParser.Parse(2, Cells((ImportColumns.LicenceDate, T("17/06/2026"))), Today);
        Assert.Empty(today.Issues);
    }

    [Fact]
    public void An_unreadable_value_is_reported_once_not_again_as_missing()
    {
        var row = EstablishmentRowParser.Parse(2, Cells((ImportColumns.ManagedFrom, T("đầu năm")), (ImportColumns.Workers, T("-2"))), Today);
        Assert.Equal(
        [
            ("Ngày đưa vào quản lý", "'đầu năm' không phải ngày hợp lệ (nhập dạng dd/MM/yyyy, ví dụ 15/03/2021)."),
            ("Số người lao động", "Số người lao động không được âm."),
        ], Problems(row));
    }

    [Fact]
    public void Required_text_and_codes_are_reported_when_missing()
    {
        var row = EstablishmentRowParser.Parse(2, Cells((ImportColumns.Name, T("   ")), (ImportColumns.Type, XlsxCell.Empty), (ImportColumns.Commune, XlsxCell.Empty)), Today);
        Assert.Equal(["Mã loại hình", "Mã xã/phường", "Tên cơ sở"], row.Issues.Select(i => i.Column!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(17, "R")]
    public void Column_letters(int index, string letter)
    {
        Assert.Equal(letter, ImportColumns.Letter(index));
        Assert.Equal(index, XlsxSheetReader.ColumnOf(letter + "12"));
    }

    [Fact]
    public void Headers_are_matched_whatever_the_case_spacing_or_Unicode_form()
    {
        Assert.Same(ImportColumns.Commune, ImportColumns.ForHeader("  mã  XÃ/PHƯỜNG "));
        Assert.Same(ImportColumns.Name, ImportColumns.ForHeader("Tên cơ sở".Normalize(System.Text.NormalizationForm.FormD)));
        Assert.Null(ImportColumns.ForHeader("Xã"));
    }
}
