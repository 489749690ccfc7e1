using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;

namespace Pcmd.UnitTests.Features.Audit;

/// <summary>Issue 15 item 8: the audit log names every kind of record and every field it records in words (both
/// languages), so a new entity or column cannot reach the log as a code name.</summary>
public class AuditNamesTests
{
    static HashSet<string> Keys()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "package.json"))) dir = dir.Parent;
        var tsv = Path.Combine(dir!.FullName, "src", "Pcmd.Web", "Resources", "strings.tsv");
        return File.ReadLines(tsv).Where(l => !l.StartsWith('#') && l.Contains('\t'))
            .Select(l => l.Split('\t')).Where(c => c.Length >= 3 && c[1].Length > 0 && c[2].Length > 0).Select(c => c[0]).ToHashSet();
    }

    [Fact]
    public void Every_audited_entity_and_field_has_a_name_in_both_languages()
    {
        using var db = new PcmdDbContext(new DbContextOptionsBuilder<PcmdDbContext>().UseSqlite("Data Source=:memory:").Options);
        var keys = Keys();
        var audited = db.Model.GetEntityTypes().Where(t => t.ClrType.Namespace?.StartsWith("Pcmd.Web.Features", StringComparison.Ordinal) == true
            && !typeof(INotAudited).IsAssignableFrom(t.ClrType) && t.ClrType != typeof(AuditEntry)).ToList();
        Assert.NotEmpty(audited);
        var missing = audited.Select(t => "AuditEntity." + t.ClrType.Name)
            .Concat(audited.SelectMany(t => t.GetProperties()).Select(p => "AuditField." + p.Name))
            .Distinct().Where(k => !keys.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Add to strings.tsv (Vietnamese and English): " + string.Join(", ", missing));
    }
}
