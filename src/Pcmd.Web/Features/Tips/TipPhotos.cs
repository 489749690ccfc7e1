using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>A photo a citizen attached to a portal report (issue 11, item 1). Kept as a row like an inspection's photos, so
/// that any node serves it. No upload time (the tip's hour is the only clock of the public side) and no file name from the
/// phone (it may carry a name or a device's numbering).</summary>
[Data.CountedInItsUnit]
public class TipPhoto
{
    public int Id { get; set; }
    public int TipId { get; set; }
    public Tip? Tip { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public byte[] Content { get; set; } = [];
    /// <summary>The reporter ticked that the photo keeps its metadata (the position where it was taken).</summary>
    public bool LocationKept { get; set; }
    /// <summary>Marked by the intake officer as showing who the reporter is: then it is part of the source, not the substance.</summary>
    public bool Identifying { get; set; }
}

public sealed record TipPhotoRow(int Id, string FileName, string ContentType, long Size, int Width, int Height, bool LocationKept, bool Identifying);

/// <summary>The photos of a tip the user may see, and how many others are withheld as identifying the reporter.</summary>
public sealed record TipPhotoList(List<TipPhotoRow> Photos, int Withheld, bool CanMark);

public sealed record TipPhotoMark(bool Identifying);

public sealed class TipPhotoConfiguration : IEntityTypeConfiguration<TipPhoto>
{
    public void Configure(EntityTypeBuilder<TipPhoto> b)
    {
        b.ToTable("tip_photos");
        b.Property(x => x.FileName).HasMaxLength(40).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(20).IsRequired();
        b.HasIndex(x => x.TipId);
        b.HasOne(x => x.Tip).WithMany().HasForeignKey(x => x.TipId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Photos of tips: checked before anything is saved (type by the first bytes, size, declared dimensions), metadata
/// removed unless the reporter keeps it; read with the tip's access rules (docs/decisions.md, "Merged from docs/decisions-tips2.md"): a photo is substance,
/// seen by whoever sees the tip, unless the intake officer marks it identifying, which makes it part of the source.</summary>
public sealed class TipPhotos(PcmdDbContext db, TimeProvider clock, AuditTrail audit)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxFiles = 3;
    /// <summary>A phone of 2026 takes 12–50 megapixels; more, or a side past 10,000 pixels, is a picture no phone took.</summary>
    public const int MaxSide = 10_000;
    public const long MaxPixels = 50_000_000;

    /// <summary>The type is what the bytes are, not what the name says: a PNG named .jpg is a PNG; a program named .jpg is refused.</summary>
    static readonly UploadRules Rules = new(UploadKind.Photos, MaxBytes)
    {
        ByContentOnly = true, Fragments = true, MaxSide = MaxSide, MaxPixels = MaxPixels, WrongContent = "Tệp không phải là ảnh JPEG hoặc PNG.",
    };

    public sealed record Checked(string ContentType, byte[] Content, int Width, int Height, bool LocationKept);

    /// <summary>Every photo of a report, checked before the report is saved: too many, too large, not an image or too big a
    /// picture refuses the whole report (nothing half-saved).</summary>
    public static async Task<List<Checked>> CheckAll(IReadOnlyList<IFormFile> files, bool keepLocation, string path, CancellationToken ct)
    {
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > MaxFiles) throw ValidationException.One(path, $"Chỉ được gửi tối đa {MaxFiles} ảnh.");
        var result = new List<Checked>();
        for (var i = 0; i < chosen.Count; i++)
        {
            await using var content = chosen[i].OpenReadStream();
            var c = await UploadCheck.Check(null, content, chosen[i].Length, Rules, path, ct, keepMetadata: keepLocation,
                prefix: chosen.Count > 1 ? $"Ảnh thứ {i + 1}: " : "");
            result.Add(new Checked(c.ContentType, c.Content, c.Width, c.Height, keepLocation));
        }
        return result;
    }

    /// <summary>The photos as rows of a new tip, saved with it in one SaveChanges.</summary>
    public static void Attach(PcmdDbContext target, Tip tip, IReadOnlyList<Checked> photos)
    {
        for (var i = 0; i < photos.Count; i++)
        {
            var p = photos[i];
            target.Add(new TipPhoto
            {
                Tip = tip, FileName = $"anh-{i + 1}.{(p.ContentType == "image/png" ? "png" : "jpg")}", ContentType = p.ContentType,
                Size = p.Content.Length, Width = p.Width, Height = p.Height, Content = p.Content, LocationKept = p.LocationKept,
            });
        }
    }

    public async Task<TipPhotoList> List(UserScope scope, int tipId, CancellationToken ct = default)
    {
        var tip = await Readable(scope, tipId, ct);
        var source = TipAccess.CanReadSource(scope, tip);
        var rows = await db.Set<TipPhoto>().AsNoTracking().Where(p => p.TipId == tipId).OrderBy(p => p.Id)
            .Select(p => new TipPhotoRow(p.Id, p.FileName, p.ContentType, p.Size, p.Width, p.Height, p.LocationKept, p.Identifying)).ToListAsync(ct);
        var visible = rows.Where(r => source || !r.Identifying).ToList();
        return new TipPhotoList(visible, rows.Count - visible.Count, source);
    }

    /// <summary>One photo's bytes. An identifying one is the source: only the intake officers of the receiving unit see it,
    /// and each view is recorded on the tip and in the audit trail like a read of the source.</summary>
    public async Task<TipPhoto> Get(UserScope scope, int tipId, int photoId, CancellationToken ct = default)
    {
        var tip = await Readable(scope, tipId, ct);
        var p = await db.Set<TipPhoto>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == photoId && x.TipId == tipId, ct)
            ?? throw new NotFoundException();
        if (!p.Identifying) return p;
        if (!TipAccess.CanReadSource(scope, tip)) throw audit.Denied(nameof(TipPhoto), photoId, new NotFoundException());
        db.TipSourceReads.Add(new TipSourceRead { TipId = tipId, UserName = scope.UserName ?? "", At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        audit.RecordRead(nameof(TipPhoto), photoId);
        return p;
    }

    /// <summary>The intake officer marks a photo as showing the reporter (a face, a home's window) or clears the mark.</summary>
    public async Task<TipPhotoRow> Mark(UserScope scope, int tipId, int photoId, TipPhotoMark mark, CancellationToken ct = default)
    {
        var tip = await Readable(scope, tipId, ct);
        if (!TipAccess.CanReadSource(scope, tip))
            throw audit.Denied(nameof(TipPhoto), photoId, new ForbiddenException("Chỉ cán bộ tiếp nhận của đơn vị đã nhận tin được đánh dấu ảnh nhận diện người báo tin."));
        var p = await db.Set<TipPhoto>().FirstOrDefaultAsync(x => x.Id == photoId && x.TipId == tipId, ct) ?? throw new NotFoundException();
        p.Identifying = mark.Identifying;
        await db.SaveChangesAsync(ct);
        return new TipPhotoRow(p.Id, p.FileName, p.ContentType, p.Size, p.Width, p.Height, p.LocationKept, p.Identifying);
    }

    async Task<Tip> Readable(UserScope scope, int tipId, CancellationToken ct)
    {
        var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tipId, ct) ?? throw new NotFoundException();
        if (!TipAccess.CanRead(scope, tip)) throw audit.Denied(nameof(Tip), tipId, new NotFoundException());
        return tip;
    }
}
