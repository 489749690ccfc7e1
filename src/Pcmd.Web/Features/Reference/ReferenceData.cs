using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Inspections;

namespace Pcmd.Web.Features.Reference;

/// <summary>Catalogues every installation needs, demo or not: establishment types (the four groups of
/// Nghị định 178/2004 art. 3), sanction decrees with their validity, violation types, the working-day calendar's holidays. Loaded from
/// Features/Reference/Data/*.json on start; an entry whose code exists is left as the administrator keeps it.</summary>
public sealed class ReferenceData(PcmdDbContext db, WorkCalendar.WorkCalendarService calendar)
{
    sealed record TypeRow(string Code, string Name, EstablishmentGroup Group);
    sealed record DecreeRow(string Code, string Title, DateOnly ValidFrom, DateOnly? ValidTo);
    sealed record ViolationRow(string Code, string Name);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    static List<T> Read<T>(string name) =>
        JsonSerializer.Deserialize<List<T>>(Shared.EmbeddedFiles.Read("reference/" + name).Single().Text, Json)!;

    public async Task EnsureLoaded(CancellationToken ct = default)
    {
        var types = await db.EstablishmentTypes.Select(t => t.Code).ToListAsync(ct);
        var position = types.Count;
        foreach (var t in Read<TypeRow>("establishment-types.json").Where(t => !types.Contains(t.Code)))
            db.EstablishmentTypes.Add(new EstablishmentType { Code = t.Code, Name = t.Name, Group = t.Group, Position = position++ });
        var decrees = await db.Decrees.Select(d => d.Code).ToListAsync(ct);
        foreach (var d in Read<DecreeRow>("decrees.json").Where(d => !decrees.Contains(d.Code)))
            db.Decrees.Add(new Decree { Code = d.Code, Title = d.Title, ValidFrom = d.ValidFrom, ValidTo = d.ValidTo });
        var violations = await db.ViolationTypes.Select(v => v.Code).ToListAsync(ct);
        foreach (var v in Read<ViolationRow>("violation-types.json").Where(v => !violations.Contains(v.Code)))
            db.ViolationTypes.Add(new ViolationType { Code = v.Code, Name = v.Name });
        await db.SaveChangesAsync(ct);
        await calendar.EnsureLoaded(ct);
    }
}
