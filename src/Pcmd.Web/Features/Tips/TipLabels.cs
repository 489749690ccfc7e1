namespace Pcmd.Web.Features.Tips;

/// <summary>Vietnamese names of the tip codes (pages, problems, the portal).</summary>
public static class TipLabels
{
    public static string State(TipState s) => s switch
    {
        TipState.Received => "Tiếp nhận",
        TipState.Verifying => "Đang xác minh",
        TipState.Classified => "Đã phân loại",
        TipState.Assigned => "Đã giao xử lý",
        TipState.Handled => "Đã xử lý",
        _ => "Kết thúc",
    };

    public static string Channel(TipChannel c) => c switch
    {
        TipChannel.PublicPortal => "Cổng thông tin công khai",
        TipChannel.Hotline => "Đường dây nóng",
        TipChannel.Mailbox => "Hòm thư tố giác",
        TipChannel.Letter => "Thư, đơn",
        TipChannel.InPerson => "Trực tiếp",
        TipChannel.Agency => "Cơ quan khác chuyển đến",
        _ => "Báo chí",
    };

    public static string Category(TipCategory c) => c switch
    {
        TipCategory.Soliciting => "Mua bán dâm, chào mời mua bán dâm",
        TipCategory.Brokering => "Môi giới mại dâm",
        TipCategory.Premises => "Cơ sở kinh doanh có biểu hiện chứa mại dâm",
        TipCategory.MinorInvolved => "Có người dưới 18 tuổi liên quan",
        TipCategory.Trafficking => "Mua bán người",
        _ => "Khác",
    };

    public static string Kind(TipKind? k) => k switch
    {
        TipKind.ViolationReport => "Tin báo vi phạm",
        TipKind.CrimeReport => "Tố giác, tin báo về tội phạm",
        TipKind.Denunciation => "Tố cáo",
        TipKind.Complaint => "Khiếu nại",
        TipKind.Feedback => "Phản ánh, kiến nghị",
        _ => "Chưa phân loại",
    };

    public static string Relevance(TipRelevance? r) => r switch
    {
        TipRelevance.Relevant => "Có liên quan",
        TipRelevance.NotRelevant => "Không liên quan",
        TipRelevance.Duplicate => "Trùng tin khác",
        _ => "",
    };

    public static string Outcome(TipOutcome? o) => o switch
    {
        TipOutcome.Inspected => "Đã kiểm tra cơ sở",
        TipOutcome.PassedToPolice => "Chuyển cơ quan điều tra",
        TipOutcome.Sanctioned => "Đã xử phạt",
        TipOutcome.Unfounded => "Không có căn cứ",
        _ => "",
    };

    public static string Public(PublicStatus s) => s switch
    {
        PublicStatus.Received => "Đã tiếp nhận",
        PublicStatus.Verifying => "Đang xác minh",
        PublicStatus.Handling => "Đang xử lý",
        _ => "Đã kết thúc",
    };
}
