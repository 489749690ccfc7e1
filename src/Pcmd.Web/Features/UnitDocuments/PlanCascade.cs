using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.UnitDocuments;

/// <summary>Who implements a plan down the cascade: the agencies it assigns (a lead or cooperating part in an indicator or a
/// task; collectives such as "UBND các xã, phường" stand for the communes, listed apart) and the communes under its issuing
/// unit today. Each has it when its own plan names this one as parent, or when it recorded a plan document naming it.</summary>
public sealed class PlanCascade(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock)
{
    public sealed record Cascade(List<CascadeRow> Agencies, List<CascadeRow> Communes);

    public async Task<Cascade> For(UserScope scope, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.IssuingUnitId }).FirstOrDefaultAsync(ct);
        if (plan is null || !scope.CanReadUnit(plan.IssuingUnitId)) throw new NotFoundException();
        var children = await db.Plans.AsNoTracking().Where(p => p.ParentId == planId)
            .Select(p => new { p.Id, p.Title, p.IssuingUnitId, p.IssuingAgencyId }).ToListAsync(ct);
        var documents = await db.UnitDocuments.AsNoTracking().Where(d => d.PlanId == planId && d.Kind == DocumentKind.Plan)
            .Select(d => new { d.Id, d.Number, d.OrgUnitId, d.AgencyId }).ToListAsync(ct);

        var assigned = await AssignedAgencies(db, planId).AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var agencies = assigned.OrderBy(a => a.Name, VietnameseText.Comparer).Select(a =>
        {
            var child = children.FirstOrDefault(c => c.IssuingAgencyId == a.Id);
            var doc = documents.FirstOrDefault(d => d.AgencyId == a.Id);
            return Row(a.Id, a.Name, child?.Id, child?.Title, doc?.Id, doc?.Number);
        }).ToList();

        var today = VietnamTime.Today(clock);
        var communes = new List<CascadeRow>();
        foreach (var id in await tree.Children(plan.IssuingUnitId))
        {
            if (await tree.Find(id) is not { Level: OrgUnitLevel.Commune } n || (n.ValidTo is { } to && to < today) || !scope.CanReadUnit(n.Id)) continue;
            var area = await tree.Area(n.Id);
            var child = children.FirstOrDefault(c => area.Contains(c.IssuingUnitId));
            var doc = documents.FirstOrDefault(d => area.Contains(d.OrgUnitId));
            communes.Add(Row(n.Id, n.Name, child?.Id, child?.Title, doc?.Id, doc?.Number));
        }
        return new Cascade(agencies, communes.OrderBy(c => c.Has).ThenBy(c => c.UnitName, VietnameseText.Comparer).ToList());
    }

    /// <summary>The agencies a plan assigns: lead or cooperating on one of its indicators or tasks (its assignments). A collective
    /// ("UBND các xã, phường", "các sở, ban, ngành") is not one body: the communes are counted as communes, and the bodies a
    /// collective stands for are assigned by name where the plan names them. The same set is the denominator of 3.1.1.</summary>
    public static IQueryable<Agency> AssignedAgencies(PcmdDbContext db, int? planId) =>
        db.Agencies.Where(a => a.Kind != AgencyKind.Collective && db.Assignments.Any(x => x.PlanId == planId && x.AgencyId == a.Id));

    static CascadeRow Row(int id, string name, int? planId, string? planTitle, int? docId, string? number) =>
        planId is { } p ? new CascadeRow(id, name, true, planTitle, $"/plans/{p}")
        : docId is { } d ? new CascadeRow(id, name, true, number, $"/documents/{d}")
        : new CascadeRow(id, name, false, null, null);
}
