using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Security;

/// <summary>The rate limits keep a client only as a keyed hash that changes with each window (the portal promises reporters
/// that nothing of them is kept): the same client in the next window, or another client, gives an unrelated key.</summary>
public class RateCounterKeyTests
{
    // The key every unit test of the process uses (PersonalDataTests): it cannot change within a process.
    public RateCounterKeyTests() => PersonalData.Configure(Convert.ToBase64String(new byte[32]));

    [Fact]
    public void A_key_is_a_hash_that_names_neither_the_client_nor_the_window()
    {
        var key = RateCounters.KeyOf("portal-report", "203.0.113.7", 2_963_000);
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, RateCounters.KeyOf("portal-report", "203.0.113.7", 2_963_000));
        Assert.NotEqual(key, RateCounters.KeyOf("portal-report", "203.0.113.7", 2_963_001));
        Assert.NotEqual(key, RateCounters.KeyOf("portal-report", "203.0.113.8", 2_963_000));
        Assert.NotEqual(key, RateCounters.KeyOf("portal-lookup", "203.0.113.7", 2_963_000));
    }
}
