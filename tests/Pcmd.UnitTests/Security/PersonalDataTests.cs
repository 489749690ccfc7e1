using System.Security.Cryptography;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Security;

/// <summary>People's names are encrypted at rest: never stored in clear, never the same ciphertext twice,
/// and a tampered value is refused rather than read as something else.</summary>
public class PersonalDataTests
{
    public PersonalDataTests() => PersonalData.Configure(Convert.ToBase64String(new byte[32]));

    [Fact]
    public void A_name_round_trips_and_is_not_stored_in_clear()
    {
        var stored = PersonalData.Encrypt("Nguyễn Thị Hoa")!;
        Assert.StartsWith("enc1:", stored);
        Assert.DoesNotContain("Nguy", stored);
        Assert.NotEqual(stored, PersonalData.Encrypt("Nguyễn Thị Hoa"));
        Assert.Equal("Nguyễn Thị Hoa", PersonalData.Decrypt(stored));
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var bytes = Convert.FromBase64String(PersonalData.Encrypt("Trần Văn Minh")!["enc1:".Length..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => PersonalData.Decrypt("enc1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Many_threads_encrypt_at_once()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"Người thứ {i}").ToArray();
        var back = names.AsParallel().AsOrdered().Select(n => PersonalData.Decrypt(PersonalData.Encrypt(n))).ToArray();
        Assert.Equal(names, back);
    }

    [Fact]
    public void The_key_cannot_change_while_the_process_runs()
    {
        var other = new byte[32];
        other[0] = 1;
        Assert.Throws<InvalidOperationException>(() => PersonalData.Configure(Convert.ToBase64String(other)));
    }
}
