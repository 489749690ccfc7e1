using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.Web.Features.Tips;

/// <summary>Tips within the user's reach: lists, one tip's substance, its source (an audited read), the due and overdue
/// lists. The writes are in TipService.Writes.cs.</summary>
public sealed partial class TipService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit, WorkCalendarService workDays)
{
    public const int MaxPageSize = 200;

    public async Task<TipPage> List(UserScope scope, TipFilter f, CancellationToken ct = default)
    {
        var q = await Filtered(scope, f.OrgUnitId, ct);
        if (f.State is { } state) q = q.Where(t => t.State == state);
        if (f.Channel is { } channel) q = q.Where(t => t.Channel == channel);
        if (f.Kind is { } kind) q = q.Where(t => t.Kind == kind);
        var today = Today();
        if (f.Overdue == true) q = q.Where(t => t.State != TipState.Closed && t.NextDueOn < today);
        if (!string.IsNullOrWhiteSpace(f.Search)) { var s = f.Search.Trim(); q = q.Where(t => t.Code.Contains(s) || t.Description.Contains(s)); }
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await Summaries(q.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id).Skip((page - 1) * size).Take(size), today, ct);
        return new TipPage(total, page, size, items);
    }

    async Task<IQueryable<Tip>> Filtered(UserScope scope, int? orgUnitId, CancellationToken ct)
    {
        var q = db.Tips.AsNoTracking().Readable(db, scope);
        if (orgUnitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            var area = db.AreaOf(unit);
            q = q.Where(t => area.Contains(t.OrgUnitId) || (t.AssignedUnitId != null && area.Contains(t.AssignedUnitId.Value)));
        }
        return q;
    }

    Task<List<TipSummary>> Summaries(IQueryable<Tip> q, DateOnly today, CancellationToken ct) =>
        q.Select(t => new TipSummary(t.Id, t.Code, t.Channel, t.ReceivedAt, t.Category, t.OrgUnitId,
                db.OrgUnits.Where(u => u.Id == t.OrgUnitId).Select(u => u.Name).FirstOrDefault() ?? "", t.Kind, t.State, t.NextDueOn,
                t.State != TipState.Closed && t.NextDueOn < today, t.AssignedUnitId, t.Version))
            .ToListAsync(ct);

    /// <summary>Tips of the unit's area (happened there or assigned to it) whose next step is overdue or due soon.</summary>
    public async Task<TipDueLists> Due(UserScope scope, int? orgUnitId, CancellationToken ct = default)
    {
        var today = Today();
        var soon = today.AddDays(TipDeadlines.DueSoonDays);
        var q = (await Filtered(scope, orgUnitId, ct)).Where(t => t.State != TipState.Closed && t.NextDueOn != null && t.NextDueOn <= soon);
        var rows = await Summaries(q.OrderBy(t => t.NextDueOn).ThenBy(t => t.Id).Take(500), today, ct);
        return new TipDueLists(today, rows.Where(r => r.Overdue).ToList(), rows.Where(r => !r.Overdue).ToList());
    }

    public async Task<TipDetail> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var t = await db.Tips.AsNoTracking().Include(x => x.Steps).Include(x => x.Extensions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) throw new NotFoundException();
        if (!TipAccess.CanRead(scope, t)) throw audit.Denied(nameof(Tip), id, new NotFoundException());
        var unitIds = new[] { t.OrgUnitId, t.ReceivingUnitId, t.AssignedUnitId ?? 0 };
        var units = await db.OrgUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var agency = t.AssignedAgencyId is { } aid ? await db.Agencies.Where(a => a.Id == aid).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        var duplicateOf = t.DuplicateOfId is { } did ? await db.Tips.Where(x => x.Id == did).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        var replies = await db.TipReplies.AsNoTracking().Where(r => r.TipId == id).OrderBy(r => r.Id).Select(r => new TipReplyDto(r.At, r.Text)).ToListAsync(ct);
        var reads = await db.TipSourceReads.AsNoTracking().Where(r => r.TipId == id).OrderBy(r => r.Id)
            .Select(r => new TipSourceReadDto(r.UserName, r.At)).ToListAsync(ct);
        var canSource = TipAccess.CanReadSource(scope, t);
        var next = TipWorkflow.Next(t.State, t.Relevance).Where(s => TipAccess.CanAct(scope, t, s)).ToList();
        return new TipDetail(t.Id, t.Code, t.Channel, t.ReceivedAt, canSource ? t.ReceivedBy : null, t.ReceivingUnitId,
            units.GetValueOrDefault(t.ReceivingUnitId, ""), t.PassedOnBy, t.Category, t.OrgUnitId, units.GetValueOrDefault(t.OrgUnitId, ""), t.Place,
            t.Latitude, t.Longitude, t.OccurredOn, t.Description, t.Anonymous, t.Kind, t.Relevance, t.DuplicateOfId, duplicateOf,
            t.AssignedUnitId, t.AssignedUnitId is { } au ? units.GetValueOrDefault(au) : null, t.AssignedAgencyId, agency, t.Outcome, t.PublicResult,
            t.EstablishmentId, t.HotspotId, t.InspectionId, t.State, Deadline(t), t.Version, canSource, next, next.Count > 0,
            t.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new TipStepDto(s.State, s.At, s.By, s.DueOn, s.OnTime, s.Note, s.MessageToReporter)).ToList(),
            t.Extensions.OrderBy(e => e.Id).Select(e => new TipExtensionDto(e.State, e.Days, e.Reason, e.By, e.At)).ToList(), replies, reads);
    }

    /// <summary>The reporter's identity and contact: only for the intake officers of the receiving unit. Every read is
    /// recorded twice: on the tip (who saw the source, when) and in the audit trail.</summary>
    public async Task<TipSource> ReadSource(UserScope scope, int id, CancellationToken ct = default)
    {
        var t = await db.Tips.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) throw new NotFoundException();
        if (!TipAccess.CanRead(scope, t)) throw audit.Denied(nameof(Tip), id, new NotFoundException());
        if (!TipAccess.CanReadSource(scope, t))
            throw audit.Denied("TipSource", id, new ForbiddenException("Chỉ cán bộ tiếp nhận của đơn vị đã nhận tin được xem người cung cấp tin."));
        db.TipSourceReads.Add(new TipSourceRead { TipId = id, UserName = scope.UserName ?? "", At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        audit.RecordRead("TipSource", id);
        return new TipSource(t.Id, t.Anonymous, t.ReporterName, t.ReporterContact, t.IdentifyingDetails);
    }

    /// <summary>The id of a tip the user may read, by its code (the step form names a duplicate's original by code).</summary>
    public Task<int?> IdOf(UserScope scope, string code)
    {
        var c = TipRules.NormalizeCode(code);
        return db.Tips.AsNoTracking().Readable(db, scope).Where(t => t.Code == c).Select(t => (int?)t.Id).FirstOrDefaultAsync();
    }

    DeadlineDto? Deadline(Tip t)
    {
        if (t.NextDueOn is not { } due) return null;
        var step = TipWorkflow.Next(t.State, t.Relevance).FirstOrDefault();
        var rule = TipDeadlines.RuleFor(t.Kind, step);
        return new DeadlineDto(step, due, TipDeadlines.IsOverdue(due, Today()), rule?.Source ?? "", rule?.MaxExtensionDays ?? 0,
            t.Extensions.Where(e => e.State == step).Sum(e => e.Days));
    }

    DateOnly Today() => VietnamTime.Today(clock);
}
