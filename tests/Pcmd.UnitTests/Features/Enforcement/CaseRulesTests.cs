using Pcmd.Web.Features.Enforcement;

namespace Pcmd.UnitTests.Features.Enforcement;

public sealed class CaseRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 6);
    static DateOnly D(int y, int m, int d) => new(y, m, d);

    static List<string> Fields(CriminalCaseInput c) => CaseRules.Stages(c, Today).Select(p => p.Field).ToList();

    [Fact]
    public void Stages_come_in_order_and_each_needs_the_one_before()
    {
        Assert.Empty(Fields(new(1, "V1", CriminalCharge.Brokering, D(2026, 1, 1), D(2026, 1, 5), D(2026, 3, 1), D(2026, 5, 1), true, 2, 2)));
        Assert.Equal(["triedOn"], Fields(new(1, "V1", CriminalCharge.Brokering, D(2026, 1, 1), D(2026, 1, 5), null, D(2026, 5, 1))));
        Assert.Equal(["institutedOn"], Fields(new(1, "V1", CriminalCharge.Brokering, D(2026, 1, 10), D(2026, 1, 5))));
        Assert.Equal(["detectedOn"], Fields(new(1, "V1", CriminalCharge.Brokering, D(2027, 1, 1))));
        Assert.Equal(["mobileTrial", "defendantsCount"], Fields(new(1, "V1", CriminalCharge.Brokering, D(2026, 1, 1), D(2026, 1, 2), MobileTrial: true, AccusedCount: 1, DefendantsCount: 1)));
        Assert.Equal(["accusedCount"], Fields(new(1, "V1", CriminalCharge.Other, D(2026, 1, 1), AccusedCount: 1)));
    }
}
