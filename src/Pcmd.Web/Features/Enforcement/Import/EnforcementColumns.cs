using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Features.Inspections;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>The columns of the two enforcement templates, in their order, with the Vietnamese words of their choices (the
/// labels of strings.tsv; the English enum names are read too, so a file written by a program may use them).</summary>
public static class EnforcementColumns
{
    /// <summary>A year of a province's sanctions or cases is a few thousand rows; one SaveChanges of 10,000 stays within seconds.</summary>
    public const int RowLimit = 10_000;
    public const string SanctionSheet = "Xử phạt hành chính", CaseSheet = "Vụ án hình sự";
    const string UnitHelp = "Mã xã/phường (hoặc tỉnh/thành phố) hiện nay, trong phạm vi bạn được giao; xem sheet Danh mục.";

    public static readonly ImportColumn SUnit = new(0, "Mã xã/phường", "orgUnitId", ColumnKind.Code, true, "09568", UnitHelp);
    public static readonly ImportColumn SDate = new(1, "Ngày quyết định", "date", ColumnKind.Date, true, "15/03/2026", "dd/MM/yyyy; không ở tương lai.");
    public static readonly ImportColumn STarget = new(2, "Đối tượng", "target", ColumnKind.Choice, true, "Người bán dâm",
        "Người bán dâm, Người mua dâm, Người môi giới, Chủ, người quản lý cơ sở, Người khác hoặc Cơ sở kinh doanh");
    public static readonly ImportColumn SLicence = new(3, "Số giấy phép của cơ sở", "establishmentId", ColumnKind.Text, false, "",
        "Chỉ khi đối tượng là Cơ sở kinh doanh: số giấy phép kinh doanh của cơ sở đã có trong danh sách.");
    public static readonly ImportColumn SKind = new(4, "Hình thức", "kind", ColumnKind.Choice, true, "Phạt tiền", "Cảnh cáo, Phạt tiền hoặc Biện pháp khác");
    public static readonly ImportColumn SAmount = new(5, "Số tiền phạt (đồng)", "amount", ColumnKind.Integer, false, "1.500.000", "Bắt buộc khi phạt tiền; bỏ trống với hình thức khác.");
    public static readonly ImportColumn SMeasures = new(6, "Biện pháp khác", "measures", ColumnKind.Text, false, "", "Bắt buộc với Biện pháp khác; tối đa 1.000 ký tự.");
    public static readonly ImportColumn SDecree = new(7, "Mã nghị định", "decreeId", ColumnKind.Code, true, "282/2025/NĐ-CP",
        "Số hiệu nghị định trong sheet Danh mục, còn hiệu lực vào ngày quyết định.");
    public static readonly ImportColumn SBasis = new(8, "Điều, khoản", "legalBasis", ColumnKind.Text, false, "Điều 25 khoản 1", "Tối đa 300 ký tự.");
    public static readonly ImportColumn SNumber = new(9, "Số quyết định", "decisionNumber", ColumnKind.Text, false, "15/QĐ-XPHC", "Tối đa 100 ký tự.");
    public static readonly ImportColumn SNote = new(10, "Ghi chú", "note", ColumnKind.Text, false, "", "Tối đa 1.000 ký tự.");

    public static readonly IReadOnlyList<ImportColumn> Sanctions = [SUnit, SDate, STarget, SLicence, SKind, SAmount, SMeasures, SDecree, SBasis, SNumber, SNote];

    public static readonly ImportColumn CUnit = new(0, "Mã xã/phường", "orgUnitId", ColumnKind.Code, true, "09568", UnitHelp);
    public static readonly ImportColumn CReference = new(1, "Số hiệu, tên vụ án", "reference", ColumnKind.Text, true, "Vụ môi giới mại dâm tại phường Phú Lương", "Tối đa 200 ký tự.");
    public static readonly ImportColumn CCharge = new(2, "Tội danh", "charge", ColumnKind.Choice, true, "Môi giới mại dâm",
        "Chứa mại dâm, Môi giới mại dâm, Tổ chức hoạt động mại dâm, Mua dâm người dưới 18 tuổi, Mua bán người vì mục đích mại dâm hoặc Tội khác");
    public static readonly ImportColumn CDetected = new(3, "Ngày phát hiện", "detectedOn", ColumnKind.Date, true, "01/02/2026", "dd/MM/yyyy; không ở tương lai.");
    public static readonly ImportColumn CInstituted = new(4, "Ngày khởi tố", "institutedOn", ColumnKind.Date, false, "10/02/2026", "Không trước ngày phát hiện.");
    public static readonly ImportColumn CIndicted = new(5, "Ngày truy tố", "indictedOn", ColumnKind.Date, false, "", "Cần ngày khởi tố; không trước ngày khởi tố.");
    public static readonly ImportColumn CTried = new(6, "Ngày xét xử", "triedOn", ColumnKind.Date, false, "", "Cần ngày truy tố; không trước ngày truy tố.");
    public static readonly ImportColumn CMobile = new(7, "Xét xử lưu động", "mobileTrial", ColumnKind.YesNo, false, "Không", "Có hoặc Không; chỉ vụ đã xét xử.");
    public static readonly ImportColumn CAccused = new(8, "Số bị can", "accusedCount", ColumnKind.Integer, false, "2", "Số nguyên ≥ 0; chỉ sau khi khởi tố.");
    public static readonly ImportColumn CDefendants = new(9, "Số bị cáo", "defendantsCount", ColumnKind.Integer, false, "0", "Số nguyên ≥ 0; chỉ khi đã xét xử.");
    public static readonly ImportColumn CRing = new(10, "Triệt phá đường dây", "ringDismantled", ColumnKind.YesNo, false, "Không", "Có hoặc Không.");
    public static readonly ImportColumn CNote = new(11, "Ghi chú", "note", ColumnKind.Text, false, "", "Tối đa 1.000 ký tự.");

    public static readonly IReadOnlyList<ImportColumn> Cases = [CUnit, CReference, CCharge, CDetected, CInstituted, CIndicted, CTried, CMobile, CAccused, CDefendants, CRing, CNote];

    public static readonly IReadOnlyDictionary<SanctionTarget, string> TargetWords = new Dictionary<SanctionTarget, string>
    {
        [SanctionTarget.Seller] = "Người bán dâm", [SanctionTarget.Buyer] = "Người mua dâm", [SanctionTarget.Broker] = "Người môi giới",
        [SanctionTarget.OwnerManager] = "Chủ, người quản lý cơ sở", [SanctionTarget.OtherPerson] = "Người khác", [SanctionTarget.Premises] = "Cơ sở kinh doanh",
    };

    public static readonly IReadOnlyDictionary<SanctionKind, string> KindWords = new Dictionary<SanctionKind, string>
    {
        [SanctionKind.Warning] = "Cảnh cáo", [SanctionKind.Fine] = "Phạt tiền", [SanctionKind.Other] = "Biện pháp khác",
    };

    public static readonly IReadOnlyDictionary<CriminalCharge, string> ChargeWords = new Dictionary<CriminalCharge, string>
    {
        [CriminalCharge.Harbouring] = "Chứa mại dâm", [CriminalCharge.Brokering] = "Môi giới mại dâm", [CriminalCharge.Organising] = "Tổ chức hoạt động mại dâm",
        [CriminalCharge.BuyingSexFromMinor] = "Mua dâm người dưới 18 tuổi", [CriminalCharge.Trafficking] = "Mua bán người vì mục đích mại dâm",
        [CriminalCharge.Other] = "Tội khác",
    };

    public static readonly IReadOnlyDictionary<string, SanctionTarget> Targets = Read(TargetWords);
    public static readonly IReadOnlyDictionary<string, SanctionKind> Kinds = Read(KindWords);
    public static readonly IReadOnlyDictionary<string, CriminalCharge> Charges = Read(ChargeWords);

    static Dictionary<string, T> Read<T>(IReadOnlyDictionary<T, string> words) where T : struct, Enum
    {
        var d = new Dictionary<string, T>();
        foreach (var (v, w) in words)
        {
            d[EstablishmentLabels.Fold(w)] = v;
            d[EstablishmentLabels.Fold(v.ToString())] = v;
        }
        return d;
    }
}
