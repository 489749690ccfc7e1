using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>Brings a registry data set (<c>generate --scale city</c>) to the state the reporting benchmark measures: the
/// demo agencies, plans and accounts loaded, the 2026 periods of hn-2026-2030 opened, and every unit's six-monthly report
/// filled, submitted and accepted through the app's own services (draft → submit → accept), so the figures the
/// consolidated report adds up are the ones the workflow froze. Idempotent: a second run finds everything accepted.</summary>
public static class ReportingData
{
    public const string PlanKey = ReportingDemoStep.PlanKey;
    public const string Coordinator = "dieuphoi";

    public sealed record Prepared(int PlanId, int PeriodId, string PeriodTitle, int ConsolidatedId, int Units, int Communes, int Agencies,
        int FilledNow, TimeSpan Took);

    static readonly string[] Narratives =
    [
        "Đã ban hành kế hoạch triển khai trên địa bàn; phân công cán bộ phụ trách, lồng ghép vào chương trình công tác của đơn vị.",
        "Tổ chức tuyên truyền tại các tổ dân phố, phát tờ rơi và đăng tin trên hệ thống loa truyền thanh; kiểm tra các cơ sở kinh doanh dịch vụ theo kế hoạch.",
        "Phối hợp với Công an và Đội kiểm tra liên ngành rà soát, phân loại cơ sở; ký cam kết với chủ cơ sở mới đưa vào quản lý.",
        "Thực hiện thường xuyên; chưa phát sinh vụ việc phức tạp trong kỳ.",
    ];

    public static async Task<Prepared> Ensure(BenchHost host, IProgress<string> progress)
    {
        var clock = Stopwatch.StartNew();
        int planId;
        using (var scope = host.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            planId = await EnsureDemoPlans(sp, progress);
            await sp.GetRequiredService<ReportPeriodService>().OpenYear(UserScope.System, planId, 2026, CancellationToken.None);
        }

        int periodId, consolidatedId;
        string title;
        List<(int Id, ReportStatus Status)> open;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var period = await db.Set<ReportPeriod>().AsNoTracking().SingleAsync(p => p.PlanId == planId && p.Kind == ReportKind.Semiannual && p.Year == 2026);
            (periodId, title) = (period.Id, period.Title);
            consolidatedId = await db.Set<Pcmd.Web.Features.Reporting.Report>().Where(r => r.PeriodId == periodId && r.IsConsolidated).Select(r => r.Id).SingleAsync();
            open = (await db.Set<Pcmd.Web.Features.Reporting.Report>().Where(r => r.PeriodId == periodId && !r.IsConsolidated && r.Status != ReportStatus.Accepted)
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.Status }).ToListAsync()).Select(r => (r.Id, r.Status)).ToList();
        }
        if (open.Count > 0) progress.Report($"Filling, submitting and accepting {open.Count} unit reports through the services…");
        var rnd = new Random(2026);
        var done = 0;
        foreach (var (id, status) in open)
        {
            // A DI scope (a DbContext) per report, as a request has: the change tracker never grows over the loop.
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var workflow = sp.GetRequiredService<ReportWorkflow>();
            var version = status == ReportStatus.Submitted
                ? (await sp.GetRequiredService<ReportFormService>().Get(UserScope.System, id)).Version
                : await FillAndSubmit(sp, id, rnd);
            await workflow.Accept(UserScope.System, id, new ReviewInput(version, null), CancellationToken.None);
            if (++done % 25 == 0) progress.Report($"  {done} of {open.Count}");
        }

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var units = await db.Set<Pcmd.Web.Features.Reporting.Report>().Where(r => r.PeriodId == periodId && !r.IsConsolidated)
                .Select(r => new { r.Status, Commune = r.Agency!.OrgUnit!.Level == OrgUnitLevel.Commune }).ToListAsync();
            if (units.Any(u => u.Status != ReportStatus.Accepted)) throw new InvalidOperationException("Some unit reports are still not accepted.");
            return new Prepared(planId, periodId, title, consolidatedId, units.Count, units.Count(u => u.Commune), units.Count(u => !u.Commune),
                open.Count, clock.Elapsed);
        }
    }

    /// <summary>The demo agencies, plans (and their bindings) and accounts loaded on a data set made by `generate`, once;
    /// the id of <see cref="PlanKey"/>.</summary>
    public static async Task<int> EnsureDemoPlans(IServiceProvider sp, IProgress<string> progress)
    {
        var db = sp.GetRequiredService<PcmdDbContext>();
        if (!await db.Plans.AnyAsync(p => p.Key == PlanKey))
        {
            if (await db.Plans.AnyAsync())
                throw new InvalidOperationException($"The database has plans but not '{PlanKey}': run on a data set made by `generate` (the demo plans are loaded on it).");
            progress.Report("Loading the demo agencies, plans, accounts and the demo steps (DemoData.EnsureLoaded)…");
            await sp.GetRequiredService<DemoData>().EnsureLoaded();
        }
        return await db.Plans.Where(p => p.Key == PlanKey).Select(p => p.Id).SingleAsync();
    }

    /// <summary>What a unit would type: the pre-filled figures kept, the figures nobody computes typed in (a count, or a
    /// numerator over a denominator), a status and a narrative for every task, both free-text sections.</summary>
    static async Task<int> FillAndSubmit(IServiceProvider sp, int id, Random rnd)
    {
        var form = await sp.GetRequiredService<ReportFormService>().Get(UserScope.System, id);
        var tasks = form.Tasks.Select(t => new TaskInput(t.TaskId, t.Progress ?? (TaskProgress)rnd.Next(1, 4),
            t.Narrative ?? Narratives[rnd.Next(Narratives.Length)])).ToList();
        var values = form.Indicators.Select(v =>
        {
            if (v.Value is not null && (!v.IsShare || v.Denominator is not null)) return new ValueInput(v.IndicatorId, v.Value, v.Denominator, v.Note);
            decimal? den = v.IsShare ? rnd.Next(5, 40) : null;
            decimal value = v.IsShare ? Math.Round(den!.Value * (decimal)(0.6 + 0.4 * rnd.NextDouble())) : rnd.Next(0, 12);
            var note = v.Computed is not null ? "Số liệu tổng hợp từ sổ theo dõi của đơn vị." : null;
            return new ValueInput(v.IndicatorId, value, den, note);
        }).ToList();
        var draft = new ReportDraft(form.Version, form.Difficulties ?? "Lực lượng cán bộ kiêm nhiệm, kinh phí cho công tác phòng, chống mại dâm còn hạn chế.",
            form.Proposals ?? "Đề nghị Thành phố tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã và bố trí kinh phí hỗ trợ hoạt động của Đội kiểm tra liên ngành.",
            null, tasks, values);
        var saved = await sp.GetRequiredService<ReportDraftService>().Save(UserScope.System, id, draft, CancellationToken.None);
        var submitted = await sp.GetRequiredService<ReportWorkflow>().Submit(UserScope.System, id, saved.Version, CancellationToken.None);
        return submitted.Version;
    }

    /// <summary>The coordinator's scope, built from their claims as a request builds it: the measured calls see the same
    /// scope filtering as the consolidating agency's browser.</summary>
    public static Task<UserScope> CoordinatorScope(BenchHost host) => ScopeOf(host, Coordinator);

    /// <summary>A demo account's scope, built from its claims as a request builds it.</summary>
    public static async Task<UserScope> ScopeOf(BenchHost host, string userName)
    {
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<PcmdUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"The demo account '{userName}' is missing.");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<PcmdUser>>().CreateAsync(user);
        return await UserScope.Build(principal, sp.GetRequiredService<OrgUnitTree>());
    }
}
