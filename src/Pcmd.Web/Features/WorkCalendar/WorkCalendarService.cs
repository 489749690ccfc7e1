using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.WorkCalendar;

public sealed record CalendarDayView(int Id, DateOnly Date, bool DayOff, string Name, int Version);

/// <summary>A day of the calendar as sent: <c>dayOff</c> false for a weekend day worked in exchange; <c>version</c> on update.</summary>
public sealed record CalendarDayInput(DateOnly? Date, bool? DayOff, string? Name, int? Version);

public sealed record CalendarDaySaved(int Id, int Version);

/// <summary>The working-day calendar: one for the whole country (the holidays are national), kept by administrators, read
/// by anyone signed in and by the deadline rules. A change recomputes, in its own transaction, every stored deadline that
/// counts working days (<see cref="IWorkCalendarDependents"/>).</summary>
public sealed class WorkCalendarService(PcmdDbContext db, IEnumerable<IWorkCalendarDependents> dependents)
{
    /// <summary>The calendar as the deadline rules need it (tens of rows a year: read whole).</summary>
    public async Task<WorkDays> Current(CancellationToken ct = default) =>
        new((await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.DayOff }).ToListAsync(ct)).Select(d => (d.Date, d.DayOff)));

    public async Task<List<CalendarDayView>> List(int year, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) throw new ValidationException(new Dictionary<string, string[]> { ["year"] = ["Năm phải từ 2000 đến 2100."] });
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayView(d.Id, d.Date, d.DayOff, d.Name, d.Version)).ToListAsync(ct);
    }

    public async Task<CalendarDayView> Get(int id, CancellationToken ct = default) =>
        await db.CalendarDays.AsNoTracking().Where(d => d.Id == id).Select(d => new CalendarDayView(d.Id, d.Date, d.DayOff, d.Name, d.Version))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Không có ngày này trong lịch làm việc.");

    public static bool CanManage(UserScope scope) => scope.Can(Permission.ManageWorkCalendar);

    public async Task<CalendarDay> Create(UserScope scope, CalendarDayInput input, CancellationToken ct = default)
    {
        if (!CanManage(scope)) throw new ForbiddenException();
        await Validate(input, null, ct);
        var day = new CalendarDay();
        Fill(day, input);
        db.CalendarDays.Add(day);
        await Save(day.Date, ct);
        return day;
    }

    public async Task<CalendarDay> Update(UserScope scope, int id, CalendarDayInput input, CancellationToken ct = default)
    {
        if (!CanManage(scope)) throw new ForbiddenException();
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Không có ngày này trong lịch làm việc.");
        await Validate(input, id, ct);
        if (input.Version is not { } v) throw new ValidationException(new Dictionary<string, string[]> { ["version"] = ["Thiếu phiên bản của ngày đã đọc."] });
        if (day.Version != v) throw new ConflictException();
        var before = day.Date;
        Fill(day, input);
        await Save(before < day.Date ? before : day.Date, ct);
        return day;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        if (!CanManage(scope)) throw new ForbiddenException();
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Không có ngày này trong lịch làm việc.");
        if (day.Version != version) throw new ConflictException();
        db.CalendarDays.Remove(day);
        await Save(day.Date, ct);
    }

    /// <summary>One transaction: the day and every deadline that follows from the calendar as it now is.</summary>
    async Task Save(DateOnly from, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var calendar = await Current(ct);
        foreach (var d in dependents) await d.CalendarChanged(calendar, from, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    async Task Validate(CalendarDayInput input, int? id, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.Date is not { } date) errors.Add("date", "Cần nhập ngày (dd/mm/yyyy).");
        else
        {
            if (date.Year is < 2000 or > 2100) errors.Add("date", "Ngày phải trong các năm 2000–2100.");
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var off = input.DayOff ?? true;
            if (off && weekend)
                errors.Add("date", $"Ngày {ViFormat.Date(date)} là thứ Bảy hoặc Chủ nhật, đã là ngày nghỉ hằng tuần; ngày lễ trùng ngày nghỉ hằng tuần thì nhập ngày nghỉ bù (Nghị định 145/2020, Điều 58).");
            if (!off && !weekend)
                errors.Add("dayOff", $"Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; {ViFormat.Date(date)} đã là ngày làm việc.");
            if (await db.CalendarDays.AnyAsync(d => d.Date == date && d.Id != (id ?? 0), ct))
                errors.Add("date", $"Ngày {ViFormat.Date(date)} đã có trong lịch làm việc.");
        }
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Cần nhập tên ngày nghỉ hoặc lý do làm bù.");
        else if (input.Name.Trim().Length > CalendarDayConfiguration.NameMax) errors.Add("name", $"Tối đa {CalendarDayConfiguration.NameMax} ký tự.");
        errors.ThrowIfAny();
    }

    static void Fill(CalendarDay d, CalendarDayInput input)
    {
        d.Date = input.Date!.Value;
        d.DayOff = input.DayOff ?? true;
        d.Name = input.Name!.Trim();
    }

    sealed record Row(DateOnly Date, bool DayOff, string Name);

    /// <summary>The days off the law fixes and the years' decisions known when PCMD was built (Features/Reference/Data/
    /// work-calendar.json); a date already in the table is left as the administrator keeps it.</summary>
    public async Task EnsureLoaded(CancellationToken ct = default)
    {
        var rows = JsonSerializer.Deserialize<List<Row>>(EmbeddedFiles.Read("reference/work-calendar.json").Single().Text,
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var known = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var added = rows.Where(r => known.Add(r.Date)).ToList();
        if (added.Count == 0) return;
        foreach (var r in added) db.CalendarDays.Add(new CalendarDay { Date = r.Date, DayOff = r.DayOff, Name = r.Name });
        await Save(added.Min(r => r.Date), ct);
    }
}
