namespace Pcmd.Web.Features.Tips;

/// <summary>The order of the steps (pure). A step is refused when it is not the next one: a tip is not closed before it
/// was verified, classified, assigned and handled; a tip classified not relevant or duplicate may be closed at once.</summary>
public static class TipWorkflow
{
    public static IReadOnlyList<TipState> Next(TipState current, TipRelevance? relevance) => current switch
    {
        TipState.Received => [TipState.Verifying],
        TipState.Verifying => [TipState.Classified],
        TipState.Classified => relevance is TipRelevance.Relevant ? [TipState.Assigned] : [TipState.Closed],
        TipState.Assigned => [TipState.Handled],
        TipState.Handled => [TipState.Closed],
        _ => [],
    };

    /// <summary>Null when <paramref name="target"/> may follow <paramref name="current"/>, else the Vietnamese reason.</summary>
    public static string? Problem(TipState current, TipRelevance? relevance, TipState target)
    {
        var next = Next(current, relevance);
        if (next.Contains(target)) return null;
        if (next.Count == 0) return "Tin đã kết thúc; không ghi thêm bước xử lý.";
        return $"Không thể chuyển tin từ \"{TipLabels.State(current)}\" sang \"{TipLabels.State(target)}\": bước tiếp theo phải là "
            + string.Join(" hoặc ", next.Select(s => $"\"{TipLabels.State(s)}\"")) + ".";
    }

    /// <summary>What the reporter sees on the portal: received, being verified, being handled, closed.</summary>
    public static PublicStatus Public(TipState s) => s switch
    {
        TipState.Received => PublicStatus.Received,
        TipState.Verifying or TipState.Classified => PublicStatus.Verifying,
        TipState.Assigned or TipState.Handled => PublicStatus.Handling,
        _ => PublicStatus.Closed,
    };
}

public enum PublicStatus { Received, Verifying, Handling, Closed }
