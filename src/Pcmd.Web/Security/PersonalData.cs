using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pcmd.Web.Security;

/// <summary>Names and addresses of people are encrypted at rest (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15,
/// Nghị định 356/2025/NĐ-CP: data on sexual life and crime is sensitive). AES-256-GCM with a key from
/// configuration (<c>Pcmd:PersonalDataKey</c>, base64 of 32 bytes); the stored form is
/// <c>enc1:</c> + base64(nonce ‖ tag ‖ ciphertext). The EF model is built once per process, so the key is
/// process-wide: set once at start-up.</summary>
public static class PersonalData
{
    const string Prefix = "enc1:";
    static byte[]? _key;

    public static void Configure(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
            throw new InvalidOperationException("Pcmd:PersonalDataKey is not configured (base64 of 32 random bytes).");
        var key = Convert.FromBase64String(base64Key);
        if (key.Length != 32) throw new InvalidOperationException("Pcmd:PersonalDataKey must be 32 bytes (base64).");
        if (_key is not null && !_key.AsSpan().SequenceEqual(key))
            throw new InvalidOperationException("Pcmd:PersonalDataKey cannot change while the process runs.");
        _key = key;
    }

    static byte[] Key => _key ?? throw new InvalidOperationException("PersonalData.Configure was not called.");

    /// <summary>A key for another purpose (e.g. keyed hashes), derived from the personal-data key so that no second secret must
    /// be kept, and unrelated to it (HKDF with the purpose as its info).</summary>
    public static byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Key, 32, info: Encoding.UTF8.GetBytes(purpose));

    // One cipher per thread: creating an AesGcm costs more than encrypting a name, and imports encrypt
    // hundreds of thousands of them. The key never changes within a process (see Configure).
    [ThreadStatic] static AesGcm? _aes;
    static AesGcm Aes => _aes ??= new AesGcm(Key, 16);

    public static string? Encrypt(string? plain)
    {
        if (plain is null) return null;
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + data.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        Aes.Encrypt(nonce, data, output.AsSpan(28), output.AsSpan(12, 16));
        return Prefix + Convert.ToBase64String(output);
    }

    public static string? Decrypt(string? stored)
    {
        if (stored is null) return null;
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored; // written before encryption existed
        var bytes = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[bytes.Length - 28];
        Aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public static readonly ValueConverter<string?, string?> Converter = new(v => Encrypt(v), v => Decrypt(v));
}
