using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>A record that happened in a unit on a day (an inspection, a sanction, a communication event…). The unit must
/// exist on that day: after 1/7/2025 a record cannot be attached to a ward abolished by the reform.</summary>
public interface IHeldByUnit
{
    int HeldByUnitId { get; }
    /// <summary>The record's own day; null when it has none (the check is then skipped).</summary>
    DateOnly? HeldOn { get; }
}

/// <summary>Run on every save (<see cref="PcmdDbContext"/>), whichever form, endpoint, import or demo step wrote the record
/// (issue 15, item 9): a record dated after its unit ceased to exist is refused under <c>orgUnitId</c>, naming the unit(s)
/// it must be attached to instead. One query for the units touched, a second only when one is found abolished.</summary>
public static class UnitValidity
{
    public const string Field = "orgUnitId";

    public static async Task Check(PcmdDbContext db, CancellationToken ct)
    {
        List<(int Unit, DateOnly Day)>? dated = null;
        foreach (var e in db.ChangeTracker.Entries<IHeldByUnit>())
            if (e.State is EntityState.Added or EntityState.Modified && e.Entity.HeldOn is { } day)
                (dated ??= []).Add((e.Entity.HeldByUnitId, day));
        if (dated is null) return;
        var ids = dated.Select(d => d.Unit).Distinct().ToList();
        var ended = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id) && u.ValidTo != null)
            .Select(u => new { u.Id, u.Name, ValidTo = u.ValidTo!.Value }).ToListAsync(ct);
        var wrong = dated.Select(d => (d.Day, Unit: ended.FirstOrDefault(u => u.Id == d.Unit))).Where(d => d.Unit is not null && d.Day > d.Unit.ValidTo).ToList();
        if (wrong.Count == 0) return;
        var first = wrong.OrderByDescending(w => w.Day).First();
        var successors = await db.OrgUnitSuccessions.AsNoTracking().Where(s => s.OldUnitId == first.Unit!.Id)
            .Select(s => s.NewUnit!.Name).ToListAsync(ct);
        var instead = successors.Count == 0 ? "một đơn vị còn hiệu lực vào ngày đó"
            : string.Join(" hoặc ", successors.OrderBy(n => n, Shared.VietnameseText.Comparer));
        var errors = new ErrorList();
        errors.Add(Field, $"{first.Unit!.Name} không còn từ ngày {first.Unit.ValidTo.AddDays(1):dd/MM/yyyy} (sắp xếp đơn vị hành chính); "
            + $"hồ sơ ngày {first.Day:dd/MM/yyyy} phải gắn với {instead}.");
        errors.ThrowIfAny();
    }
}
