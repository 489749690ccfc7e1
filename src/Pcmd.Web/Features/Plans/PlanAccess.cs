using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

/// <summary>Who may see and change a plan: by the issuing unit's place in the user's scope; an agency
/// reporter changes only the plans its own agency issues.</summary>
public static class PlanAccess
{
    public static bool CanRead(UserScope s, Plan p) => s.CanReadUnit(p.IssuingUnitId);

    public static bool CanWrite(UserScope s, int issuingUnitId, int? issuingAgencyId)
    {
        if (!s.Can(Permission.ManagePlans)) return false;
        if (s.IsGlobal) return true;
        if (s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.CommuneOfficer))
            if (s.CanWriteUnit(issuingUnitId)) return true;
        return s.IsInRole(Roles.AgencyReporter) && s.AgencyId is { } a && issuingAgencyId == a && s.CanReadUnit(issuingUnitId);
    }

    public static bool CanWrite(UserScope s, Plan p) => CanWrite(s, p.IssuingUnitId, p.IssuingAgencyId);

    /// <summary>The plan if the user may read it, else 404: a plan out of reach is not told apart from one that does not
    /// exist. Every load of a plan for a user goes through here; the caller brings its query (tracking, includes).</summary>
    public static async Task<Plan> ReadableOr404(this IQueryable<Plan> plans, UserScope scope, int id, CancellationToken ct)
    {
        var plan = await plans.FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is not null && CanRead(scope, plan) ? plan : throw new NotFoundException();
    }

    /// <summary>The plan for a write of any of its parts: in scope (else 404), writable (else 403), and still at
    /// the version the user saw (else 409). The UPDATE checks the version too, which closes the race between
    /// this read and the save.</summary>
    public static async Task<Plan> ForWrite(PcmdDbContext db, UserScope scope, int id, int expectedVersion, CancellationToken ct)
    {
        var plan = await db.Plans.ReadableOr404(scope, id, ct);
        if (!CanWrite(scope, plan)) throw new ForbiddenException();
        if (plan.Version != expectedVersion) throw new ConflictException();
        db.Entry(plan).Property(p => p.Version).OriginalValue = expectedVersion;
        return plan;
    }

    /// <summary>Saves a part together with the plan, whose version the DbContext bumps (and checks) because the plan row is
    /// marked modified; one SaveChanges is one transaction with its audit entries.</summary>
    public static async Task SaveWithPlan(PcmdDbContext db, Plan plan, CancellationToken ct)
    {
        db.Entry(plan).Property(p => p.Version).IsModified = true;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException(); }
    }
}
