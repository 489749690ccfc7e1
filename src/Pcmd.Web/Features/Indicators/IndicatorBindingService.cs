using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The computation to bind, by name ("inspectedShare"), and the unit it is measured in when it is not the plan's
/// issuing unit.</summary>
public sealed record BindingInput(string? Computation, int? OrgUnitId);

public sealed record BindingSaved(int IndicatorId, Computation Computation, int? OrgUnitId, int PlanVersion);

/// <summary>Binds a plan's indicator to a computation, or removes the binding. A binding is part of the plan: only the
/// plan's writers change it, and each change bumps the plan's version (a client holding the old version gets a conflict).</summary>
public sealed class IndicatorBindingService(PcmdDbContext db, IndicatorAreas areas)
{
    public async Task<BindingSaved> Bind(UserScope scope, int indicatorId, BindingInput input, int? expectedVersion, CancellationToken ct = default)
    {
        var (indicator, plan) = await Writable(scope, indicatorId, expectedVersion, ct);
        var errors = new ErrorList();
        Computation computation = default;
        if (string.IsNullOrWhiteSpace(input.Computation))
            errors.Add("computation", "Hãy chọn cách tính số liệu thực hiện.");
        else if (!Enum.TryParse(input.Computation.Trim(), ignoreCase: true, out computation) || !Enum.IsDefined(computation)
                 || int.TryParse(input.Computation, out _))
            errors.Add("computation", $"Không có cách tính '{input.Computation.Trim()}'. Các cách tính: "
                + string.Join(", ", Enum.GetNames<Computation>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + ".");
        else if (ComputationMeasures.Refusal(indicator, computation) is { } refusal)
            errors.Add("computation", refusal);
        if (input.OrgUnitId is { } unitId)
        {
            var node = await areas.Find(unitId);
            if (node is null || !scope.CanReadUnit(unitId))
                errors.Add("orgUnitId", $"Không tìm thấy đơn vị {unitId}.");
            else if (unitId != plan.IssuingUnitId && !(await areas.Area(plan.IssuingUnitId)).Contains(unitId))
                errors.Add("orgUnitId", $"{node.Name} không thuộc địa bàn của kế hoạch.");
        }
        errors.ThrowIfAny();

        var binding = await db.IndicatorBindings.FirstOrDefaultAsync(b => b.IndicatorId == indicator.Id, ct);
        if (binding is null) db.IndicatorBindings.Add(binding = new IndicatorBinding { IndicatorId = indicator.Id });
        binding.Computation = computation;
        binding.OrgUnitId = input.OrgUnitId == plan.IssuingUnitId ? null : input.OrgUnitId;
        await Save(plan, ct);
        return new BindingSaved(indicator.Id, binding.Computation, binding.OrgUnitId, plan.Version);
    }

    /// <summary>Removes the binding; the plan's version after it (unchanged when there was none).</summary>
    public async Task<int> Unbind(UserScope scope, int indicatorId, int? expectedVersion, CancellationToken ct = default)
    {
        var (indicator, plan) = await Writable(scope, indicatorId, expectedVersion, ct);
        var binding = await db.IndicatorBindings.FirstOrDefaultAsync(b => b.IndicatorId == indicator.Id, ct);
        if (binding is null) return plan.Version;
        db.IndicatorBindings.Remove(binding);
        await Save(plan, ct);
        return plan.Version;
    }

    /// <summary>The indicator's plan for a write, with the checks in the order of the plan's other edits: in scope (404),
    /// writable (403), at the version the user saw (409).</summary>
    async Task<(Indicator, Plan)> Writable(UserScope scope, int indicatorId, int? expectedVersion, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, ct) ?? throw new NotFoundException();
        var plan = await db.Plans.ReadableOr404(scope, indicator.PlanId, ct);
        if (!PlanAccess.CanWrite(scope, plan)) throw new ForbiddenException();
        if (expectedVersion is { } v)
        {
            if (plan.Version != v) throw new ConflictException();
            db.Entry(plan).Property(p => p.Version).OriginalValue = v;
        }
        return (indicator, plan);
    }

    /// <summary>The binding and the plan in one SaveChanges: marking the plan modified makes the DbContext check and bump its version.</summary>
    async Task Save(Plan plan, CancellationToken ct)
    {
        db.Entry(plan).State = EntityState.Modified;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException(); }
    }
}
