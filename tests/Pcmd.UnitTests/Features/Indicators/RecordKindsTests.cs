using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>A cached figure is dropped when a register it reads is written (<see cref="FigureCache"/>): so every computation
/// must declare the registers it reads (<see cref="RecordKinds.Of"/>), and its SQL must read no table outside them — else a
/// new computation, or a new table read by an old one, would silently serve stale figures.</summary>
public sealed class RecordKindsTests
{
    static PcmdDbContext Context() => new(new DbContextOptionsBuilder<PcmdDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void Every_computation_declares_the_registers_it_reads()
    {
        var undeclared = Enum.GetValues<Computation>().Where(c => RecordKinds.Of(c).Length == 0).ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_table_a_computation_reads_belongs_to_a_register_it_declares()
    {
        using var db = Context();
        var tables = db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null)
            .Select(t => (Table: t.GetTableName()!, Kind: RecordKinds.OfEntity(t.ClrType))).ToList();
        var computations = new IndicatorComputations(db);
        var wrong = new List<string>();
        foreach (var c in Enum.GetValues<Computation>())
        {
            var declared = RecordKinds.Of(c);
            foreach (var area in new int?[] { null, 7 })
            {
                var sql = computations.Facts(c, area, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).ToQueryString();
                var read = tables.Where(t => sql.Contains($"\"{t.Table}\"")).ToList();
                foreach (var (table, kind) in read)
                    if (kind is not { } k || !declared.Contains(k)) wrong.Add($"{c} reads {table} ({kind?.ToString() ?? "no kind"})");
                // The check sees the tables: each declared register is read (the area's closure table for OrgUnits).
                foreach (var k in declared.Where(k => area is not null || k != RecordKind.OrgUnits))
                    if (!read.Any(t => t.Kind == k)) wrong.Add($"{c} declares {k} but reads none of its tables");
            }
        }
        Assert.Empty(wrong.Distinct());
    }

    [Fact]
    public void An_entity_s_kind_is_its_feature_folder()
    {
        Assert.Equal(RecordKind.Inspections, RecordKinds.OfEntity(typeof(Pcmd.Web.Features.Inspections.Sanction)));
        Assert.Equal(RecordKind.Establishments, RecordKinds.OfEntity(typeof(Pcmd.Web.Features.Establishments.Import.ImportJobRecord)));
        Assert.Equal(RecordKind.Tips, RecordKinds.OfEntity(typeof(Pcmd.Web.Features.Tips.TipStep)));
        Assert.Null(RecordKinds.OfEntity(typeof(Pcmd.Web.Features.Audit.AuditEntry)));
        Assert.Null(RecordKinds.OfEntity(typeof(Pcmd.Web.Features.Users.Sessions.UserSession)));
    }
}
