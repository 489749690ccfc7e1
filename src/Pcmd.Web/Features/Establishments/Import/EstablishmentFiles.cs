using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;

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

    async IAsyncEnumerable<Row> Rows(UserScope scope, EstablishmentFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var q = query.Sort(await query.Build(scope, filter, ct), filter.Sort);
        await foreach (var r in q.Select(e => new Row(e.Name, e.Type!.Code, e.Address, e.OrgUnit!.Code, e.Latitude, e.Longitude, e.OwnerName,
                           e.OwnerPhone, e.LicenceNumber, e.LicenceDate, e.WorkerCount, e.RiskClass, e.Status, e.ManagedFrom, e.ManagedTo,
                           e.CommitmentSigned, e.CommitmentDate, e.Note)).AsAsyncEnumerable().WithCancellation(ct))
            yield return r;
    }

    /// <summary>The cells of a row in the order of <see cref="ImportColumns.All"/>.</summary>
    static object?[] Cells(Row r) =>
    [
        r.Name, r.TypeCode, r.Address, r.UnitCode, r.Latitude, r.Longitude, r.OwnerName, r.OwnerPhone, r.LicenceNumber, r.LicenceDate,
        r.WorkerCount, EstablishmentLabels.Risk(r.RiskClass), EstablishmentLabels.Status(r.Status), r.ManagedFrom, r.ManagedTo,
        EstablishmentLabels.YesNo(r.CommitmentSigned), r.CommitmentDate, r.Note,
    ];

    public async Task WriteXlsx(UserScope scope, EstablishmentFilter filter, Stream output, CancellationToken ct)
    {
        using var xlsx = new XlsxWriter(output);
        using var sheet = xlsx.AddSheet(ImportColumns.DataSheet, Widths);
        sheet.Row(ImportColumns.All.Select(c => c.Header), XlsxWriter.HeaderStyle);
        var count = 0;
        await foreach (var r in Rows(scope, filter, ct))
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
        }
        // Every row carries the owner's name and phone: the export is recorded with what was asked for.
        audit.RecordExport(nameof(Establishment), "xlsx", count, filter);
    }

    /// <summary>UTF-8 with a byte-order mark, or Excel shows the Vietnamese letters as mojibake.</summary>
    public async Task WriteCsv(UserScope scope, EstablishmentFilter filter, Stream output, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        // A cell starting with = + - @, tab or CR is a formula to Excel (OWASP "CSV injection"): a name such as
        // =cmd|' /C calc'!A0 typed by anyone with write access would run on the reader's machine. Such cells get a
        // leading apostrophe, which Excel and LibreOffice show as text. The .xlsx export stores text as text already.
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var c in ImportColumns.All) csv.WriteField(c.Header);
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var r in Rows(scope, filter, ct))
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
        audit.RecordExport(nameof(Establishment), "csv", count, filter);
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
    public async Task WriteTemplate(UserScope scope, Stream output, CancellationToken ct)
    {
        var types = await service.Types(ct);
        var communes = await service.WritableCommunes(scope);
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
