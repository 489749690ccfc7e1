using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>The exports (.xlsx and .csv, same filters as the list, every matching row in scope) and the import
/// template. All use the template's Vietnamese headers, so that an export can be imported back.</summary>
public sealed class EstablishmentFiles(EstablishmentQuery query, EstablishmentService service, AuditTrail audit)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static readonly double[] Widths = [32, 16, 40, 14, 11, 11, 24, 16, 22, 14, 12, 14, 24, 14, 14, 12, 14, 40];

    sealed record Row(string Name, string TypeCode, string Address, string UnitCode, double? Latitude, double? Longitude, string? OwnerName,
        string? OwnerPhone, string? LicenceNumber, DateOnly? LicenceDate, int WorkerCount, RiskClass RiskClass, ManagementStatus Status,
        DateOnly? ManagedFrom, DateOnly? ManagedTo, bool CommitmentSigned, DateOnly? CommitmentDate, string? Note);

    /// <summary>The rows in the list's order, read as they are written: one query whose rows EF hands over one at a time
    /// from the data reader (no tracking, no list), in one snapshot, so the file is the registry at one moment.</summary>
    async Task<IQueryable<Row>> Rows(UserScope scope, EstablishmentFilter filter, CancellationToken ct) =>
        query.Sort(await query.Build(scope, filter, ct), filter.Sort).Select(e => new Row(e.Name, e.Type!.Code, e.Address, e.OrgUnit!.Code,
            e.Latitude, e.Longitude, e.OwnerName, e.OwnerPhone, e.LicenceNumber, e.LicenceDate, e.WorkerCount, e.RiskClass, e.Status,
            e.ManagedFrom, e.ManagedTo, e.CommitmentSigned, e.CommitmentDate, e.Note));

    /// <summary>The cells of a row in the order of <see cref="ImportColumns.All"/>.</summary>
    static object?[] Cells(Row r) =>
    [
        r.Name, r.TypeCode, r.Address, r.UnitCode, r.Latitude, r.Longitude, r.OwnerName, r.OwnerPhone, r.LicenceNumber, r.LicenceDate,
        r.WorkerCount, EstablishmentLabels.Risk(r.RiskClass), EstablishmentLabels.Status(r.Status), r.ManagedFrom, r.ManagedTo,
        EstablishmentLabels.YesNo(r.CommitmentSigned), r.CommitmentDate, r.Note,
    ];

    /// <summary>Checks the filter and the scope now (an unknown unit or type is still a 4xx, before any byte is sent) and
    /// gives back what writes the .xlsx to the response body once it starts.</summary>
    public async Task<Func<Stream, Task>> Xlsx(UserScope scope, EstablishmentFilter filter, CancellationToken ct)
    {
        var rows = await Rows(scope, filter, ct);
        return output => WriteXlsx(rows, filter, output, ct);
    }

    /// <summary>As <see cref="Xlsx"/>, for the .csv.</summary>
    public async Task<Func<Stream, Task>> Csv(UserScope scope, EstablishmentFilter filter, CancellationToken ct)
    {
        var rows = await Rows(scope, filter, ct);
        return output => WriteCsv(rows, filter, output, ct);
    }

    async Task WriteXlsx(IQueryable<Row> rows, EstablishmentFilter filter, Stream output, CancellationToken ct)
    {
        var count = 0;
        try
        {
            await using var body = new ChunkedBody(output);
            using (var xlsx = new XlsxWriter(body))
            {
                var sheet = xlsx.AddSheet(ImportColumns.DataSheet, Widths);
                sheet.Row(ImportColumns.All.Select(c => c.Header), XlsxWriter.HeaderStyle);
                await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
                {
                    count++;
                    sheet.BeginRow();
                    foreach (var v in Cells(r))
                    {
                        switch (v)
                        {
                            case DateOnly d: sheet.Date(d); break;
                            case double n: sheet.Number(n); break;
                            case int i: sheet.Number(i); break;
                            default: sheet.Text(v as string); break;
                        }
                    }
                    sheet.EndRow();
                    await body.SendIfFull(ct);
                }
            }
            await body.Send(ct);
        }
        // Every row carries the owner's name and phone: the export is recorded with what was asked for and how many rows
        // went out, also when the download was cut (rows may have left already).
        finally { audit.RecordExport(nameof(Establishment), "xlsx", count, filter); }
    }

    /// <summary>UTF-8 with a byte-order mark, or Excel shows the Vietnamese letters as mojibake.</summary>
    async Task WriteCsv(IQueryable<Row> rows, EstablishmentFilter filter, Stream output, CancellationToken ct)
    {
        var count = 0;
        try
        {
            await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
            // A cell starting with = + - @, tab or CR is a formula to Excel (OWASP "CSV injection"): a name such as
            // =cmd|' /C calc'!A0 typed by anyone with write access would run on the reader's machine. Such cells get a
            // leading apostrophe, which Excel and LibreOffice show as text. The .xlsx export stores text as text already.
            await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
            foreach (var c in ImportColumns.All) csv.WriteField(c.Header);
            await csv.NextRecordAsync();
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                count++;
                foreach (var v in Cells(r))
                    csv.WriteField(v switch
                    {
                        DateOnly d => EstablishmentRules.Date(d),
                        double n => n.ToString("R", CultureInfo.InvariantCulture),
                        int i => i.ToString(CultureInfo.InvariantCulture),
                        _ => v as string ?? "",
                    });
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
        }
        finally { audit.RecordExport(nameof(Establishment), "csv", count, filter); }
    }

    static string Kind(ColumnKind k) => k switch
    {
        ColumnKind.Text => "Chữ",
        ColumnKind.Code => "Mã",
        ColumnKind.Number => "Số thập phân",
        ColumnKind.Integer => "Số nguyên",
        ColumnKind.Date => "Ngày (dd/MM/yyyy)",
        ColumnKind.Choice => "Một trong các giá trị",
        ColumnKind.YesNo => "Có / Không",
        _ => "",
    };

    /// <summary>The template: the data sheet with its headers, a guide, and the catalogue of type codes and of the
    /// commune codes the user may import into.</summary>
    public async Task<Func<Stream, Task>> Template(UserScope scope, CancellationToken ct)
    {
        var types = await service.Types(ct);
        var communes = await service.WritableCommunes(scope);
        return async output =>
        {
            await using var body = new ChunkedBody(output);
            WriteTemplate(types, communes, body);
            await body.Send(ct);
        };
    }

    static void WriteTemplate(List<EstablishmentTypeDto> types, List<OrgUnits.OrgUnitTree.Node> communes, Stream output)
    {
        using var xlsx = new XlsxWriter(output);
        using (var data = xlsx.AddSheet(ImportColumns.DataSheet, Widths))
            data.Row(ImportColumns.All.Select(c => c.Header), XlsxWriter.HeaderStyle);
        using (var guide = xlsx.AddSheet(ImportColumns.GuideSheet, [28, 10, 20, 22, 70]))
        {
            guide.Row(["Cột", "Bắt buộc", "Kiểu", "Ví dụ", "Ghi chú"], XlsxWriter.HeaderStyle);
            foreach (var c in ImportColumns.All) guide.Row([c.Header, c.Required ? "Có" : "Không", Kind(c.Kind), c.Example, c.Help]);
            guide.Row([]);
            guide.Row([$"Mỗi tệp tối đa {Shared.ViFormat.Number(ImportColumns.RowLimit)} dòng dữ liệu. Dòng 1 của sheet \"{ImportColumns.DataSheet}\" là dòng tiêu đề, giữ nguyên tên cột."]);
            guide.Row(["Chế độ \"tất cả hoặc không\": chỉ lưu khi mọi dòng hợp lệ. Chế độ \"bỏ qua dòng lỗi\": lưu các dòng hợp lệ và báo từng dòng lỗi."]);
        }
        using var catalogue = xlsx.AddSheet(ImportColumns.CatalogueSheet, [22, 45, 22]);
        catalogue.Row(["Mã loại hình", "Tên loại hình", "Nhóm"], XlsxWriter.HeaderStyle);
        foreach (var t in types.Where(t => t.IsActive)) catalogue.Row([t.Code, t.Name, EstablishmentLabels.Group(t.Group)]);
        catalogue.Row([]);
        catalogue.Row(["Mã xã/phường", "Tên xã/phường", "Hiệu lực từ"], XlsxWriter.HeaderStyle);
        foreach (var c in communes) catalogue.Row([c.Code, c.Name, c.ValidFrom is { } f ? EstablishmentRules.Date(f) : ""]);
    }
}
