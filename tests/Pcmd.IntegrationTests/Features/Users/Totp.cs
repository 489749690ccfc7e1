using System.Security.Cryptography;

namespace Pcmd.IntegrationTests.Features.Users;

/// <summary>RFC 6238 (TOTP, HMAC-SHA1, 30 s, 6 digits) from the base32 key an authenticator app is given: the test computes
/// the codes as the user's phone would.</summary>
public static class Totp
{
    public static string Code(string sharedKey, DateTimeOffset at, int stepOffset = 0)
    {
        var key = Base32(sharedKey.Replace(" ", "").ToUpperInvariant());
        var step = at.ToUnixTimeSeconds() / 30 + stepOffset;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    static byte[] Base32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in s.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return bytes.ToArray();
    }
}
