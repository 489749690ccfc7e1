using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>An import job as the database keeps it, so that any node runs it, any node shows its progress and result, and a
/// restart forgets nothing: the uploaded file (until the job ends; at most <see cref="ImportJobs.MaxFileBytes"/>), the state,
/// the phase and counts written about once a second while it runs (<see cref="HeartbeatAt"/>: a running job whose node died
/// stops beating and is marked failed), and the result as JSON. Not audited: the import itself is (its own record, or a failed
/// import event), and the job's progress is not a change of the records.</summary>
public class ImportJobRecord : INotAudited
{
    public const int UserNameLength = 256, FileNameLength = 260, PhaseLength = 20;

    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string FileName { get; set; } = "";
    public ImportMode Mode { get; set; }
    /// <summary>What the file holds, so that the worker hands it to the right <see cref="ISpreadsheetImport"/>.</summary>
    public ImportKind Kind { get; set; }
    public ImportJobState State { get; set; }
    public string Phase { get; set; } = "queued";
    public int Processed { get; set; }
    public int Total { get; set; }
    public string? Message { get; set; }
    /// <summary>The <see cref="ImportResult"/> as JSON, once finished.</summary>
    public string? ResultJson { get; set; }
    /// <summary>The uploaded .xlsx; removed when the job ends.</summary>
    public byte[]? File { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

public sealed class ImportJobRecordConfiguration : IEntityTypeConfiguration<ImportJobRecord>
{
    public void Configure(EntityTypeBuilder<ImportJobRecord> b)
    {
        b.ToTable("import_jobs");
        b.Property(x => x.UserName).HasMaxLength(ImportJobRecord.UserNameLength).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(ImportJobRecord.FileNameLength).IsRequired();
        b.Property(x => x.Phase).HasMaxLength(ImportJobRecord.PhaseLength).IsRequired();
        // The workers take the oldest queued job; a running job's heartbeat is checked.
        b.HasIndex(x => new { x.State, x.CreatedAt });
    }
}
