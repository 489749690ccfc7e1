using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.IntegrationTests.Features.Indicators;

/// <summary>What the indicator tests need: a ward of their own with records to compute on, and a new plan per test.</summary>
public sealed class IndicatorTestData(PcmdApp app) : TestData(app)
{
    string Tag => Provider.ToUpperInvariant();

    /// <summary>Old "Phường Thử Cũ" (until 30/6/2025) merged into new "Phường Thử Mới"; establishments A, B in the old ward
    /// managed since 2024, C in the new ward since 8/2025, D not under management. Inspected in 2025: A (3/2025, old ward),
    /// C (9/2025), D. So 2025 in the new ward: A, B, C managed, A and C inspected: 2/3.</summary>
    public async Task<(int OldUnit, int NewUnit)> Ward()
    {
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var code = $"IND-{Tag}";
        if (await Existing(db, code) is { } ids) return ids;
        var (oldUnit, newUnit) = await NewPair(db, code, "Thử");
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).FirstAsync();
        var team = new InspectionTeam { Name = $"Đội thử {Tag}", Kind = TeamKind.Interagency178, OrgUnitId = newUnit.Id };
        db.InspectionTeams.Add(team);
        Establishment E(string name, OrgUnit u, ManagementStatus s, DateOnly? from) => new()
        {
            Name = $"{name} {Tag}", Address = "Số 1", TypeId = type.Id, OrgUnitId = u.Id, Status = s, ManagedFrom = from,
        };
        var a = E("Cơ sở A", oldUnit, ManagementStatus.UnderManagement, new(2024, 1, 1));
        var b = E("Cơ sở B", oldUnit, ManagementStatus.UnderManagement, new(2024, 6, 1));
        var c = E("Cơ sở C", newUnit, ManagementStatus.UnderManagement, new(2025, 8, 1));
        var d = E("Cơ sở D", newUnit, ManagementStatus.NotUnderManagement, null);
        db.Establishments.AddRange(a, b, c, d);
        await db.SaveChangesAsync();
        Inspection I(Establishment e, OrgUnit u, DateOnly day) => new()
        {
            EstablishmentId = e.Id, OrgUnitId = u.Id, TeamId = team.Id, Date = day, Kind = InspectionKind.Planned, OwnersInformed = 1, WorkersInformed = 2,
        };
        db.Inspections.AddRange(I(a, oldUnit, new(2025, 3, 1)), I(c, newUnit, new(2025, 9, 15)), I(d, newUnit, new(2025, 10, 1)));
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<OrgUnitTree>().Invalidate();
        return (oldUnit.Id, newUnit.Id);
    }

    /// <summary>For one-pass results: old "Phường Gộp Cũ" (until 30/6/2025) merged into new "Phường Gộp Mới". A (old ward, managed
    /// since 2024, high risk, commitment 3/2024), B (old ward, managed since 6/2024), C (new ward, managed since 8/2025, high risk,
    /// commitment 9/2025), D (new ward, not managed). Inspections (owners + workers informed): 2024 A 5/2024 (2), B 11/2024 (1);
    /// 2025 A 3/2025 old ward (3), C 9/2025 (3), D 10/2025 (5). Hotspot H1 in the new ward identified 4/2025, eliminated 10/2025;
    /// H2 in the old ward targeted in 2023 (not new), re-emerged 5/2025.</summary>
    public async Task<(int OldUnit, int NewUnit)> MergedWard()
    {
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var code = $"ONE-{Tag}";
        if (await Existing(db, code) is { } ids) return ids;
        var (oldUnit, newUnit) = await NewPair(db, code, "Gộp");
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).FirstAsync();
        var team = new InspectionTeam { Name = $"Đội gộp {Tag}", Kind = TeamKind.Interagency178, OrgUnitId = newUnit.Id };
        db.InspectionTeams.Add(team);
        Establishment E(string name, OrgUnit u, ManagementStatus s, DateOnly? from, RiskClass risk, DateOnly? commitment) => new()
        {
            Name = $"{name} gộp {Tag}", Address = "Số 2", TypeId = type.Id, OrgUnitId = u.Id, Status = s, ManagedFrom = from, RiskClass = risk,
            CommitmentSigned = commitment is not null, CommitmentDate = commitment,
        };
        var a = E("Cơ sở A", oldUnit, ManagementStatus.UnderManagement, new(2024, 1, 1), RiskClass.High, new(2024, 3, 1));
        var b = E("Cơ sở B", oldUnit, ManagementStatus.UnderManagement, new(2024, 6, 1), RiskClass.Low, null);
        var c = E("Cơ sở C", newUnit, ManagementStatus.UnderManagement, new(2025, 8, 1), RiskClass.High, new(2025, 9, 1));
        var d = E("Cơ sở D", newUnit, ManagementStatus.NotUnderManagement, null, RiskClass.Medium, null);
        db.Establishments.AddRange(a, b, c, d);
        await db.SaveChangesAsync();
        Inspection I(Establishment e, OrgUnit u, DateOnly day, int owners, int workers) => new()
        {
            EstablishmentId = e.Id, OrgUnitId = u.Id, TeamId = team.Id, Date = day, Kind = InspectionKind.Planned, OwnersInformed = owners, WorkersInformed = workers,
        };
        db.Inspections.AddRange(I(a, oldUnit, new(2024, 5, 1), 1, 1), I(b, oldUnit, new(2024, 11, 1), 1, 0),
            I(a, oldUnit, new(2025, 3, 1), 1, 2), I(c, newUnit, new(2025, 9, 15), 1, 2), I(d, newUnit, new(2025, 10, 1), 2, 3));
        Hotspot H(string name, OrgUnit u, params (DateOnly Day, HotspotEventKind Kind)[] events)
        {
            var h = new Hotspot { Name = $"{name} gộp {Tag}", Kind = HotspotKind.PublicPlace, OrgUnitId = u.Id, Complexity = Pcmd.Web.Features.Plans.ComplexityLevel.Complex,
                State = events[^1].Kind };
            h.Events.AddRange(events.Select(e => new HotspotEvent { Date = e.Day, Kind = e.Kind }));
            return h;
        }
        db.Hotspots.AddRange(H("Tụ điểm H1", newUnit, (new(2025, 4, 1), HotspotEventKind.Identified), (new(2025, 10, 1), HotspotEventKind.Eliminated)),
            H("Tụ điểm H2", oldUnit, (new(2023, 2, 1), HotspotEventKind.Targeted), (new(2025, 5, 1), HotspotEventKind.ReEmerged)));
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<OrgUnitTree>().Invalidate();
        return (oldUnit.Id, newUnit.Id);
    }

    static async Task<(int OldUnit, int NewUnit)?> Existing(PcmdDbContext db, string code) =>
        await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == code + "-NEW") is { } existing
            ? (await db.OrgUnits.Where(u => u.Code == code + "-OLD").Select(u => u.Id).SingleAsync(), existing.Id)
            : null;

    /// <summary>"Phường <paramref name="word"/> Cũ" (until 30/6/2025) merged into "Phường <paramref name="word"/> Mới", under the city.</summary>
    async Task<(OrgUnit Old, OrgUnit New)> NewPair(PcmdDbContext db, string code, string word)
    {
        var city = await db.OrgUnits.SingleAsync(u => u.Code == "01");
        var oldUnit = new OrgUnit { Code = code + "-OLD", Name = $"Phường {word} Cũ {Tag}", Level = OrgUnitLevel.Commune, ParentId = city.Id, ValidTo = new(2025, 6, 30) };
        var newUnit = new OrgUnit { Code = code + "-NEW", Name = $"Phường {word} Mới {Tag}", Level = OrgUnitLevel.Commune, ParentId = city.Id, ValidFrom = new(2025, 7, 1) };
        db.OrgUnits.AddRange(oldUnit, newUnit);
        await db.SaveChangesAsync();
        db.OrgUnitSuccessions.Add(new OrgUnitSuccession { OldUnitId = oldUnit.Id, NewUnitId = newUnit.Id, EffectiveOn = new(2025, 7, 1) });
        return (oldUnit, newUnit);
    }

    /// <summary>A city plan for 2025–2026 (indicator 1: 90 %, 80 % in 2025), new for each test.</summary>
    public async Task<(HttpClient Admin, int PlanId, int IndicatorId, int Version)> NewPlan(string name)
    {
        var admin = await SignIn("admin");
        var key = $"ind-{name}-{Provider}".ToLowerInvariant();
        var id = (await (await admin.PostRaw("/api/v1/plans/import", SamplePlan.Create(key, "01", 2025, 2026).ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var plan = await admin.GetJson<PlanView>($"/api/v1/plans/{id}");
        return (admin, id, plan.Indicator("1").Id, plan.Version);
    }
}
