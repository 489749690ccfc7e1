using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Agencies;

public sealed class AgencyFileEntry
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? Kind { get; set; }
    public string? Unit { get; set; }
    public string? Parent { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? Successor { get; set; }
    public List<string>? Members { get; set; }
}

/// <summary>Imports an agency catalogue file (docs/agency-catalogue.md): all of it or, with one
/// error per problem, nothing. Codes already present are left as they are.</summary>
public sealed partial class AgencyCatalogue(PcmdDbContext db, OrgUnitTree tree)
{
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,59}$")]
    private static partial Regex CodePattern();

    public const string FileKind = "tệp danh mục cơ quan";

    /// <summary>Called before the file is even read: a role that may not add agencies learns nothing from the file's checks.</summary>
    public static void EnsureMayImport(UserScope scope)
    {
        if (!scope.Can(Permission.ManageAgencies)) throw new ForbiddenException();
    }

    public async Task<int> Import(UserScope scope, string json, CancellationToken ct = default)
    {
        EnsureMayImport(scope);
        List<AgencyFileEntry> entries;
        try { entries = JsonSerializer.Deserialize<List<AgencyFileEntry>>(json, DataFiles.Json) ?? []; }
        catch (JsonException ex)
        {
            throw new ValidationException(new Dictionary<string, string[]> { [ex.Path ?? "$"] = ["Tệp danh mục cơ quan không phải JSON hợp lệ hoặc có thuộc tính lạ."] }, "Tệp danh mục cơ quan không hợp lệ");
        }
        var errors = new ErrorList();
        var existing = await db.Agencies.ToDictionaryAsync(a => a.Code, ct);
        var added = new List<(Agency Agency, AgencyFileEntry Entry, int Index)>();
        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            var path = $"[{i}]";
            if (string.IsNullOrWhiteSpace(e.Code) || !CodePattern().IsMatch(e.Code)) { errors.Add(path + ".code", "Mã cơ quan chỉ gồm chữ in hoa không dấu, chữ số và '-'."); continue; }
            if (existing.ContainsKey(e.Code)) continue;
            if (string.IsNullOrWhiteSpace(e.Name)) errors.Add(path + ".name", "Thiếu tên cơ quan.");
            if (!DataFiles.TryParseCode<AgencyKind>(e.Kind, out var kind)) errors.Add(path + ".kind", $"Loại cơ quan '{e.Kind}' không hợp lệ; chỉ nhận: {DataFiles.AllowedCodes<AgencyKind>()}.");
            var from = DataFiles.Date(e.ValidFrom, path + ".validFrom", errors);
            var to = DataFiles.Date(e.ValidTo, path + ".validTo", errors);
            if (from is not null && to is not null && to < from) errors.Add(path + ".validTo", "Ngày hết hiệu lực trước ngày có hiệu lực.");
            var day = from ?? to ?? DateOnly.FromDateTime(DateTime.Today);
            var unit = string.IsNullOrWhiteSpace(e.Unit) ? null : await tree.Resolve(e.Unit, day);
            if (unit is null) errors.Add(path + ".unit", $"Không có đơn vị hành chính mã '{e.Unit}' còn hiệu lực ngày {ViFormat.Date(day)}.");
            else if (!scope.CanWriteUnit(unit.Id) || !scope.Can(Permission.ManageAgencies)) errors.Add(path + ".unit", "Bạn không có quyền thêm cơ quan cho đơn vị này.");
            var agency = new Agency { Code = e.Code, Name = e.Name ?? "", ShortName = e.ShortName, Kind = kind, OrgUnitId = unit?.Id ?? 0, ValidFrom = from, ValidTo = to };
            existing[e.Code] = agency;
            added.Add((agency, e, i));
        }
        foreach (var (agency, e, i) in added)
        {
            if (!string.IsNullOrWhiteSpace(e.Parent))
            {
                if (existing.TryGetValue(e.Parent, out var parent)) agency.Parent = parent;
                else errors.Add($"[{i}].parent", $"Không có cơ quan mã '{e.Parent}'.");
            }
            if (!string.IsNullOrWhiteSpace(e.Successor))
            {
                if (!existing.TryGetValue(e.Successor, out var successor)) errors.Add($"[{i}].successor", $"Không có cơ quan mã '{e.Successor}'.");
                else if (agency.ValidTo is null) errors.Add($"[{i}].successor", "Chỉ cơ quan có ngày hết hiệu lực (validTo) mới có cơ quan kế thừa.");
                else agency.Successor = successor;
            }
            foreach (var (m, j) in (e.Members ?? []).Select((m, j) => (m, j)))
            {
                if (existing.TryGetValue(m, out var member)) agency.Members.Add(new AgencyMembership { Body = agency, Member = member });
                else errors.Add($"[{i}].members[{j}]", $"Không có cơ quan mã '{m}'.");
            }
        }
        errors.ThrowIfAny("Tệp danh mục cơ quan không hợp lệ");
        db.Agencies.AddRange(added.Select(a => a.Agency));
        await db.SaveChangesAsync(ct);
        return added.Count;
    }
}
