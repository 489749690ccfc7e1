using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

/// <summary>A photo of the signed biên bản, taken with the phone at the end of the inspection (issue 15, item 2). Stored in
/// the database like a report's attachments, without the photo's metadata.</summary>
[Data.CountedInItsUnit]
public class InspectionPhoto
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public sealed record InspectionPhotoRow(int Id, string FileName, long Size, DateTime UploadedAt);

public sealed class InspectionPhotoConfiguration : IEntityTypeConfiguration<InspectionPhoto>
{
    public void Configure(EntityTypeBuilder<InspectionPhoto> b)
    {
        b.ToTable("inspection_photos");
        b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(120).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.InspectionId);
        b.HasOne<Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Photos of an inspection's biên bản: JPEG or PNG only (checked by extension and first bytes), at most
/// <see cref="MaxBytes"/> each and <see cref="MaxFiles"/> per inspection, read and written within the inspection's unit.</summary>
public sealed class InspectionPhotos(PcmdDbContext db, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    static readonly UploadRules Rules = new(UploadKind.Photos, MaxBytes)
    {
        WrongName = "Ảnh biên bản phải là tệp ảnh .jpg hoặc .png.", TooLargeText = "Ảnh lớn hơn 10 MB.", Empty = "Tệp ảnh rỗng.",
        WrongContent = "Nội dung tệp không phải là ảnh .jpg hoặc .png.",
    };

    /// <summary>A checked photo, ready to be attached: its metadata removed.</summary>
    public sealed record Checked(string FileName, string ContentType, byte[] Content);

    /// <summary>Reads and checks an upload before anything is saved, so that a refused photo refuses the whole record.</summary>
    public static async Task<Checked> Check(string fileName, Stream content, long? length, string path, CancellationToken ct)
    {
        var c = await UploadCheck.Check(fileName, content, length, Rules, path, ct);
        return new Checked(c.FileName, c.ContentType, c.Content);
    }

    /// <summary>Whether the user may add a photo, asked before the upload is read: a refusal must not depend on what was sent.</summary>
    public async Task CheckWriter(UserScope scope, int inspectionId, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        if (!scope.CanWriteUnit(await Unit(scope, inspectionId, ct))) throw new ForbiddenException("Lần kiểm tra này thuộc địa bàn bạn chỉ được xem.");
    }

    public async Task<InspectionPhotoRow> Add(UserScope scope, int inspectionId, Checked photo, CancellationToken ct = default)
    {
        await CheckWriter(scope, inspectionId, ct);
        if (await db.InspectionPhotos.CountAsync(p => p.InspectionId == inspectionId, ct) >= MaxFiles)
            throw ValidationException.One("photo", $"Mỗi lần kiểm tra đính kèm tối đa {MaxFiles} ảnh.");
        var p = new InspectionPhoto
        {
            InspectionId = inspectionId, FileName = photo.FileName, ContentType = photo.ContentType, Size = photo.Content.Length,
            Content = photo.Content, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = scope.UserName,
        };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return new InspectionPhotoRow(p.Id, p.FileName, p.Size, p.UploadedAt);
    }

    public async Task<List<InspectionPhotoRow>> List(UserScope scope, int inspectionId, CancellationToken ct = default)
    {
        await Unit(scope, inspectionId, ct);
        return await db.InspectionPhotos.AsNoTracking().Where(p => p.InspectionId == inspectionId).OrderBy(p => p.Id)
            .Select(p => new InspectionPhotoRow(p.Id, p.FileName, p.Size, p.UploadedAt)).ToListAsync(ct);
    }

    public async Task<InspectionPhoto> Get(UserScope scope, int inspectionId, int photoId, CancellationToken ct = default)
    {
        await Unit(scope, inspectionId, ct);
        return await db.InspectionPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.InspectionId == inspectionId, ct)
            ?? throw new NotFoundException();
    }

    async Task<int> Unit(UserScope scope, int inspectionId, CancellationToken ct)
    {
        var unit = await db.Inspections.Where(i => i.Id == inspectionId).Select(i => (int?)i.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unit is null || !scope.CanReadUnit(unit.Value)) throw new NotFoundException(InspectionService.NotFoundText);
        return unit.Value;
    }
}
