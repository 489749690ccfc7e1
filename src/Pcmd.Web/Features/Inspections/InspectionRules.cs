using Pcmd.Web.Shared;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

public sealed record ViolationInput(int ViolationTypeId, string? Note = null);

public sealed record SanctionInput(SanctionKind Kind, decimal? Amount, int? DecreeId, string? LegalBasis = null, string? Measures = null);

/// <summary>The rules of an inspection record that need no database, each reported at its field's path.</summary>
public static class InspectionRules
{
    /// <summary>Thông tư 05/2006/TT-BLĐTBXH: an inspection is carried out by at least three members of the team.</summary>
    public const int MinMembers = 3;
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static void CheckMemberCount(int present, ErrorList errors)
    {
        if (present < MinMembers)
            errors.Add("memberIds", $"Đoàn kiểm tra phải có ít nhất {MinMembers} thành viên (Thông tư 05/2006/TT-BLĐTBXH); mới chọn {present}.");
    }

    public static void CheckDate(DateOnly? date, DateOnly today, ErrorList errors)
    {
        if (date is not { } d) errors.Add("date", "Thiếu ngày kiểm tra.");
        else if (d > today) errors.Add("date", $"Ngày kiểm tra ({PageText.Date(d)}) không được sau ngày hôm nay ({PageText.Date(today)}).");
    }

    /// <summary>An unannounced inspection follows a tip or complaint, an agency's request, or signs of violation.</summary>
    public static void CheckKind(InspectionKind kind, UnannouncedReason? reason, string? note, ErrorList errors)
    {
        if (!Enum.IsDefined(kind)) errors.Add("kind", "Hình thức kiểm tra không hợp lệ.");
        if (kind == InspectionKind.Unannounced && reason is null)
            errors.Add("reason", "Kiểm tra đột xuất phải nêu lý do: tin báo, tố giác; đề nghị của cơ quan; hoặc dấu hiệu vi phạm.");
        if (reason is { } r && !Enum.IsDefined(r)) errors.Add("reason", "Lý do kiểm tra đột xuất không hợp lệ.");
        if (note?.Trim().Length > 1000) errors.Add("reasonNote", "Ghi chú lý do dài quá 1.000 ký tự.");
    }

    public static void CheckText(string? findings, int ownersInformed, int workersInformed, ErrorList errors)
    {
        if (findings?.Trim().Length > 4000) errors.Add("findings", "Kết quả kiểm tra dài quá 4.000 ký tự.");
        if (ownersInformed < 0) errors.Add("ownersInformed", "Số chủ cơ sở được tuyên truyền không được âm.");
        if (workersInformed < 0) errors.Add("workersInformed", "Số người lao động được tuyên truyền không được âm.");
    }

    /// <summary>A sanction as the decision records it: a fine has an amount in whole đồng; every sanction cites a decree of
    /// the catalogue that was in force on the inspection date (the decree changes: 167/2013, 144/2021, 282/2025…).</summary>
    public static void CheckSanction(SanctionInput s, string prefix, DateOnly? date, Decree? decree, ErrorList errors)
    {
        if (!Enum.IsDefined(s.Kind)) errors.Add(prefix + "kind", "Hình thức xử phạt không hợp lệ.");
        if (s.Kind == SanctionKind.Fine)
        {
            if (s.Amount is not { } a || a <= 0) errors.Add(prefix + "amount", "Phạt tiền phải ghi số tiền phạt lớn hơn 0 đồng.");
            else if (a != decimal.Truncate(a)) errors.Add(prefix + "amount", "Số tiền phạt tính bằng đồng, không có phần lẻ.");
            else if (a > MaxAmount) errors.Add(prefix + "amount", "Số tiền phạt quá lớn.");
        }
        else if (s.Amount is not null)
            errors.Add(prefix + "amount", "Chỉ hình thức phạt tiền mới ghi số tiền.");
        if (s.Kind == SanctionKind.Other && string.IsNullOrWhiteSpace(s.Measures))
            errors.Add(prefix + "measures", "Hãy ghi rõ biện pháp xử lý.");
        if (s.DecreeId is null) errors.Add(prefix + "decreeId", "Hãy chọn nghị định làm căn cứ xử phạt.");
        else if (decree is null || decree.Id != s.DecreeId) errors.Add(prefix + "decreeId", "Không có nghị định này trong danh mục.");
        else if (date is { } d && DecreeProblem(decree, d) is { } problem) errors.Add(prefix + "decreeId", problem);
        if (s.LegalBasis?.Trim().Length > 300) errors.Add(prefix + "legalBasis", "Điều, khoản áp dụng dài quá 300 ký tự.");
        if (s.Measures?.Trim().Length > 1000) errors.Add(prefix + "measures", "Biện pháp xử lý dài quá 1.000 ký tự.");
    }

    /// <summary>Why a decree cannot be cited for a day, or null when it was in force.</summary>
    public static string? DecreeProblem(Decree decree, DateOnly day)
    {
        if (decree.InForceOn(day)) return null;
        if (day < decree.ValidFrom)
            return $"Nghị định {decree.Code} chưa có hiệu lực ngày {PageText.Date(day)} (có hiệu lực từ {PageText.Date(decree.ValidFrom)}).";
        return $"Nghị định {decree.Code} không còn hiệu lực ngày {PageText.Date(day)} (chỉ áp dụng đến hết ngày {PageText.Date(decree.ValidTo)}).";
    }
}
