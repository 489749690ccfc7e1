using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

public enum StatisticsBy { TargetGroup, Need, Service, Outcome }

/// <summary>A table of counts by unit (rows) and one dimension (columns), suppressed: a null is a hidden value.</summary>
public sealed record SupportStatisticsTable(StatisticsBy By, DateOnly From, DateOnly To, int Threshold, List<string> Rows, List<string> Columns,
    int?[][] Cells, int?[] RowTotals, int?[] ColumnTotals, int? Total);

/// <summary>Counts without identification for coordinators, leaders and supervisors (issue 12, item 7), every table through
/// <see cref="SmallCells"/> (threshold <c>Pcmd:Support:MinCell</c>, 5 by default) in the page and the API alike. What is counted
/// adds up, so that the margins are true totals: cases open in the window by target group; needs recorded on those cases; referrals
/// made in the window by the directory's kind of service, and by outcome.</summary>
public sealed class SupportStatistics(PcmdDbContext db, IConfiguration config, TimeProvider clock)
{
    public int Threshold => Math.Max(1, config.GetValue<int?>("Pcmd:Support:MinCell") ?? 5);

    public static bool MayRead(UserScope s) =>
        s.IsGlobal || s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.Leader) || s.IsInRole(Roles.CaseSupervisor);

    public async Task<SupportStatisticsTable> Table(UserScope scope, StatisticsBy by, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        if (!MayRead(scope)) throw new ForbiddenException("Chỉ cơ quan thường trực, lãnh đạo và người giám sát hỗ trợ xem thống kê hỗ trợ.");
        var today = VietnamTime.Today(clock);
        var (f, t) = (from ?? new DateOnly(today.Year, 1, 1), to ?? new DateOnly(today.Year, 12, 31));
        if (f > t) throw ValidationException.One("to", "Ngày cuối phải sau ngày đầu.");
        if (!Enum.IsDefined(by)) throw ValidationException.One("by", "Cách thống kê không hợp lệ.");
        var cases = db.SupportCases.AsNoTracking().InWritableScope(db, scope, c => c.OrgUnitId)
            .Where(c => c.OpenedOn <= t && (c.ClosedOn == null || c.ClosedOn >= f));
        var referrals = db.Referrals.AsNoTracking().Where(r => r.ReferredOn >= f && r.ReferredOn <= t)
            .Join(db.SupportCases.AsNoTracking().InWritableScope(db, scope, c => c.OrgUnitId), r => r.CaseId, c => c.Id, (r, c) => new { r, c.OrgUnitId });
        List<(int Unit, string Column, int Count)> rows = by switch
        {
            StatisticsBy.TargetGroup => (await cases.GroupBy(c => new { c.OrgUnitId, c.TargetGroup })
                .Select(g => new { g.Key.OrgUnitId, g.Key.TargetGroup, N = g.Count() }).ToListAsync(ct))
                .Select(x => (x.OrgUnitId, x.TargetGroup.ToString(), x.N)).ToList(),
            StatisticsBy.Need => (await cases.Join(db.CaseNeeds, c => c.Id, n => n.CaseId, (c, n) => new { c.OrgUnitId, n.NeedKindId })
                .Join(db.NeedKinds, x => x.NeedKindId, k => k.Id, (x, k) => new { x.OrgUnitId, k.Name })
                .GroupBy(x => new { x.OrgUnitId, x.Name }).Select(g => new { g.Key.OrgUnitId, g.Key.Name, N = g.Count() }).ToListAsync(ct))
                .Select(x => (x.OrgUnitId, x.Name, x.N)).ToList(),
            StatisticsBy.Service => (await referrals.Join(db.SupportServices, x => x.r.ServiceId, s => s.Id, (x, s) => new { x.OrgUnitId, s.Kind })
                .GroupBy(x => new { x.OrgUnitId, x.Kind }).Select(g => new { g.Key.OrgUnitId, g.Key.Kind, N = g.Count() }).ToListAsync(ct))
                .Select(x => (x.OrgUnitId, x.Kind.ToString(), x.N)).ToList(),
            _ => (await referrals.GroupBy(x => new { x.OrgUnitId, x.r.Outcome }).Select(g => new { g.Key.OrgUnitId, g.Key.Outcome, N = g.Count() }).ToListAsync(ct))
                .Select(x => (x.OrgUnitId, x.Outcome.ToString(), x.N)).ToList(),
        };
        var unitIds = rows.Select(r => r.Unit).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var units = unitIds.OrderBy(u => names.GetValueOrDefault(u) ?? "", VietnameseText.Comparer).ToList();
        var columns = Columns(by, rows.Select(r => r.Column));
        var counts = new int[units.Count, columns.Count];
        foreach (var (unit, column, n) in rows) counts[units.IndexOf(unit), columns.IndexOf(column)] += n;
        var s = SmallCells.Suppress(counts, Threshold);
        return new SupportStatisticsTable(by, f, t, Threshold, units.Select(u => names.GetValueOrDefault(u) ?? u.ToString()).ToList(), columns,
            s.Cells, s.RowTotals, s.ColumnTotals, s.Total);
    }

    /// <summary>Every value of a fixed dimension (so an empty column shows as zeros), or the needs found.</summary>
    static List<string> Columns(StatisticsBy by, IEnumerable<string> found) => by switch
    {
        StatisticsBy.TargetGroup => Enum.GetNames<TargetGroup>().ToList(),
        StatisticsBy.Outcome => Enum.GetNames<ReferralOutcome>().ToList(),
        StatisticsBy.Service => Enum.GetNames<ServiceDirectory.SupportServiceKind>().Where(found.Contains).ToList(),
        _ => found.Distinct().Order(StringComparer.Ordinal).ToList(),
    };
}
