using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>Reads a plan file into a new <see cref="Plan"/>, checking everything first and reporting
/// every problem with its JSON path; nothing is saved here.</summary>
public sealed partial class PlanFileReader(PcmdDbContext db, OrgUnitTree tree, IEnumerable<IPlanBudget> budgets)
{
    public const string InvalidFileTitle = "Tệp kế hoạch không hợp lệ";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,79}$")]
    private static partial Regex KeyPattern();

    public static PlanFileDocument Parse(string json) => Deserialize<PlanFileDocument>(json, InvalidFileTitle);

    /// <summary>Reads one part of a plan (a <see cref="TaskDto"/>, an <see cref="IndicatorDto"/>) with the file's JSON rules.</summary>
    /// <summary>A part sent to the API (a task, an indicator) is keyed like every API body ("lead", not "$.lead"); a plan
    /// file keeps the JSON paths of docs/plan-file.md.</summary>
    public static T ParsePart<T>(string json) where T : class => Deserialize<T>(json, "Dữ liệu không hợp lệ", BindingProblems.KeyOf);

    static T Deserialize<T>(string json, string title, Func<string?, string>? key = null) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, PlanFileDocument.Json)
                ?? throw ValidationException.One("$", "Tệp rỗng.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } l ? $" (dòng {l + 1}, cột {ex.BytePositionInLine + 1})" : "";
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Thuộc tính không có trong định dạng tệp kế hoạch" + where + "."
                : "Tệp không phải JSON hợp lệ hoặc giá trị sai kiểu" + where + ".";
            throw new ValidationException(new Dictionary<string, string[]> { [key is null ? ex.Path ?? "$" : key(ex.Path)] = [message] }, title);
        }
    }

    public async Task<Plan> Read(PlanFileDocument doc, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        if (doc.FormatVersion != PlanFileDocument.CurrentFormatVersion)
            errors.Add("formatVersion", $"Phiên bản định dạng {doc.FormatVersion} không được hỗ trợ; cần {PlanFileDocument.CurrentFormatVersion}.");
        if (doc.Plan is null)
        {
            errors.Add("plan", "Thiếu nội dung kế hoạch.");
            errors.ThrowIfAny(InvalidFileTitle);
        }
        var ctx = await Context.Load(db, tree, doc.Plan!, errors, ct);
        var plan = await ReadHeader(doc.Plan!, ctx, ct);
        ReadObjectives(doc.Plan!, plan, ctx);
        await ReadIndicators(doc.Plan!, plan, ctx);
        ReadTasks(doc.Plan!, plan, ctx);
        await ReadBudget(doc.Plan!, plan, ctx);
        await ReadAppendices(doc.Plan!, plan, ctx);
        ReadSchedule(doc.Plan!, plan, ctx);
        errors.Label(path => PlanNumbering.LabelOf(doc.Plan!, path));
        errors.ThrowIfAny(InvalidFileTitle);
        foreach (var a in plan.Indicators.SelectMany(i => i.Assignments).Concat(plan.Tasks.SelectMany(t => t.Assignments)))
            a.Plan = plan;
        return plan;
    }

    async Task<Plan> ReadHeader(PlanFileDto p, Context c, CancellationToken ct)
    {
        var e = c.Errors;
        var plan = new Plan
        {
            Key = c.Text(p.Key, "plan.key", "khóa (key) của kế hoạch"),
            Title = c.Text(p.Title, "plan.title", "tên kế hoạch"),
            Number = string.IsNullOrWhiteSpace(p.Number) ? null : p.Number,
            Level = c.Enum<PlanLevel>(p.Level, "plan.level", "cấp kế hoạch") ?? PlanLevel.City,
            PeriodFrom = c.From,
            PeriodTo = c.To,
            LegalBasis = p.LegalBasis?.ToList() ?? [],
        };
        if (p.Key is not null && !KeyPattern().IsMatch(p.Key))
            e.Add("plan.key", "Khóa chỉ gồm chữ thường không dấu, chữ số và dấu '-', dài 2–80 ký tự.");
        else if (p.Key is not null && await db.Plans.AnyAsync(x => x.Key == p.Key, ct))
            e.Add("plan.key", $"Đã có kế hoạch với khóa '{p.Key}'.");
        (plan.IssuedOn, plan.IssuedPrecision) = PartialDate(p.IssuedOn, "plan.issuedOn", e);
        ReadDocument(p, plan, e);
        plan.IssuingUnitId = await c.Unit(p.IssuingUnit, "plan.issuingUnit", required: true) ?? 0;
        plan.IssuingAgencyId = c.Agency(p.IssuingAgency, "plan.issuingAgency");
        plan.CoordinatingAgencyId = c.Agency(p.CoordinatingAgency, "plan.coordinatingAgency");
        plan.ConsolidatingAgencyId = c.Agency(p.ConsolidatingAgency, "plan.consolidatingAgency");
        plan.RequestedBodiesReport = p.RequestedBodiesReport ?? false;
        foreach (var (code, i) in (p.ReportRecipients ?? []).Select((code, i) => (code, i)))
            if (c.Agency(code, $"plan.reportRecipients[{i}]", required: true) is { } rid)
            {
                if (plan.ReportRecipientIds.Contains(rid)) e.Add($"plan.reportRecipients[{i}]", $"Cơ quan '{code}' đã có trong danh sách nơi nhận báo cáo.");
                else plan.ReportRecipientIds.Add(rid);
            }
        if (!string.IsNullOrWhiteSpace(p.ParentKey))
        {
            var parentId = await db.Plans.Where(x => x.Key == p.ParentKey).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
            if (parentId is null) e.Add("plan.parentKey", $"Không có kế hoạch cấp trên với khóa '{p.ParentKey}'.");
            plan.ParentId = parentId;
        }
        if (plan.ParentId is null && plan.ParentNumber is { } pn && plan.ParentIssuedOn is { } pd)
            plan.ParentId = await PlanLinks.Cited(db, pn, pd, ct);
        for (var i = 0; i < plan.LegalBasis.Count; i++)
            if (string.IsNullOrWhiteSpace(plan.LegalBasis[i])) e.Add($"plan.legalBasis[{i}]", "Căn cứ không được để trống.");
        return plan;
    }

    static void ReadObjectives(PlanFileDto p, Plan plan, Context c)
    {
        foreach (var (o, i) in (p.Objectives ?? []).Select((o, i) => (o, i)))
        {
            var path = $"plan.objectives[{i}]";
            plan.Objectives.Add(new PlanObjective
            {
                Position = i,
                Kind = c.Enum<ObjectiveKind>(o.Kind, path + ".kind", "loại mục tiêu") ?? ObjectiveKind.Specific,
                Text = c.Text(o.Text, path + ".text", "nội dung mục tiêu"),
            });
        }
    }

    async Task ReadIndicators(PlanFileDto p, Plan plan, Context c)
    {
        var numbers = new HashSet<string>();
        foreach (var (d, i) in (p.Indicators ?? []).Select((d, i) => (d, i)))
            plan.Indicators.Add(await ReadIndicator(d, i, $"plan.indicators[{i}]", numbers, c));
    }

    /// <summary>One indicator; <paramref name="numbers"/> holds the numbers already taken in the plan.</summary>
    static async Task<Indicator> ReadIndicator(IndicatorDto d, int position, string path, HashSet<string> numbers, Context c)
    {
        var number = c.Text(d.Number, At(path, "number"), "số thứ tự chỉ tiêu");
        if (d.Number is not null && !numbers.Add(number)) c.Errors.Add(At(path, "number"), $"Số thứ tự chỉ tiêu '{number}' bị trùng.");
        var ind = new Indicator
        {
            Position = position,
            Number = number,
            Text = c.Text(d.Text, At(path, "text"), "nội dung chỉ tiêu"),
            UnitOfMeasure = d.UnitOfMeasure,
            Window = c.Enum<MeasurementWindow>(d.Window, At(path, "window"), "kỳ đo", required: false) ?? MeasurementWindow.Year,
            WindowStated = d.Window is not null,
            Note = d.Note,
        };
        if (d.Target is not null) await TargetReader.Read(d.Target, ind, At(path, "target"), c.Errors, c.InPeriod, (code, at) => c.Unit(code, at, true));
        Assign(ind.Assignments, d.Lead, d.Cooperating, path, c);
        return ind;
    }

    static void ReadTasks(PlanFileDto p, Plan plan, Context c)
    {
        var numbers = new HashSet<string>();
        foreach (var (d, i) in (p.Tasks ?? []).Select((d, i) => (d, i)))
            plan.Tasks.Add(ReadTask(d, i, $"plan.tasks[{i}]", numbers, c));
    }

    /// <summary>One task; <paramref name="numbers"/> holds the numbers already taken in the plan.</summary>
    static PlanTask ReadTask(TaskDto d, int position, string path, HashSet<string> numbers, Context c)
    {
        var number = c.Text(d.Number, At(path, "number"), "số hiệu nhiệm vụ");
        if (d.Number is not null && !numbers.Add(number)) c.Errors.Add(At(path, "number"), $"Số hiệu nhiệm vụ '{number}' bị trùng.");
        var task = new PlanTask
        {
            Position = position,
            Number = number,
            Section = d.Section,
            Text = c.Text(d.Text, At(path, "text"), "nội dung nhiệm vụ"),
            TimingKind = TimingKind.Unspecified,
        };
        if (d.Timing is { } t)
        {
            task.TimingKind = c.Enum<TimingKind>(t.Kind, At(path, "timing.kind"), "loại thời hạn") ?? TimingKind.Unspecified;
            task.Frequency = c.Enum<Frequency>(t.Frequency, At(path, "timing.frequency"), "tần suất", required: task.TimingKind == TimingKind.Recurring);
            task.DueDate = Date(t.DueDate, At(path, "timing.dueDate"), c.Errors);
            if (task.TimingKind == TimingKind.Due && t.DueDate is null) c.Errors.Add(At(path, "timing.dueDate"), "Nhiệm vụ có thời hạn cần ngày hoàn thành.");
            task.TimingText = t.Text;
            (task.DueMonth, task.DueDay) = (t.DueMonth, t.DueDay);
            if (t.DueMonth is not null || t.DueDay is not null)
            {
                if (task.TimingKind != TimingKind.Recurring || task.Frequency != Frequency.Yearly)
                    c.Errors.Add(At(path, "timing.dueMonth"), "Tháng, ngày đến hạn hằng năm chỉ dùng cho nhiệm vụ lặp lại hằng năm (frequency: yearly).");
                else if (t.DueMonth is null) c.Errors.Add(At(path, "timing.dueMonth"), "Thiếu tháng đến hạn hằng năm.");
                DayMonth(t.DueDay, t.DueMonth, At(path, "timing.due"), c.Errors);
            }
        }
        Assign(task.Assignments, d.Lead, d.Cooperating, path, c);
        return task;
    }

    static void Assign(List<Assignment> into, List<AssignmentDto>? lead, List<AssignmentDto>? cooperating, string path, Context c)
    {
        var pos = 0;
        foreach (var (list, role, name) in new[] { (lead, AssignmentRole.Lead, "lead"), (cooperating, AssignmentRole.Cooperating, "cooperating") })
            foreach (var (a, i) in (list ?? []).Select((a, i) => (a, i)))
                if (c.Agency(a.Agency, At(path, $"{name}[{i}].agency"), required: true) is { } id)
                    into.Add(new Assignment { AgencyId = id, Role = role, Requested = a.Requested ?? false, Position = pos++ });
    }

    async Task ReadAppendices(PlanFileDto p, Plan plan, Context c)
    {
        foreach (var (d, i) in (p.Appendices ?? []).Select((d, i) => (d, i)))
            plan.Appendices.Add(await ReadAppendix(d, i, $"plan.appendices[{i}]", c));
    }

    static async Task<Appendix> ReadAppendix(AppendixDto d, int position, string path, Context c)
    {
        var app = new Appendix
        {
            Position = position,
            Number = c.Text(d.Number, At(path, "number"), "số phụ lục"),
            Title = c.Text(d.Title, At(path, "title"), "tên phụ lục"),
            Kind = c.Enum<AppendixKind>(d.Kind, At(path, "kind"), "loại phụ lục") ?? AppendixKind.Other,
        };
        foreach (var (it, j) in (d.Items ?? []).Select((it, j) => (it, j)))
        {
            var ip = At(path, $"items[{j}]");
            app.Items.Add(new AppendixItem
            {
                Position = j,
                Name = c.Text(it.Name, ip + ".name", "tên"),
                OrgUnitId = await c.Unit(it.Unit, ip + ".unit", nameHint: it.UnitName ?? it.Name),
                UnitName = it.UnitName,
                Complexity = c.Enum<ComplexityLevel>(it.Complexity, ip + ".complexity", "mức độ phức tạp", required: false),
                Status = it.Status,
                Note = it.Note,
            });
        }
        return app;
    }

    static void ReadSchedule(PlanFileDto p, Plan plan, Context c) => plan.ReportSchedule.AddRange(ReadSchedule(p.ReportSchedule, "plan.reportSchedule", c));

    static List<ReportScheduleEntry> ReadSchedule(List<ScheduleDto>? lines, string at, Context c)
    {
        var list = new List<ReportScheduleEntry>();
        foreach (var (d, i) in (lines ?? []).Select((d, i) => (d, i)))
        {
            var path = $"{at}[{i}]";
            var kind = c.Enum<ReportKind>(d.Kind, path + ".kind", "loại báo cáo") ?? ReportKind.Adhoc;
            DayMonth(d.DueDay, d.DueMonth, path + ".due", c.Errors);
            DayMonth(d.ConsolidationDueDay, d.ConsolidationDueMonth, path + ".consolidationDue", c.Errors);
            if (d is { DueDay: not null, DueMonth: not null, ConsolidationDueDay: not null, ConsolidationDueMonth: not null }
                && (d.ConsolidationDueMonth, d.ConsolidationDueDay).CompareTo((d.DueMonth, d.DueDay)) < 0)
                c.Errors.Add(path + ".consolidationDueDay", "Hạn gửi báo cáo tổng hợp lên cấp trên phải sau hạn các đơn vị báo cáo.");
            list.Add(new ReportScheduleEntry
            {
                Position = i,
                Kind = kind,
                DueDay = d.DueDay,
                DueMonth = d.DueMonth,
                ConsolidationDueDay = d.ConsolidationDueDay,
                ConsolidationDueMonth = d.ConsolidationDueMonth,
                RecipientAgencyId = c.Agency(d.Recipient, path + ".recipient"),
                Note = d.Note,
            });
        }
        return list;
    }

    static void DayMonth(int? day, int? month, string path, ErrorList e)
    {
        if (day is < 1 or > 31) e.Add(path + "Day", $"Ngày {day} không hợp lệ (1–31).");
        if (month is < 1 or > 12) e.Add(path + "Month", $"Tháng {month} không hợp lệ (1–12).");
        else if (day is >= 1 and <= 31 && month is { } m && day > DateTime.DaysInMonth(2024, m))
            e.Add(path + "Day", $"Tháng {m} không có ngày {day}.");
    }

    static DateOnly? Date(string? value, string path, ErrorList e) => DataFiles.Date(value, path, e);
}
