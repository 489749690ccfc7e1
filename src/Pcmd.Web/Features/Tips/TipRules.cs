using System.Security.Cryptography;
using System.Text;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Tips;

/// <summary>Limits of a tip's texts, the follow-up code and the secret (pure).</summary>
public static class TipRules
{
    public const int MaxDescription = 4000, MaxPlace = 500, MaxName = 200, MaxContact = 300, MaxIdentifying = 1000,
        MaxNote = 2000, MaxMessage = 1000, MaxPublicResult = 1000, MaxReply = 2000, MaxReason = 1000, MaxGuidance = 8000, MaxPassedOnBy = 300;

    // No 0/O, 1/I/L: read aloud over the phone or copied from a paper receipt without mistakes.
    const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>"TB-" and 8 random characters (31^8 ≈ 8.5·10^11): not guessable, so a code says nothing of how many tips there are.</summary>
    public static string NewCode() => "TB-" + RandomText(8);

    /// <summary>The secret shown once to a portal reporter: 16 characters of the same alphabet (≈ 79 bits), grouped by 4.</summary>
    public static string NewSecret()
    {
        var s = RandomText(16);
        return $"{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}";
    }

    static string RandomText(int length) =>
        string.Create(length, 0, (span, _) => { for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]; });

    /// <summary>The secret as typed (any case, with or without dashes and spaces) in one form.</summary>
    public static string NormalizeSecret(string? secret) =>
        new((secret ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string NormalizeCode(string? code)
    {
        var c = NormalizeSecret(code);
        return c.StartsWith("TB", StringComparison.Ordinal) && c.Length == 10 ? "TB-" + c[2..] : c;
    }

    /// <summary>SHA-256 of the secret with the code: the secret has ~79 random bits, so a plain hash cannot be reversed by guessing.</summary>
    public static string HashSecret(string code, string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeCode(code) + ":" + NormalizeSecret(secret)))).ToLowerInvariant();

    public static bool SecretMatches(string? storedHash, string code, string secret) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(HashSecret(code, secret)));

    /// <summary>A UTC instant cut to the hour: the public side keeps nothing finer.</summary>
    public static DateTime ToHour(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, DateTimeKind.Utc);

    public static void Length(ErrorList errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(field, $"{label} dài quá {max:N0} ký tự.".Replace(',', '.'));
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
