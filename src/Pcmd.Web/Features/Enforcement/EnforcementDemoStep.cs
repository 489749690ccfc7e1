using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement;

/// <summary>Criminal cases and administrative sanctions in Hà Nội for the years the demo plans measure (2014, 2024–2026), at
/// about the pace the plans expect (KH 2024: 120 cases detected, 95 tried; KH 2026–2030: 80–100 a year), so that their
/// results pages show believable figures. Fines follow the decree in force on the day (167/2013, 144/2021, 282/2025).</summary>
public sealed class EnforcementDemoStep(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock) : IDemoStep
{
    public int Order => 410;

    static readonly (int Year, int Cases, int People, int Premises)[] Years = [(2014, 140, 300, 20), (2024, 110, 200, 25), (2025, 95, 150, 20), (2026, 85, 120, 15)];

    public async Task Load(CancellationToken ct)
    {
        if (await db.CriminalCases.AnyAsync(ct) || await db.AdministrativeSanctions.AnyAsync(ct)) return;
        var city = await tree.Resolve(DemoFacts.Province, DemoFacts.Today);
        if (city is null) return;
        var all = await tree.All();
        var area = await tree.Area(city.Id);
        var decrees = await db.Decrees.AsNoTracking().ToListAsync(ct);
        var establishments = await db.Establishments.AsNoTracking().Where(e => area.Contains(e.OrgUnitId)).Select(e => new { e.Id, e.OrgUnitId }).ToListAsync(ct);
        var today = VietnamTime.Today(clock);
        var random = new Random(2014);
        foreach (var (year, caseCount, people, premises) in Years)
        {
            var mid = new DateOnly(year, 6, 30);
            // The communes of the year (before the 2025 reform, the old ones), the demo wards first so that they have records of their own.
            var communes = all.Where(n => n.Level == OrgUnitLevel.Commune && area.Contains(n.Id)
                    && (n.ValidFrom is null || n.ValidFrom <= mid) && (n.ValidTo is null || n.ValidTo >= mid))
                .OrderBy(n => n.Code == "09568" ? 0 : n.Code == "09556" ? 1 : 2).ThenBy(n => n.Id).Select(n => n.Id).ToList();
            if (communes.Count == 0) continue;
            int Unit(int n) => n % 5 == 0 ? communes[0] : n % 7 == 0 ? communes[Math.Min(1, communes.Count - 1)] : communes[random.Next(communes.Count)];
            var last = year == today.Year ? today.AddDays(-1) : new DateOnly(year, 12, 31);
            DateOnly Day() => new DateOnly(year, 1, 1).AddDays(random.Next(0, Math.Max(1, last.DayOfYear)));

            for (var n = 0; n < caseCount; n++)
            {
                var detected = Day();
                var c = new CriminalCase
                {
                    // The commune of the day: after 1/7/2025 the old ones' records go to the wards they were merged into.
                    OrgUnitId = await tree.UnitOn(Unit(n), detected), Reference = $"Vụ {n + 1}/{year}", Charge = (CriminalCharge)(n % 10 < 4 ? 1 : n % 10 < 7 ? 0 : n % 10 < 8 ? 2 : n % 10 < 9 ? 4 : 3),
                    DetectedOn = detected, RingDismantled = n % 9 == 0,
                };
                DateOnly? Next(DateOnly? from, int days, int percent) =>
                    from is { } f && random.Next(100) < percent && f.AddDays(days + random.Next(0, days)) is var d && d <= today ? d : null;
                c.InstitutedOn = Next(c.DetectedOn, 7, 92);
                c.IndictedOn = Next(c.InstitutedOn, 45, 85);
                c.TriedOn = Next(c.IndictedOn, 30, 92);
                c.AccusedCount = c.InstitutedOn is null ? 0 : 1 + random.Next(0, 4);
                c.DefendantsCount = c.TriedOn is null ? 0 : c.AccusedCount;
                c.MobileTrial = c.TriedOn is not null && n % 6 == 0;
                db.CriminalCases.Add(c);
            }

            for (var n = 0; n < people + premises; n++)
            {
                var date = Day();
                if (decrees.FirstOrDefault(d => d.InForceOn(date)) is not { } decree) continue;
                var target = n >= people ? SanctionTarget.Premises : (SanctionTarget)(n % 10 < 6 ? 0 : n % 10 < 8 ? 1 : n % 10 < 9 ? 2 : n % 20 == 9 ? 3 : 4);
                var establishment = target == SanctionTarget.Premises && establishments.Count > 0 ? establishments[random.Next(establishments.Count)] : null;
                if (target == SanctionTarget.Premises && establishment is null) continue;
                var warning = target != SanctionTarget.Premises && n % 5 == 0;
                // Roughly the bands of the decrees: selling sex, buying, brokering, keeping premises.
                var scale = year < 2022 ? 0.5m : 1m;
                decimal amount = target switch
                {
                    SanctionTarget.Seller => 500_000, SanctionTarget.Buyer => 1_500_000, SanctionTarget.Broker => 4_000_000,
                    SanctionTarget.OwnerManager => 15_000_000, SanctionTarget.Premises => 30_000_000, _ => 1_000_000,
                } * scale;
                db.AdministrativeSanctions.Add(new AdministrativeSanction
                {
                    OrgUnitId = await tree.UnitOn(establishment?.OrgUnitId ?? Unit(n), date), Date = date, Target = target, EstablishmentId = establishment?.Id,
                    Kind = warning ? SanctionKind.Warning : SanctionKind.Fine, Amount = warning ? null : amount, DecreeId = decree.Id,
                    DecisionNumber = $"{n + 1}/QĐ-XPHC", LegalBasis = target == SanctionTarget.Seller ? "Điều xử phạt hành vi bán dâm" : null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
