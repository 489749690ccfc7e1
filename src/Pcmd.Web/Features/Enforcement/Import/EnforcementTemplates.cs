using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>The templates of the two enforcement imports: the data sheet with its Vietnamese headers, a guide (each column,
/// whether required, an example, the rule, the accepted words), and the catalogue of the decrees (with their validity) and of
/// the communes the downloading user may import into.</summary>
public sealed class EnforcementTemplates(EnforcementService enforcement, EstablishmentService establishments)
{
    public async Task<Func<Stream, Task>> Template(UserScope scope, ImportKind kind, CancellationToken ct)
    {
        if (kind == ImportKind.Sanctions ? !EnforcementService.CanRecordSanctions(scope) : !EnforcementService.CanRecordCases(scope))
            throw new ForbiddenException();
        var decrees = kind == ImportKind.Sanctions ? await enforcement.Decrees() : [];
        var communes = await establishments.WritableCommunes(scope);
        var (sheet, columns) = kind == ImportKind.Sanctions
            ? (EnforcementColumns.SanctionSheet, EnforcementColumns.Sanctions)
            : (EnforcementColumns.CaseSheet, EnforcementColumns.Cases);
        return async output =>
        {
            await using var body = new ChunkedBody(output);
            Write(sheet, columns, decrees, communes, body);
            await body.Send(ct);
        };
    }

    static void Write(string sheet, IReadOnlyList<ImportColumn> columns, List<Inspections.Decree> decrees, List<OrgUnits.OrgUnitTree.Node> communes, Stream output)
    {
        using var xlsx = new XlsxWriter(output);
        using (var data = xlsx.AddSheet(sheet, columns.Select(_ => 20.0).ToList()))
            data.Row(columns.Select(c => c.Header), XlsxWriter.HeaderStyle);
        using (var guide = xlsx.AddSheet(ImportColumns.GuideSheet, [28, 10, 30, 80]))
        {
            guide.Row(["Cột", "Bắt buộc", "Ví dụ", "Ghi chú"], XlsxWriter.HeaderStyle);
            foreach (var c in columns) guide.Row([c.Header, c.Required ? "Có" : "Không", c.Example, c.Help]);
            guide.Row([]);
            guide.Row([$"Mỗi tệp tối đa {ViFormat.Number(EnforcementColumns.RowLimit)} dòng dữ liệu. Dòng 1 của sheet \"{sheet}\" là dòng tiêu đề, giữ nguyên tên cột."]);
            guide.Row(["Ngày nhập dạng dd/MM/yyyy. Chỉ lưu khi mọi dòng hợp lệ: nếu có dòng lỗi, không dòng nào được lưu và mỗi lỗi được báo theo dòng và cột."]);
        }
        using var catalogue = xlsx.AddSheet(ImportColumns.CatalogueSheet, [22, 60, 16, 16]);
        if (decrees.Count > 0)
        {
            catalogue.Row(["Mã nghị định", "Tên", "Hiệu lực từ", "Hết hiệu lực"], XlsxWriter.HeaderStyle);
            foreach (var d in decrees) catalogue.Row([d.Code, d.Title, EstablishmentRules.Date(d.ValidFrom), d.ValidTo is { } to ? EstablishmentRules.Date(to) : ""]);
            catalogue.Row([]);
        }
        catalogue.Row(["Mã xã/phường", "Tên xã/phường", "Hiệu lực từ"], XlsxWriter.HeaderStyle);
        foreach (var c in communes) catalogue.Row([c.Code, c.Name, c.ValidFrom is { } f ? EstablishmentRules.Date(f) : ""]);
    }
}
