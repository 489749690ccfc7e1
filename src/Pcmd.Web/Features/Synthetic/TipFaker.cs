using Pcmd.Web.Features.Tips;
using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>Makes tips through their workflow (issue 11, item 7) with the deadlines of <see cref="TipDeadlines"/> on the
/// working-day calendar. Most steps
/// are taken within their deadline; about one tip in seven misses one (so "handled on time" stays below 100 %); some are
/// extended first. Tips received in the last weeks are still open, a few of them overdue; one in twenty is a duplicate of
/// an earlier tip of its commune, one in ten not relevant (both closed after classification). A tip before 1/7/2025 happened
/// in an old commune. Portal tips keep the hour only, were taken in by the province and carry no contact.</summary>
public sealed class TipFaker(Random r, SyntheticScale scale, IReadOnlyDictionary<string, int> provinceIds, WorkDays calendar)
{
    public List<Tip> Tips { get; } = [];
    public List<TipStep> Steps { get; } = [];
    public List<TipExtension> Extensions { get; } = [];
    public int Count { get; private set; }
    public int StepCount { get; private set; }
    public int NextTipId, NextStepId, NextExtensionId;

    static readonly DateOnly Merger = new(2025, 7, 1);
    static readonly (TipChannel Channel, double Weight)[] Channels =
        [(TipChannel.PublicPortal, 0.30), (TipChannel.Hotline, 0.30), (TipChannel.Mailbox, 0.08), (TipChannel.Letter, 0.07),
         (TipChannel.InPerson, 0.12), (TipChannel.Agency, 0.10), (TipChannel.Press, 0.03)];
    static readonly (TipKind Kind, double Weight)[] Kinds =
        [(TipKind.ViolationReport, 0.55), (TipKind.CrimeReport, 0.15), (TipKind.Denunciation, 0.12), (TipKind.Complaint, 0.05), (TipKind.Feedback, 0.13)];
    static readonly string[] Descriptions =
    [
        "Quán karaoke có nhân viên nữ ngồi cùng khách, nghi có hoạt động mua bán dâm sau 23 giờ.",
        "Cơ sở massage đóng cửa kín, nhiều khách nam ra vào buổi tối.",
        "Có người đứng đường mời chào khách ở khu vực gần bến xe.",
        "Nhà nghỉ cho thuê phòng theo giờ, không ghi sổ lưu trú, nghi chứa mại dâm.",
        "Tài khoản mạng xã hội quảng cáo dịch vụ tình dục, hẹn gặp tại khách sạn trong phường.",
        "Nghi có người môi giới đưa phụ nữ trẻ đến các cơ sở kinh doanh dịch vụ.",
        "Phản ánh tiếng ồn và hoạt động khuya tại quán cà phê có phòng kín.",
        "Nghi có trẻ em dưới 18 tuổi làm việc tại cơ sở kinh doanh dịch vụ ban đêm.",
    ];
    static readonly TipOutcome[] Outcomes = [TipOutcome.Inspected, TipOutcome.Inspected, TipOutcome.PassedToPolice, TipOutcome.Sanctioned, TipOutcome.Unfounded];

    readonly Dictionary<int, int> _lastTipOfCommune = [];

    static T Pick<T>(Random r, (T Value, double Weight)[] items)
    {
        var x = r.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (value, weight) in items) if ((x -= weight) < 0) return value;
        return items[^1].Value;
    }

    public void Make(SyntheticUnits.Commune commune)
    {
        var first = new DateOnly(scale.FirstYear, 1, 1);
        var day = first.AddDays(r.Next(scale.Until.DayNumber - first.DayNumber + 1));
        var channel = Pick(r, Channels);
        var hour = channel == TipChannel.PublicPortal ? r.Next(24) : r.Next(7, 18);
        var receivedAt = day.ToDateTime(new TimeOnly(hour, channel == TipChannel.PublicPortal ? 0 : r.Next(60)), DateTimeKind.Utc).AddHours(-7);
        var unit = day < Merger && commune.Predecessors.Count > 0 ? commune.Predecessors[r.Next(commune.Predecessors.Count)].Id : commune.Id;
        var id = NextTipId++;
        var tip = new Tip
        {
            Id = id, Code = "TBS-" + Base32(id), Channel = channel, ReceivedAt = receivedAt,
            ReceivedBy = channel == TipChannel.PublicPortal ? null : "canbo.tiepnhan",
            ReceivingUnitId = channel == TipChannel.PublicPortal ? provinceIds[commune.ProvinceCode] : unit,
            PassedOnBy = channel switch { TipChannel.Agency => "Công an tỉnh", TipChannel.Press => "Báo Công an nhân dân", _ => null },
            Category = (TipCategory)r.Next(Enum.GetValues<TipCategory>().Length), OrgUnitId = unit,
            Place = $"Tổ dân phố {r.Next(1, 30)}", Latitude = commune.Latitude, Longitude = commune.Longitude,
            OccurredOn = day.AddDays(-r.Next(0, 5)), Description = Descriptions[r.Next(Descriptions.Length)], Anonymous = true, Version = 1,
        };
        Tips.Add(tip);
        Count++;
        var duplicateOf = _lastTipOfCommune.GetValueOrDefault(unit);
        _lastTipOfCommune[unit] = id;
        Walk(tip, day, duplicateOf);
    }

    /// <summary>Takes the tip through its steps while their day is within the data's span; a step late when drawn so.</summary>
    void Walk(Tip tip, DateOnly received, int duplicateOf)
    {
        AddStep(tip, TipState.Received, received, null, true);
        var late = r.NextDouble() < 0.14 ? (TipState)r.Next(1, 6) : (TipState?)null;   // the one step this tip misses, if any
        var relevanceDraw = r.NextDouble();
        DateOnly? classified = null;
        var previous = received;
        var state = TipState.Received;
        while (TipWorkflow.Next(state, tip.Relevance) is [var next, ..])
        {
            var extension = 0;
            if (next == TipState.Handled && r.NextDouble() < 0.05 && TipDeadlines.RuleFor(tip.Kind, next) is { MaxExtensionDays: > 0 } rule)
            {
                extension = Math.Min(rule.MaxExtensionDays, 10 + r.Next(20));
                Extensions.Add(new TipExtension { Id = NextExtensionId++, TipId = tip.Id, State = next, Days = extension, Reason = "Vụ việc phức tạp, cần xác minh thêm.",
                    By = "canbo.tiepnhan", At = previous.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc) });
            }
            var due = TipDeadlines.DueOn(next, tip.Kind, received, classified, previous, extension, calendar) ?? previous;
            var span = Math.Max(0, due.DayNumber - previous.DayNumber);
            // A late step comes days to weeks after its deadline: near the data's end, such tips are still open and overdue.
            var on = late == next ? due.AddDays(1 + r.Next(45)) : previous.AddDays(r.Next(span + 1));
            if (on > scale.Until)
            {
                tip.NextDueOn = due;   // still open when the data ends: overdue if its deadline passed
                return;
            }
            if (next == TipState.Classified)
            {
                tip.Kind = Pick(r, Kinds);
                tip.Relevance = relevanceDraw < 0.05 && duplicateOf > 0 ? TipRelevance.Duplicate : relevanceDraw < 0.15 ? TipRelevance.NotRelevant : TipRelevance.Relevant;
                if (tip.Relevance == TipRelevance.Duplicate) tip.DuplicateOfId = duplicateOf;
                classified = on;
            }
            if (next == TipState.Assigned) tip.AssignedUnitId = tip.OrgUnitId;
            if (next == TipState.Handled)
            {
                tip.Outcome = Outcomes[r.Next(Outcomes.Length)];
                tip.PublicResult = tip.Outcome == TipOutcome.Unfounded ? "Đã xác minh, không phát hiện vi phạm." : "Đã kiểm tra và xử lý theo quy định.";
            }
            AddStep(tip, next, on, due, on <= due);
            previous = on;
            state = next;
        }
        tip.State = state;
        tip.NextDueOn = null;
    }

    void AddStep(Tip tip, TipState state, DateOnly on, DateOnly? due, bool onTime)
    {
        tip.State = state;
        var at = state == TipState.Received ? tip.ReceivedAt : on.ToDateTime(new TimeOnly(2 + r.Next(9), 0), DateTimeKind.Utc);
        Steps.Add(new TipStep { Id = NextStepId++, TipId = tip.Id, State = state, At = at, By = state == TipState.Received ? tip.ReceivedBy : "canbo.xuly",
            DueOn = due, OnTime = onTime });
        StepCount++;
    }

    static string Base32(int n)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var chars = new char[7];
        for (var i = 6; i >= 0; i--) { chars[i] = alphabet[n % 32]; n /= 32; }
        return new string(chars);
    }

    public void ClearChunk()
    {
        Tips.Clear();
        Steps.Clear();
        Extensions.Clear();
    }
}
