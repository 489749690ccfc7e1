using System.Globalization;
using System.Text.RegularExpressions;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments;

/// <summary>The values of one establishment as entered (form, API or one row of an import file), already
/// trimmed; the type and the commune are resolved by the caller.</summary>
public sealed class EstablishmentValues
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public int? TypeId { get; set; }
    public int? OrgUnitId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerPhone { get; set; }
    public string? LicenceNumber { get; set; }
    public DateOnly? LicenceDate { get; set; }
    public int WorkerCount { get; set; }
    public RiskClass RiskClass { get; set; }
    public ManagementStatus Status { get; set; } = ManagementStatus.UnderManagement;
    public DateOnly? ManagedFrom { get; set; }
    public DateOnly? ManagedTo { get; set; }
    public bool CommitmentSigned { get; set; }
    public DateOnly? CommitmentDate { get; set; }
    public string? Note { get; set; }

    /// <summary>Trimmed and in NFC (text <see cref="SafeText"/> refuses is left for the rules to report).</summary>
    public static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        return SafeText.Problem(s, multiLine: true) is null ? SafeText.Normalize(s) : s;
    }

    public void CopyTo(Establishment e)
    {
        e.Name = Name!; e.Address = Address!; e.TypeId = TypeId!.Value; e.OrgUnitId = OrgUnitId!.Value;
        e.Latitude = Latitude; e.Longitude = Longitude; e.OwnerName = OwnerName; e.OwnerPhone = OwnerPhone;
        e.LicenceNumber = LicenceNumber; e.LicenceDate = LicenceDate; e.WorkerCount = WorkerCount; e.RiskClass = RiskClass;
        e.Status = Status; e.ManagedFrom = ManagedFrom; e.ManagedTo = ManagedTo; e.CommitmentSigned = CommitmentSigned;
        e.CommitmentDate = CommitmentDate; e.Note = Note;
    }
}

/// <summary>The rules of an establishment record that need no database, shared by the form, the API and the
/// import. Each problem is reported against its field (the API's JSON name; the import maps it to a column).</summary>
public static class EstablishmentRules
{
    public const int NameMax = 300, AddressMax = 500, LicenceMax = 60, NoteMax = 2000;
    /// <summary>Owner name and phone are stored encrypted (enc1: + base64 of nonce, tag and UTF-8 text) in columns of
    /// 400 and 200 characters: 80 Vietnamese characters (up to 3 bytes each) and 20 characters of a phone fit.</summary>
    public const int OwnerNameMax = 80, PhoneMax = 20;

    /// <summary>The mainland and the islands of Việt Nam (Hoàng Sa and Trường Sa lie outside this box and are not
    /// places of business registration).</summary>
    public const double LatMin = 8.0, LatMax = 23.5, LngMin = 102.0, LngMax = 110.0;

    static readonly Regex Phone = new(@"^\+?[0-9][0-9 .()\-]{5,19}$", RegexOptions.CultureInvariant);

    public static string Date(DateOnly d) => ViFormat.Date(d);

    public static void Check(EstablishmentValues v, DateOnly today, Action<string, string> add)
    {
        // The same rule the database applies to every save; here too because the import writes in bulk around it.
        void Text(string field, string? s, bool multiLine = false)
        {
            if (s is not null && SafeText.Problem(s, multiLine) is { } problem) add(field, problem);
        }
        Text("name", v.Name); Text("address", v.Address); Text("ownerName", v.OwnerName); Text("ownerPhone", v.OwnerPhone);
        Text("licenceNumber", v.LicenceNumber); Text("note", v.Note, multiLine: true);
        if (v.Name is null) add("name", "Thiếu tên cơ sở.");
        else if (v.Name.Length > NameMax) add("name", $"Tên cơ sở dài quá {NameMax} ký tự.");
        if (v.Address is null) add("address", "Thiếu địa chỉ.");
        else if (v.Address.Length > AddressMax) add("address", $"Địa chỉ dài quá {AddressMax} ký tự.");

        if (v.Latitude is { } lat && (double.IsNaN(lat) || lat < LatMin || lat > LatMax))
            add("latitude", $"Vĩ độ {Coordinate(lat)} nằm ngoài lãnh thổ Việt Nam (phải từ 8,0 đến 23,5).");
        if (v.Longitude is { } lng && (double.IsNaN(lng) || lng < LngMin || lng > LngMax))
            add("longitude", $"Kinh độ {Coordinate(lng)} nằm ngoài lãnh thổ Việt Nam (phải từ 102,0 đến 110,0).");
        if (v.Latitude.HasValue != v.Longitude.HasValue)
            add(v.Latitude.HasValue ? "longitude" : "latitude", "Cần nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.");

        if (v.OwnerName?.Length > OwnerNameMax) add("ownerName", $"Tên chủ cơ sở dài quá {OwnerNameMax} ký tự.");
        if (v.OwnerPhone is { } phone && (phone.Length > PhoneMax || !Phone.IsMatch(phone)))
            add("ownerPhone", $"Số điện thoại '{phone}' không hợp lệ (chữ số, có thể có dấu cách, +, -, ., ngoặc; tối đa {PhoneMax} ký tự).");
        if (v.LicenceNumber?.Length > LicenceMax) add("licenceNumber", $"Số giấy phép dài quá {LicenceMax} ký tự.");
        if (v.LicenceDate is { } ld && ld > today) add("licenceDate", $"Ngày cấp giấy phép {Date(ld)} ở tương lai.");
        if (v.WorkerCount < 0) add("workerCount", "Số người lao động không được âm.");
        if (!Enum.IsDefined(v.RiskClass)) add("riskClass", "Mức độ rủi ro không hợp lệ.");
        if (!Enum.IsDefined(v.Status)) add("status", "Tình trạng quản lý không hợp lệ.");

        if (v.Status == ManagementStatus.UnderManagement && v.ManagedFrom is null)
            add("managedFrom", "Cơ sở đang quản lý cần có ngày đưa vào quản lý.");
        if (v is { ManagedFrom: { } from, ManagedTo: { } to } && to < from)
            add("managedTo", $"Ngày thôi quản lý {Date(to)} trước ngày đưa vào quản lý {Date(from)}.");

        if (v.CommitmentSigned && v.CommitmentDate is null) add("commitmentDate", "Đã ký cam kết thì cần có ngày ký cam kết.");
        if (!v.CommitmentSigned && v.CommitmentDate is not null) add("commitmentDate", "Có ngày ký cam kết nhưng chưa đánh dấu đã ký cam kết.");
        if (v.CommitmentDate is { } cd && cd > today) add("commitmentDate", $"Ngày ký cam kết {Date(cd)} ở tương lai.");
        if (v.Note?.Length > NoteMax) add("note", $"Ghi chú dài quá {NoteMax} ký tự.");
    }

    static string Coordinate(double d) => d.ToString("0.######", CultureInfo.GetCultureInfo("vi-VN"));

    public static string LicenceTaken(string licence, string? holder) => holder is null
        ? $"Số giấy phép {licence} đã có ở một cơ sở khác (ngoài phạm vi bạn được xem)."
        : $"Số giấy phép {licence} đã có ở cơ sở {holder}.";

    /// <summary>Today in Việt Nam, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(PageText.ToVietnamTime(clock.GetUtcNow().UtcDateTime));
}
