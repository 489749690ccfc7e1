using Pcmd.Web.Data;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The facts of the support computations (issue 12), each record counted in the unit of its case or contact; the area
/// takes in the wards merged on 1/7/2025 through <c>org_unit_areas</c>, as every computation does.</summary>
public static class SupportFacts
{
    /// <summary>Indicator 3.1.3 of KH 2026–2030 (and 10.2 of KH 2024): of the sex workers with a need they are eligible for — a
    /// case of target group "sex worker", open at some time in the window (opened by its end, not closed before its start), with at
    /// least one need marked eligible at a screening on or before the window's end — the share who were given a service (a referral
    /// for one of their eligible needs whose provider reported "service given" on a day in the window). The directory's services are
    /// all harm-reduction or reintegration services (health, STI/HIV, psychological, legal, training, jobs, loans, shelter, protection).</summary>
    public static IQueryable<Fact> ReachedShare(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Cases(db, area).Where(c => c.TargetGroup == TargetGroup.SexWorker && c.OpenedOn <= to && (c.ClosedOn == null || c.ClosedOn >= from)
                && db.CaseNeeds.Any(n => n.CaseId == c.Id && n.Eligible && n.ScreenedOn <= to))
            .Select(c => new Fact
            {
                UnitId = c.OrgUnitId, Den = 1,
                Num = db.Referrals.Any(r => r.CaseId == c.Id && r.Outcome == ReferralOutcome.ServiceGiven && r.OutcomeOn >= from && r.OutcomeOn <= to
                    && db.CaseNeeds.Any(n => n.CaseId == c.Id && n.NeedKindId == r.NeedKindId && n.Eligible)) ? 1 : 0,
            });

    /// <summary>Outreach contacts (lượt tiếp cận) in the window: the people reached, anonymous counts included (KH 2024, 10.1:
    /// "tiếp cận, tư vấn cho 500 lượt người bán dâm").</summary>
    public static IQueryable<Fact> OutreachContacts(PcmdDbContext db, int? area, DateOnly from, DateOnly to)
    {
        var q = db.OutreachContacts.Where(x => x.Date >= from && x.Date <= to);
        if (area is { } a) q = q.InAreaOf(db, a, x => x.OrgUnitId);
        return q.Select(x => new Fact { UnitId = x.OrgUnitId, Num = x.People, Den = 0 });
    }

    /// <summary>People (cases) referred to a service at least once in the window.</summary>
    public static IQueryable<Fact> PeopleReferred(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Cases(db, area).Where(c => db.Referrals.Any(r => r.CaseId == c.Id && r.ReferredOn >= from && r.ReferredOn <= to))
            .Select(c => new Fact { UnitId = c.OrgUnitId, Num = 1, Den = 0 });

    static IQueryable<SupportCase> Cases(PcmdDbContext db, int? area) =>
        area is { } a ? db.SupportCases.InAreaOf(db, a, c => c.OrgUnitId) : db.SupportCases;
}
