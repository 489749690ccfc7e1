using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.Web.Features.Tips;

/// <summary>Where a step's deadline is counted from.</summary>
public enum DeadlineFrom { Reception, Classification, PreviousStep }

/// <summary>One deadline: the step <paramref name="Step"/> of a tip of <paramref name="Kind"/> (null: any kind, and every
/// tip before it is classified) must be reached within <paramref name="Days"/> days (working days: Monday to Friday except
/// the calendar's days off, plus its weekend days worked: <see cref="WorkDays"/>) from
/// <paramref name="From"/>; extensions may add at most <paramref name="MaxExtensionDays"/>. <paramref name="Source"/> is
/// the legal basis, or says that the rule is the programme's own (docs/decisions.md).</summary>
public sealed record DeadlineRule(TipKind? Kind, TipState Step, int Days, bool WorkingDays, DeadlineFrom From, int MaxExtensionDays, string Source);

/// <summary>The deadlines of the tip workflow, kept as data with their legal source, and the pure rules that apply them.
/// The day a tip is received is day 0; the deadline is the last day on which the step is on time.</summary>
public static class TipDeadlines
{
    public static readonly IReadOnlyList<DeadlineRule> Rules =
    [
        new(null, TipState.Verifying, 3, true, DeadlineFrom.Reception, 0, "Quy định của chương trình: bắt đầu xác minh trong 03 ngày làm việc"),
        new(null, TipState.Classified, 7, true, DeadlineFrom.Reception, 0, "Luật Tố cáo 2018, Điều 24 khoản 1: 07 ngày làm việc để thụ lý"),
        new(TipKind.Complaint, TipState.Classified, 10, false, DeadlineFrom.Reception, 0, "Luật Khiếu nại 2011, Điều 27: 10 ngày để thụ lý"),
        new(TipKind.CrimeReport, TipState.Classified, 3, false, DeadlineFrom.Reception, 0,
            "Bộ luật Tố tụng hình sự 2015, Điều 145–146: phân loại và chuyển ngay; chương trình cho 03 ngày"),
        new(null, TipState.Assigned, 3, true, DeadlineFrom.PreviousStep, 0, "Quy định của chương trình: giao xử lý trong 03 ngày làm việc"),
        new(TipKind.CrimeReport, TipState.Handled, 20, false, DeadlineFrom.Reception, 120,
            "Bộ luật Tố tụng hình sự 2015, Điều 147: 20 ngày; vụ phức tạp gia hạn đến 02 tháng, Viện kiểm sát gia hạn thêm một lần đến 02 tháng"),
        new(TipKind.Denunciation, TipState.Handled, 30, false, DeadlineFrom.Classification, 60,
            "Luật Tố cáo 2018, Điều 30: 30 ngày từ ngày thụ lý; phức tạp gia hạn 01 lần 30 ngày, đặc biệt phức tạp 02 lần"),
        new(TipKind.Complaint, TipState.Handled, 30, false, DeadlineFrom.Classification, 15,
            "Luật Khiếu nại 2011, Điều 28: 30 ngày từ ngày thụ lý, vụ phức tạp không quá 45 ngày"),
        new(TipKind.ViolationReport, TipState.Handled, 15, true, DeadlineFrom.Reception, 15, "Quy định của chương trình: 15 ngày làm việc"),
        new(TipKind.Feedback, TipState.Handled, 10, true, DeadlineFrom.Reception, 10, "Luật Tiếp công dân 2013: trả lời phản ánh, kiến nghị trong 10 ngày làm việc"),
        new(null, TipState.Handled, 15, true, DeadlineFrom.Reception, 15, "Quy định của chương trình: 15 ngày làm việc"),
        new(null, TipState.Closed, 5, true, DeadlineFrom.PreviousStep, 0, "Quy định của chương trình: kết thúc hồ sơ trong 05 ngày làm việc"),
    ];

    /// <summary>The rule of a step for a kind, else the rule for any kind.</summary>
    public static DeadlineRule? RuleFor(TipKind? kind, TipState step) =>
        (kind is null ? null : Rules.FirstOrDefault(r => r.Kind == kind && r.Step == step))
        ?? Rules.FirstOrDefault(r => r.Kind is null && r.Step == step);

    /// <summary><paramref name="days"/> days after <paramref name="start"/>; working days follow the working-day calendar
    /// (<paramref name="calendar"/>; without one, Monday to Friday). Calendar days are counted as calendar days whatever the
    /// holidays: the laws that count them so (Bộ luật Tố tụng hình sự, Luật Khiếu nại) do not stop for a holiday.</summary>
    public static DateOnly AddDays(DateOnly start, int days, bool workingDays, WorkDays? calendar = null) =>
        workingDays ? (calendar ?? WorkDays.Weekdays).AddWorkingDays(start, days) : start.AddDays(days);

    /// <summary>The deadline of <paramref name="step"/>: from reception, classification or the previous step as its rule
    /// says, plus the days of its extensions. Null when no rule applies (the Received step itself).</summary>
    public static DateOnly? DueOn(TipState step, TipKind? kind, DateOnly received, DateOnly? classified, DateOnly previous, int extensionDays,
        WorkDays? calendar = null)
    {
        if (RuleFor(kind, step) is not { } rule) return null;
        var start = rule.From switch
        {
            DeadlineFrom.Reception => received,
            DeadlineFrom.Classification => classified ?? previous,
            _ => previous,
        };
        return AddDays(start, rule.Days, rule.WorkingDays, calendar).AddDays(extensionDays);
    }

    /// <summary>The days an extension of <paramref name="step"/> may still add, or a Vietnamese reason why none may.</summary>
    public static string? ExtensionProblem(TipKind? kind, TipState step, int alreadyExtended, int days)
    {
        if (days < 1) return "Số ngày gia hạn phải từ 1 trở lên.";
        var rule = RuleFor(kind, step);
        if (rule is null || rule.MaxExtensionDays == 0) return "Thời hạn của bước này không được gia hạn.";
        if (alreadyExtended + days > rule.MaxExtensionDays)
            return $"Tổng số ngày gia hạn của bước này không được quá {rule.MaxExtensionDays} ngày ({rule.Source}); đã gia hạn {alreadyExtended} ngày.";
        return null;
    }

    public const int DueSoonDays = 3;

    public static bool IsOverdue(DateOnly? due, DateOnly today) => due is { } d && d < today;

    public static bool IsDueSoon(DateOnly? due, DateOnly today) => due is { } d && d >= today && d <= today.AddDays(DueSoonDays);
}
