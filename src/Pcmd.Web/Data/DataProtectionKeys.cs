using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Security;

namespace Pcmd.Web.Data;

/// <summary>A data-protection key (cookies, antiforgery) kept in the database, so that every application
/// node and every restart reads the same keys and signed-in users stay signed in.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

public sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    static readonly XName RequiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");

    /// <summary>Keys stored before they were encrypted (their secret in clear under <c>requiresEncryption="true"</c>) are
    /// encrypted in place, as the data-protection system would have written them: the signed-in users stay signed in and no
    /// secret stays readable in the database.</summary>
    public static async Task<int> EncryptStoredKeys(PcmdDbContext db, KeyEncryptionKey kek)
    {
        var changed = 0;
        foreach (var row in await db.DataProtectionKeys.Where(k => k.Xml.Contains("requiresEncryption")).ToListAsync())
        {
            var xml = XElement.Parse(row.Xml);
            var plain = xml.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            foreach (var secret in plain)
                secret.ReplaceWith(new XElement("encryptedSecret", new XAttribute("decryptorType", typeof(KeyXmlDecryptor).AssemblyQualifiedName!),
                    new KeyXmlEncryptor(kek).Encrypt(secret).EncryptedElement));
            if (plain.Count == 0) continue;
            row.Xml = xml.ToString(SaveOptions.DisableFormatting);
            changed++;
        }
        await db.SaveChangesAsync();
        return changed;
    }

    /// <summary>Keys in the database, encrypted under <see cref="KeyEncryptionKey"/> (required: start-up fails without it).</summary>
    public static void AddTo(IServiceCollection services, IConfiguration config)
    {
        var kek = new KeyEncryptionKey(config[KeyEncryptionKey.Setting]);
        services.AddSingleton(kek);
        services.AddDataProtection().SetApplicationName("pcmd");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, sf) =>
        {
            o.XmlRepository = new DbXmlRepository(sf);
            o.XmlEncryptor = new KeyXmlEncryptor(kek);
        });
    }
}
