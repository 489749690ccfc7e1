using Microsoft.EntityFrameworkCore;

namespace Pcmd.Web.Data;

/// <summary><c>dotnet run -- --print-schema sqlite|postgres</c> prints the CREATE script of the
/// current model: the starting point for a new versioned script in db/ (dotnet ef cannot run here).</summary>
public static class SchemaScript
{
    public static void Print(WebApplicationBuilder builder, string[] args)
    {
        var provider = args.Contains("postgres") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        Security.PersonalData.Configure(Convert.ToBase64String(new byte[32]));
        var options = new DbContextOptionsBuilder<PcmdDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:");
        using var db = new PcmdDbContext(options.Options);
        Console.WriteLine(db.Database.GenerateCreateScript());
    }
}
