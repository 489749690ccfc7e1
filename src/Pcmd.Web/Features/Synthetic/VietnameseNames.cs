namespace Pcmd.Web.Features.Synthetic;

/// <summary>Believable Vietnamese names for synthetic records: people, businesses, streets and places. The family
/// names follow their rough share of the population (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9,5 %…); every pick is drawn
/// from the caller's <see cref="Random"/>, so a seed gives the same names.</summary>
public static class VietnameseNames
{
    static readonly (string Name, int Weight)[] Families =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 40), ("Huỳnh", 15), ("Phan", 45), ("Vũ", 30),
        ("Võ", 12), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 8),
        ("Đào", 6), ("Trịnh", 6), ("Mai", 4), ("Lương", 4), ("Tạ", 3), ("Cao", 3), ("Chu", 2), ("Kiều", 2), ("Lâm", 3),
    ];

    static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Tuấn", "Ngọc", "Duy", "Công", "Trọng", "Mạnh", "Việt"];
    static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Kim", "Thùy", "Mai", "Bích", "Diệu"];
    static readonly string[] MaleGiven =
    [
        "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Long", "Hải", "Sơn", "Thắng", "Hưng", "Cường", "Trung", "Quân", "Phúc", "Đạt",
        "Khánh", "Hiếu", "Tùng", "Bình", "Thành", "Hoàng", "Vinh", "Tú", "Huy", "Kiên", "Lâm", "Quang", "Toàn", "Thịnh", "Tiến",
        "Đức", "Anh", "Phong", "Tâm", "Nghĩa", "Hòa", "Lợi", "Chiến", "Sang", "Duy",
    ];
    static readonly string[] FemaleGiven =
    [
        "Lan", "Hoa", "Hương", "Mai", "Thảo", "Trang", "Linh", "Ngọc", "Hằng", "Huyền", "Nga", "Phương", "Yến", "Thủy", "Hà",
        "Nhung", "Oanh", "Loan", "Dung", "Vân", "Hạnh", "Thu", "Hiền", "Giang", "Anh", "Quỳnh", "Liên", "Chi", "Nhàn", "Tuyết",
        "Diệp", "My", "Trâm", "Hồng", "Thúy", "Uyên", "Xuân", "Vy", "Ly", "Ánh",
    ];

    static readonly int FamilyTotal = Families.Sum(f => f.Weight);

    public static string Family(Random r)
    {
        var x = r.Next(FamilyTotal);
        foreach (var (name, w) in Families) { if (x < w) return name; x -= w; }
        return Families[0].Name;
    }

    public static string Person(Random r)
    {
        var male = r.Next(2) == 0;
        return male
            ? $"{Family(r)} {Pick(r, MaleMiddle)} {Pick(r, MaleGiven)}"
            : $"{Family(r)} {Pick(r, FemaleMiddle)} {Pick(r, FemaleGiven)}";
    }

    /// <summary>A mobile number of a Vietnamese carrier (03x, 05x, 07x, 08x, 09x), 10 digits.</summary>
    public static string Phone(Random r)
    {
        string[] prefixes = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "079", "081", "083", "085", "056", "058"];
        return Pick(r, prefixes) + r.Next(0, 10_000_000).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Shop brands seen on Vietnamese signboards, Vietnamese and borrowed.</summary>
    static readonly string[] Brands =
    [
        "Hoàng Gia", "Hoa Sen", "Bình Minh", "Phương Đông", "Hoàng Long", "Ánh Dương", "Thiên Phúc", "Minh Châu", "Sao Mai",
        "Hương Giang", "Hồng Hà", "Thăng Long", "Kim Ngân", "Phú Quý", "An Khang", "Thịnh Vượng", "Ngọc Lan", "Tuổi Trẻ",
        "Thanh Xuân", "Sen Vàng", "Mặt Trời", "Hải Âu", "Hồng Phát", "Trường An", "Đông Đô", "Sông Hồng", "Hà Thành",
        "Cát Tường", "Như Ý", "Tâm An", "Lan Anh", "Hương Sen", "Biển Xanh", "Ngôi Sao", "Ánh Trăng", "Bảo Ngọc", "Gia Huy",
        "Minh Anh", "Hạnh Phúc", "Thiên Đường", "Hoa Mai", "Phượng Hoàng", "Đại Dương", "Vạn Xuân", "Tân Phát", "Kim Long",
        "Golden", "Diamond", "Paris", "Royal", "Luxury", "Star", "Sky", "Queen", "King", "Venus", "Galaxy", "Sunrise", "Lotus",
        "Hải Đăng", "Thái Bình", "Phú Gia", "Hòa Bình", "Bông Sen", "Ngọc Trai", "Hoa Hồng", "Thảo Nguyên", "Mây Trắng", "Lam Sơn",
    ];

    /// <summary>Businesses named after the owner or a child ("Nhà nghỉ Tuấn Anh").</summary>
    static readonly string[] OwnerStyle =
    [
        "Tuấn Anh", "Minh Anh", "Thu Hà", "Ngọc Ánh", "Hải Yến", "Quỳnh Anh", "Bảo An", "Phương Linh", "Hoàng Anh", "Thanh Tâm",
        "Việt Hà", "Đức Minh", "Thùy Linh", "Gia Bảo", "Khánh Linh", "Hà My", "Anh Thư", "Minh Khôi", "Nam Phong", "Hồng Nhung",
    ];

    /// <summary>What the signboard says before the brand, by the code of the establishment type (Features/Reference/Data);
    /// a type an administrator adds later is written with its own name.</summary>
    static readonly Dictionary<string, string[]> Signboards = new()
    {
        ["KHACH-SAN"] = ["Khách sạn", "Hotel"], ["NHA-NGHI"] = ["Nhà nghỉ"], ["NHA-KHACH"] = ["Nhà khách"], ["NHA-TRO"] = ["Nhà trọ"],
        ["CAN-HO-CHO-THUE"] = ["Căn hộ dịch vụ", "Homestay"], ["VU-TRUONG"] = ["Vũ trường", "Club"], ["KARAOKE"] = ["Karaoke"],
        ["BIEU-DIEN-BAR"] = ["Cà phê nhạc sống", "Phòng trà"], ["MASSAGE"] = ["Massage", "Xoa bóp"], ["TAM-HOI"] = ["Xông hơi"],
        ["TAM-QUAT"] = ["Tẩm quất"], ["VAT-LY-TRI-LIEU"] = ["Vật lý trị liệu"], ["SPA"] = ["Spa", "Thẩm mỹ viện"],
        ["TAM-NONG-LANH"] = ["Tắm nóng lạnh"], ["GOI-DAU"] = ["Salon tóc", "Gội đầu thư giãn"], ["CA-PHE-DEN-MO"] = ["Cà phê"],
        ["QUAN-BAR"] = ["Bar", "Pub"],
    };

    public static string Business(Random r, string typeCode, string typeName)
    {
        var board = Signboards.TryGetValue(typeCode, out var boards) ? Pick(r, boards) : typeName;
        var roll = r.Next(10);
        if (roll < 2) return $"{board} {Pick(r, OwnerStyle)}";
        if (roll < 3) return $"{board} {Pick(r, Brands)} {r.Next(2, 6)}";
        return $"{board} {Pick(r, Brands)}";
    }

    static readonly string[] Streets =
    [
        "Trần Hưng Đạo", "Lê Lợi", "Nguyễn Trãi", "Quang Trung", "Hai Bà Trưng", "Lý Thường Kiệt", "Lê Duẩn", "Nguyễn Huệ",
        "Phan Đình Phùng", "Trần Phú", "Hùng Vương", "Điện Biên Phủ", "Nguyễn Văn Cừ", "Lê Thánh Tông", "Ngô Quyền", "Bà Triệu",
        "Phạm Văn Đồng", "Nguyễn Chí Thanh", "Tôn Đức Thắng", "Lạc Long Quân", "Võ Nguyên Giáp", "Hoàng Hoa Thám", "Trường Chinh",
        "Lê Hồng Phong", "Phan Chu Trinh", "Nguyễn Du", "Minh Khai", "Tố Hữu", "Thanh Niên", "Nguyễn Thị Minh Khai", "Lý Thái Tổ",
        "Đinh Tiên Hoàng", "Phan Bội Châu", "Cách Mạng Tháng Tám", "Ba Tháng Hai", "Nguyễn Văn Linh", "Lê Văn Lương", "Tây Sơn",
        "Nguyễn Khuyến", "Chu Văn An", "Trần Quốc Toản", "Lê Quý Đôn", "Hàm Nghi", "Nguyễn Tất Thành", "Yết Kiêu", "Kim Đồng",
    ];

    static readonly string[] Hamlets = ["Đông", "Đoài", "Thượng", "Hạ", "Trung", "Nam", "Bắc", "Tiền", "Hậu", "Tân Lập", "Đồng Tâm", "Quyết Tiến"];

    public static string Street(Random r) => Pick(r, Streets);

    /// <summary>"Số 25, ngõ 12 phố Quang Trung, Phường Phú Lãm, Thành phố Hà Nội" in towns; "Thôn Đông, Xã …" in the country.</summary>
    public static string Address(Random r, string communeName, string provinceName)
    {
        string local;
        if (communeName.StartsWith("Xã ", StringComparison.Ordinal))
            local = r.Next(3) == 0 ? $"Xóm {r.Next(1, 16)}, thôn {Pick(r, Hamlets)}" : $"Thôn {Pick(r, Hamlets)}";
        else
        {
            var street = Pick(r, Streets);
            var kind = r.Next(2) == 0 ? "phố" : "đường";
            local = r.Next(3) == 0
                ? $"Số {r.Next(1, 80)}, ngõ {r.Next(1, 300)} {kind} {street}"
                : $"Số {r.Next(1, 400)} {kind} {street}";
        }
        return $"{local}, {communeName}, {provinceName}";
    }

    static readonly string[] PublicPlaces =
    [
        "Khu vực vườn hoa {0}", "Đoạn đường {0} gần nút giao", "Khu vực chân cầu vượt {0}", "Khu vực bến xe khách {1}",
        "Bãi đất trống ven đê thôn {2}", "Khu vực công viên {3}", "Khu nhà trọ công nhân thôn {2}", "Quán nước ven đường {0}",
        "Khu vực ga tàu {1}", "Dãy nhà cho thuê phố {0}",
    ];

    public static string PublicPlace(Random r, string communeShortName) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(r, PublicPlaces), Pick(r, Streets), communeShortName, Pick(r, Hamlets), Pick(r, Brands));

    /// <summary>"Phường Phú Lãm" → "Phú Lãm".</summary>
    public static string ShortUnitName(string name)
    {
        foreach (var prefix in new[] { "Phường ", "Xã ", "Thị trấn ", "Đặc khu " })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        return name;
    }

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];
}
