namespace Pcmd.Web.Features.Establishments.Import;

public enum ColumnKind { Text, Code, Number, Integer, Date, Choice, YesNo }

/// <summary>One column of the establishment file (docs/establishment-import.md). <see cref="Field"/> is the field the
/// rules report against (the API's JSON name).</summary>
public sealed record ImportColumn(int Index, string Header, string Field, ColumnKind Kind, bool Required, string Example, string Help);

/// <summary>The columns of the import template and of the exports, in their order. An export can be imported back.</summary>
public static class ImportColumns
{
    public const string DataSheet = "Cơ sở kinh doanh";
    public const string CatalogueSheet = "Danh mục";
    public const string GuideSheet = "Hướng dẫn";
    /// <summary>Data rows per file: 100,000 keeps one import within the memory budget (500 MB) and about 20 s.</summary>
    public const int RowLimit = 100_000;

    public static readonly ImportColumn Name = new(0, "Tên cơ sở", "name", ColumnKind.Text, true, "Karaoke Hoàng Gia", "Tối đa 300 ký tự.");
    public static readonly ImportColumn Type = new(1, "Mã loại hình", "typeId", ColumnKind.Code, true, "KARAOKE", "Mã trong sheet Danh mục.");
    public static readonly ImportColumn Address = new(2, "Địa chỉ", "address", ColumnKind.Text, true, "Số 12 phố Quang Trung", "Tối đa 500 ký tự.");
    public static readonly ImportColumn Commune = new(3, "Mã xã/phường", "orgUnitId", ColumnKind.Code, true, "09568",
        "Mã đơn vị hành chính cấp xã hiện nay (Quyết định 19/2025/QĐ-TTg), trong phạm vi bạn được giao; xem sheet Danh mục.");
    public static readonly ImportColumn Latitude = new(4, "Vĩ độ", "latitude", ColumnKind.Number, false, "20.9545", "Từ 8,0 đến 23,5; nhập cùng kinh độ.");
    public static readonly ImportColumn Longitude = new(5, "Kinh độ", "longitude", ColumnKind.Number, false, "105.7581", "Từ 102,0 đến 110,0; nhập cùng vĩ độ.");
    public static readonly ImportColumn Owner = new(6, "Chủ cơ sở", "ownerName", ColumnKind.Text, false, "Nguyễn Văn An", "Tối đa 80 ký tự; được mã hóa khi lưu.");
    public static readonly ImportColumn Phone = new(7, "Điện thoại chủ cơ sở", "ownerPhone", ColumnKind.Text, false, "0912345678", "Tối đa 20 ký tự; được mã hóa khi lưu.");
    public static readonly ImportColumn Licence = new(8, "Số giấy phép kinh doanh", "licenceNumber", ColumnKind.Text, false, "01H8012345",
        "Không trùng trong tệp và với cơ sở đã có.");
    public static readonly ImportColumn LicenceDate = new(9, "Ngày cấp giấy phép", "licenceDate", ColumnKind.Date, false, "15/03/2021", "dd/MM/yyyy; không ở tương lai.");
    public static readonly ImportColumn Workers = new(10, "Số người lao động", "workerCount", ColumnKind.Integer, false, "12", "Số nguyên ≥ 0; để trống là 0.");
    public static readonly ImportColumn Risk = new(11, "Mức độ rủi ro", "riskClass", ColumnKind.Choice, false, "Trung bình", "Thấp, Trung bình hoặc Cao; để trống là Thấp.");
    public static readonly ImportColumn Status = new(12, "Tình trạng quản lý", "status", ColumnKind.Choice, false, "Đang quản lý",
        "Đang quản lý, Không thuộc diện quản lý hoặc Đã ngừng kinh doanh; để trống là Đang quản lý.");
    public static readonly ImportColumn ManagedFrom = new(13, "Ngày đưa vào quản lý", "managedFrom", ColumnKind.Date, false, "01/07/2025",
        "dd/MM/yyyy; bắt buộc khi Đang quản lý.");
    public static readonly ImportColumn ManagedTo = new(14, "Ngày thôi quản lý", "managedTo", ColumnKind.Date, false, "", "dd/MM/yyyy; không trước ngày đưa vào quản lý.");
    public static readonly ImportColumn Signed = new(15, "Đã ký cam kết", "commitmentSigned", ColumnKind.YesNo, false, "Có", "Có hoặc Không; để trống là Không.");
    public static readonly ImportColumn CommitmentDate = new(16, "Ngày ký cam kết", "commitmentDate", ColumnKind.Date, false, "20/08/2025",
        "dd/MM/yyyy; bắt buộc khi đã ký, không ở tương lai.");
    public static readonly ImportColumn Note = new(17, "Ghi chú", "note", ColumnKind.Text, false, "", "Tối đa 2.000 ký tự.");

    public static readonly IReadOnlyList<ImportColumn> All =
        [Name, Type, Address, Commune, Latitude, Longitude, Owner, Phone, Licence, LicenceDate, Workers, Risk, Status, ManagedFrom, ManagedTo, Signed, CommitmentDate, Note];

    static readonly Dictionary<string, ImportColumn> ByField = All.ToDictionary(c => c.Field);
    static readonly Dictionary<string, ImportColumn> ByHeader = All.ToDictionary(c => EstablishmentLabels.Fold(c.Header));

    public static ImportColumn? ForField(string field) => ByField.GetValueOrDefault(field);

    public static ImportColumn? ForHeader(string header) => ByHeader.GetValueOrDefault(EstablishmentLabels.Fold(header));

    /// <summary>"A", "B", …, "AA": the spreadsheet's name of a zero-based column.</summary>
    public static string Letter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
