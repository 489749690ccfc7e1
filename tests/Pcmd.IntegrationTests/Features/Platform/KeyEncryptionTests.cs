using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Users;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>The keys that sign the sign-in cookie are in the database, encrypted under a key that is only in configuration.</summary>
public abstract class KeyEncryptionTests(PcmdApp app)
{
    [Fact]
    public async Task The_stored_keys_hold_no_secret_in_clear_and_a_restarted_app_still_reads_the_cookies()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.PostAsync("/api/v1/auth/login", new StringContent(
            $"{{\"userName\":\"lanhdao\",\"password\":\"{PcmdApp.Password}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = SessionTests.CookieOf(login);

        using (var scope = app.Services.CreateScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, xml =>
            {
                Assert.DoesNotContain("<masterKey", xml);
                Assert.Contains("<encryptedSecret", xml);
            });
        }

        // Another host on the same database reads the key ring afresh, as the app does after a restart.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        Assert.Equal(HttpStatusCode.OK, (await SessionTests.WithCookie(restarted, cookie).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Without_the_key_encryption_key_the_app_does_not_start()
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting(KeyEncryptionKey.Setting, ""));
        var error = Assert.ThrowsAny<Exception>(() => host.Services);
        Assert.Contains("Pcmd:KeyEncryptionKey is not configured", error.ToString());
    }

    [Fact]
    public async Task A_key_stored_in_clear_before_the_upgrade_is_encrypted_in_place()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(); // rolled back: the shared key ring is not touched
        var row = new DataProtectionKey
        {
            FriendlyName = "key-plain-test",
            Xml = """<key id="00000000-0000-0000-0000-000000000001" version="1"><descriptor><descriptor><masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection"><value>c2VjcmV0LWtleQ==</value></masterKey></descriptor></descriptor></key>""",
        };
        db.DataProtectionKeys.Add(row);
        await db.SaveChangesAsync();

        Assert.Equal(1, await DbXmlRepository.EncryptStoredKeys(db, scope.ServiceProvider.GetRequiredService<KeyEncryptionKey>()));
        var stored = await db.DataProtectionKeys.AsNoTracking().Where(k => k.Id == row.Id).Select(k => k.Xml).SingleAsync();
        Assert.DoesNotContain("c2VjcmV0LWtleQ==", stored);
        var secret = XElement.Parse(stored).Descendants("encryptedSecret").Single();
        Assert.Equal(typeof(KeyXmlDecryptor).AssemblyQualifiedName, (string?)secret.Attribute("decryptorType"));
        var decrypted = new KeyXmlDecryptor(app.Services).Decrypt(secret.Elements().Single());
        Assert.Equal("c2VjcmV0LWtleQ==", decrypted.Element("value")!.Value);
        await tx.RollbackAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KeyEncryptionTestsOnSqlite(SqliteApp app) : KeyEncryptionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class KeyEncryptionTestsOnPostgres(PostgresApp app) : KeyEncryptionTests(app);
