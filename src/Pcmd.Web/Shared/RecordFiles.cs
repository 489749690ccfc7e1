using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>A file kept with a versioned record (a communication event's photos, a unit document's signed scan). A row, like an
/// inspection's photos and a report's attachments, so that any node serves it; the audit trail leaves out its content.</summary>
public abstract class RecordFile
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }

    /// <summary>The table of one record kind's files; they go with their record.</summary>
    public static void Configure<TFile, TRecord>(EntityTypeBuilder<TFile> b, string table) where TFile : RecordFile where TRecord : class
    {
        b.ToTable(table);
        b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(120).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.RecordId);
        b.HasOne<TRecord>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>The download: Content-Disposition attachment with the stored (safe) name; nosniff is on every answer.</summary>
    public FileContentHttpResult Download() => TypedResults.File(Content, ContentType, FileName);
}

public sealed record FileRow(int Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedBy);

/// <summary>The files an upload added and the record's new version (an upload changes the record).</summary>
public sealed record FilesSaved(List<FileRow> Files, int Version);

public sealed record FileDeleted(int Version);

/// <summary>What one record kind takes: each file's check, how many files a record keeps, and the Vietnamese "too many".</summary>
public sealed record AttachRules(UploadRules Upload, int MaxFiles, string TooMany);

/// <summary>Adds, lists, serves and deletes the files of records whose scope the calling feature has already checked: the
/// feature loads the record (404 out of reach, 403 read-only) and hands it here. An upload or a delete is a change of the
/// record: it expects the version the user saw (409 when stale) and moves it, in the one save that writes the files, so
/// that a refused file, a stale version or too many files save nothing.</summary>
public sealed class RecordFileStore(PcmdDbContext db, TimeProvider clock, IOptions<ArchiveLimits> limits)
{
    public async Task<FilesSaved> Add<TFile>(IVersioned record, int recordId, int version, IReadOnlyList<IFormFile> files, AttachRules rules,
        string? user, CancellationToken ct) where TFile : RecordFile, new()
    {
        db.Expect(record, version);
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count == 0) throw ValidationException.One("file", "Hãy chọn tệp để đính kèm.");
        if (await db.Set<TFile>().CountAsync(f => f.RecordId == recordId, ct) + chosen.Count > rules.MaxFiles)
            throw ValidationException.One("file", rules.TooMany);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<TFile>();
        foreach (var f in chosen)
        {
            await using var content = f.OpenReadStream();
            var c = await UploadCheck.Check(f.FileName, content, f.Length, rules.Upload, "file", ct, limits.Value,
                prefix: chosen.Count > 1 ? SafeFileName.Of(f.FileName) + ": " : "");
            added.Add(new TFile
            {
                RecordId = recordId, FileName = c.FileName, ContentType = c.ContentType, Size = c.Content.Length, Content = c.Content,
                UploadedAt = now, UploadedBy = user,
            });
        }
        db.AddRange(added);
        await db.SaveVersioned(ct);
        return new FilesSaved(added.Select(Row).ToList(), record.Version);
    }

    public Task<List<FileRow>> List<TFile>(int recordId, CancellationToken ct) where TFile : RecordFile =>
        db.Set<TFile>().AsNoTracking().Where(f => f.RecordId == recordId).OrderBy(f => f.Id)
            .Select(f => new FileRow(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt, f.UploadedBy)).ToListAsync(ct);

    public async Task<TFile> Get<TFile>(int recordId, int fileId, CancellationToken ct) where TFile : RecordFile =>
        await db.Set<TFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.RecordId == recordId, ct) ?? throw new NotFoundException();

    public async Task<int> Delete<TFile>(IVersioned record, int recordId, int fileId, int version, CancellationToken ct) where TFile : RecordFile
    {
        db.Expect(record, version);
        var f = await db.Set<TFile>().FirstOrDefaultAsync(x => x.Id == fileId && x.RecordId == recordId, ct) ?? throw new NotFoundException();
        db.Remove(f);
        await db.SaveVersioned(ct);
        return record.Version;
    }

    static FileRow Row(RecordFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt, f.UploadedBy);
}

/// <summary>A record kind's files as the API and the pages use them.</summary>
public interface IRecordFiles
{
    AttachRules Rules { get; }
    Task<List<FileRow>> List(UserScope scope, int id, CancellationToken ct = default);
    /// <summary>Asked before an upload is read: a refusal must not depend on what was sent.</summary>
    Task CheckWriter(UserScope scope, int id, CancellationToken ct = default);
    Task<FilesSaved> Add(UserScope scope, int id, int version, IReadOnlyList<IFormFile> files, CancellationToken ct = default);
    Task<RecordFile> Get(UserScope scope, int id, int fileId, CancellationToken ct = default);
    Task<int> Delete(UserScope scope, int id, int fileId, int version, CancellationToken ct = default);
}

/// <summary>The files of one record kind under the record's own scope: whoever reads the record reads its files (others get
/// 404), whoever may edit it adds and deletes them. The feature says how its record is read and loaded for a write.</summary>
public abstract class RecordFiles<TFile>(RecordFileStore store, AttachRules rules) : IRecordFiles where TFile : RecordFile, new()
{
    public AttachRules Rules => rules;
    /// <summary>404 (audited) unless the user may read the record.</summary>
    protected abstract Task EnsureReadable(UserScope scope, int id, CancellationToken ct);
    /// <summary>The record, tracked: 404 out of reach, 403 when the user may only read it.</summary>
    protected abstract Task<IVersioned> LoadWritable(UserScope scope, int id, CancellationToken ct);

    public async Task<List<FileRow>> List(UserScope scope, int id, CancellationToken ct = default)
    {
        await EnsureReadable(scope, id, ct);
        return await store.List<TFile>(id, ct);
    }

    public Task CheckWriter(UserScope scope, int id, CancellationToken ct = default) => LoadWritable(scope, id, ct);

    public async Task<FilesSaved> Add(UserScope scope, int id, int version, IReadOnlyList<IFormFile> files, CancellationToken ct = default) =>
        await store.Add<TFile>(await LoadWritable(scope, id, ct), id, version, files, rules, scope.UserName, ct);

    public async Task<RecordFile> Get(UserScope scope, int id, int fileId, CancellationToken ct = default)
    {
        await EnsureReadable(scope, id, ct);
        return await store.Get<TFile>(id, fileId, ct);
    }

    public async Task<int> Delete(UserScope scope, int id, int fileId, int version, CancellationToken ct = default) =>
        await store.Delete<TFile>(await LoadWritable(scope, id, ct), id, fileId, version, ct);
}
