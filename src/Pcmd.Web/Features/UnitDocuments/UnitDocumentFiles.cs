using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.UnitDocuments;

/// <summary>The issued document itself (issue 13, item 3: "số, ngày, người ký, trích yếu, tệp"): the signed scan as PDF or a
/// photo, or the .docx it was drafted in.</summary>
public class UnitDocumentFile : RecordFile;

public sealed class UnitDocumentFileConfiguration : IEntityTypeConfiguration<UnitDocumentFile>
{
    public void Configure(EntityTypeBuilder<UnitDocumentFile> b) => RecordFile.Configure<UnitDocumentFile, UnitDocument>(b, "unit_document_files");
}

/// <summary>The files of a document, read by whoever reads the document, added and deleted by whoever may edit it. One or a
/// few: the signed document, perhaps its appendix.</summary>
public sealed class UnitDocumentFiles(UnitDocumentService documents, RecordFileStore store) : RecordFiles<UnitDocumentFile>(store, Attach)
{
    public const int MaxFiles = 3;

    public static readonly AttachRules Attach = new(
        new UploadRules([UploadKind.Pdf, UploadKind.Docx, UploadKind.Jpeg, UploadKind.Png], 10 * 1024 * 1024)
        {
            WrongName = "Văn bản đính kèm phải là tệp PDF, Word (.docx) hoặc ảnh (.jpg, .png).",
        },
        MaxFiles, $"Mỗi văn bản đính kèm tối đa {MaxFiles} tệp.");

    protected override Task EnsureReadable(UserScope scope, int id, CancellationToken ct) => documents.EnsureReadable(scope, id, ct);

    protected override async Task<IVersioned> LoadWritable(UserScope scope, int id, CancellationToken ct) => await documents.Load(scope, id, ct);
}
