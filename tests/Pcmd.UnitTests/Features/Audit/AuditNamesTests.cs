using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;

namespace Pcmd.UnitTests.Features.Audit;

/// <summary>Issue 15 item 8: the audit log names every kind of record and every field it records in words (both
/// languages), so a new entity or column cannot reach the log as a code name.</summary>
public class AuditNamesTests
{
    static HashSet<string> Keys() => Rows().Keys.ToHashSet();

    static Dictionary<string, string[]> Rows()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "package.json"))) dir = dir.Parent;
        var tsv = Path.Combine(dir!.FullName, "src", "Pcmd.Web", "Resources", "strings.tsv");
        return File.ReadLines(tsv).Where(l => !l.StartsWith('#') && l.Contains('\t'))
            .Select(l => l.Split('\t')).Where(c => c.Length >= 3 && c[1].Length > 0 && c[2].Length > 0).ToDictionary(c => c[0]);
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

    /// <summary>Enum values are recorded by their C# names ("UnderManagement"); each is shown in words, and words without
    /// a placeholder (a label such as "{0} %" would show its braces).</summary>
    [Fact]
    public void Every_audited_enum_value_has_words_in_both_languages()
    {
        using var db = new PcmdDbContext(new DbContextOptionsBuilder<PcmdDbContext>().UseSqlite("Data Source=:memory:").Options);
        var rows = Rows();
        var fields = AuditEnumLabels.EnumFields(db.Model);
        Assert.Contains(fields, f => f.Key == ("Establishment", "Status"));
        var keys = fields.Values.Distinct().SelectMany(t => Enum.GetNames(t).Select(v => AuditEnumLabels.Key(t, v))).Distinct().Order().ToList();
        var missing = keys.Where(k => !rows.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Add to strings.tsv (Vietnamese and English), or map the enum in AuditEnumLabels: " + string.Join(", ", missing));
        var placeholders = keys.Where(k => rows[k][1].Contains('{') || rows[k][2].Contains('{')).ToList();
        Assert.True(placeholders.Count == 0, "labels with a placeholder: " + string.Join(", ", placeholders));
        Assert.Equal("Đang quản lý", rows[AuditEnumLabels.Key(typeof(Pcmd.Web.Features.Establishments.ManagementStatus), "UnderManagement")][1]);
    }
}
