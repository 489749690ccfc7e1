using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Enforcement;
using Pcmd.Web.Features.Inspections;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>Makes the enforcement records of issue 11 (item 7): criminal cases through their stages — most detected cases are
/// instituted, most of those sent for prosecution, most of those tried some months later (one trial in five mobile), so the
/// share "tried of those sent for prosecution" stays below 100 % — and administrative sanctions on people by role and on
/// premises, each under the decree in force on its day. Before 1/7/2025 they are recorded in an old commune.</summary>
public sealed class EnforcementFaker(Random r, SyntheticScale scale, IReadOnlyList<Decree> decrees)
{
    public List<CriminalCase> Cases { get; } = [];
    public List<AdministrativeSanction> Sanctions { get; } = [];
    public int NextCaseId, NextSanctionId;

    static readonly DateOnly Merger = new(2025, 7, 1);
    static readonly SanctionTarget[] People = [SanctionTarget.Seller, SanctionTarget.Seller, SanctionTarget.Seller, SanctionTarget.Buyer,
        SanctionTarget.Buyer, SanctionTarget.Broker, SanctionTarget.OwnerManager, SanctionTarget.OtherPerson];
    static readonly CriminalCharge[] Charges = [CriminalCharge.Harbouring, CriminalCharge.Harbouring, CriminalCharge.Brokering, CriminalCharge.Brokering,
        CriminalCharge.Brokering, CriminalCharge.Organising, CriminalCharge.BuyingSexFromMinor, CriminalCharge.Trafficking, CriminalCharge.Other];

    DateOnly Day()
    {
        var first = new DateOnly(scale.FirstYear, 1, 1);
        return first.AddDays(r.Next(scale.Until.DayNumber - first.DayNumber + 1));
    }

    static int Unit(Random r, SyntheticUnits.Commune c, DateOnly day) =>
        day < Merger && c.Predecessors.Count > 0 ? c.Predecessors[r.Next(c.Predecessors.Count)].Id : c.Id;

    DateOnly? After(DateOnly? from, int minDays, int maxDays, double chance)
    {
        if (from is not { } f || r.NextDouble() >= chance) return null;
        var d = f.AddDays(r.Next(minDays, maxDays + 1));
        return d <= scale.Until ? d : null;
    }

    public void MakeCase(SyntheticUnits.Commune commune)
    {
        var detected = Day();
        var instituted = After(detected, 3, 30, 0.85);
        var indicted = After(instituted, 60, 150, 0.80);
        var tried = After(indicted, 30, 120, 0.90);
        var accused = instituted is null ? 0 : 1 + r.Next(4);
        Cases.Add(new CriminalCase
        {
            Id = NextCaseId, OrgUnitId = Unit(r, commune, detected), Reference = $"VA-S{NextCaseId++:D7}", Charge = Charges[r.Next(Charges.Length)],
            DetectedOn = detected, InstitutedOn = instituted, IndictedOn = indicted, TriedOn = tried, MobileTrial = tried is not null && r.NextDouble() < 0.2,
            AccusedCount = accused, DefendantsCount = tried is null ? 0 : accused, RingDismantled = r.NextDouble() < 0.1, Version = 1,
        });
    }

    /// <summary>A sanction on a person, or one time in ten on the premises of <paramref name="premises"/> (in its commune).</summary>
    public void MakeSanction(SyntheticUnits.Commune commune, FakeEstablishment? premises)
    {
        var day = Day();
        var decree = decrees.LastOrDefault(d => d.InForceOn(day)) ?? decrees[^1];
        var onPremises = premises is not null && r.NextDouble() < 0.1 && premises.ActiveFrom <= day;
        var kind = r.NextDouble() switch { < 0.15 => SanctionKind.Warning, < 0.92 => SanctionKind.Fine, _ => SanctionKind.Other };
        Sanctions.Add(new AdministrativeSanction
        {
            Id = NextSanctionId, // After 1/7/2025 a sanction on premises registered in an old ward belongs to the ward the premises now lie in.
            OrgUnitId = onPremises ? (day < AddressPackageImporter.ReformDay ? premises!.Entity.OrgUnitId : premises!.Home.Id) : Unit(r, commune, day), Date = day,
            Target = onPremises ? SanctionTarget.Premises : People[r.Next(People.Length)], EstablishmentId = onPremises ? premises!.Entity.Id : null,
            Kind = kind, Amount = kind == SanctionKind.Fine ? (onPremises ? 20_000_000 : 500_000) * (1 + r.Next(4)) : null,
            Measures = kind == SanctionKind.Other ? "Buộc chấm dứt hành vi vi phạm." : null, DecreeId = decree.Id,
            DecisionNumber = $"{NextSanctionId++}/QĐ-XPHC", Version = 1,
        });
    }
}
