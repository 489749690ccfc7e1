using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Pcmd.Web.Security;

/// <summary>The data-protection keys (which sign the sign-in cookie and the antiforgery tokens) are kept in the database
/// so that every node and every restart shares them; a copy of the database must still not let anyone forge a cookie. So
/// each key's XML is encrypted with AES-256-GCM under a key from configuration (<c>Pcmd:KeyEncryptionKey</c>, base64 of 32
/// bytes), never stored in the database. The stored element is
/// <c>&lt;encryptedKey alg="A256GCM" kid="…"&gt;base64(nonce ‖ tag ‖ ciphertext)&lt;/encryptedKey&gt;</c>; the kid (the
/// first bytes of the key's SHA-256) tells a wrong configured key from a damaged row.</summary>
public sealed class KeyEncryptionKey
{
    public const string Setting = "Pcmd:KeyEncryptionKey";
    readonly byte[] _key;

    public KeyEncryptionKey(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
            throw new InvalidOperationException($"{Setting} is not configured (base64 of 32 random bytes): it encrypts the sign-in keys stored in the database.");
        byte[] key;
        try { key = Convert.FromBase64String(base64Key); }
        catch (FormatException) { throw new InvalidOperationException($"{Setting} must be base64 of 32 bytes."); }
        if (key.Length != 32) throw new InvalidOperationException($"{Setting} must be 32 bytes (base64).");
        _key = key;
        KeyId = Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 4)).ToLowerInvariant();
    }

    public string KeyId { get; }

    internal XElement Encrypt(XElement plain)
    {
        var data = Encoding.UTF8.GetBytes(plain.ToString(SaveOptions.DisableFormatting));
        var output = new byte[12 + 16 + data.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(output.AsSpan(0, 12), data, output.AsSpan(28), output.AsSpan(12, 16), Encoding.ASCII.GetBytes(KeyId));
        return new XElement("encryptedKey", new XAttribute("alg", "A256GCM"), new XAttribute("kid", KeyId), Convert.ToBase64String(output));
    }

    internal XElement Decrypt(XElement encrypted)
    {
        var kid = (string?)encrypted.Attribute("kid");
        if (kid != KeyId)
            throw new CryptographicException($"A data-protection key was encrypted with another {Setting} (kid {kid}, configured {KeyId}).");
        var bytes = Convert.FromBase64String(encrypted.Value);
        var plain = new byte[bytes.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes(KeyId));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

public sealed class KeyXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(key.Encrypt(plaintextElement), typeof(KeyXmlDecryptor));
}

/// <summary>Created by the data-protection system from the type named in the stored XML, with the app's services.</summary>
public sealed class KeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => services.GetRequiredService<KeyEncryptionKey>().Decrypt(encryptedElement);
}
