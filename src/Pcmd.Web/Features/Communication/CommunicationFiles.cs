using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication;

/// <summary>A photo or a file of a communication event (issue 13, item 1): the officer's phone photo of the meeting, the
/// leaflet as a PDF, the attendance sheet.</summary>
[Data.CountedInItsUnit]
public class CommunicationFile : RecordFile;

public sealed class CommunicationFileConfiguration : IEntityTypeConfiguration<CommunicationFile>
{
    public void Configure(EntityTypeBuilder<CommunicationFile> b) => RecordFile.Configure<CommunicationFile, CommunicationEvent>(b, "communication_event_files");
}

/// <summary>The files of an event, read by whoever reads the event, added and deleted by whoever may edit it.</summary>
public sealed class CommunicationFiles(CommunicationService events, RecordFileStore store) : RecordFiles<CommunicationFile>(store, Attach)
{
    public const int MaxFiles = 5;

    public static readonly AttachRules Attach = new(
        new UploadRules([UploadKind.Jpeg, UploadKind.Png, UploadKind.Pdf, UploadKind.Docx, UploadKind.Xlsx], 10 * 1024 * 1024)
        {
            WrongName = "Chỉ nhận ảnh (.jpg, .png) hoặc tệp PDF, Word (.docx), Excel (.xlsx).",
        },
        MaxFiles, $"Mỗi hoạt động truyền thông đính kèm tối đa {MaxFiles} ảnh, tệp.");

    protected override Task EnsureReadable(UserScope scope, int id, CancellationToken ct) => events.EnsureReadable(scope, id, ct);

    protected override async Task<IVersioned> LoadWritable(UserScope scope, int id, CancellationToken ct) => await events.Load(scope, id, ct);
}
