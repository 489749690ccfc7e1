using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans.Files;

// One task or one indicator of a stored plan, read with the same rules and messages as a whole plan file
// (docs/plan-file.md), for the single-row editors (PlanPartsService).
public sealed partial class PlanFileReader
{
    /// <summary>A JSON path below <paramref name="path"/>; an empty path is the root (one part read on its own).</summary>
    static string At(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>Reads one task of a stored plan with the file's rules and messages; the paths of the errors
    /// are relative to the task ("number", "lead[0].agency"). Nothing is saved.</summary>
    public async Task<PlanTask> ReadTask(TaskDto dto, Plan plan, IEnumerable<string> otherNumbers, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        var task = ReadTask(dto, 0, "", otherNumbers.ToHashSet(), await Context.ForPlan(db, tree, plan, errors, ct));
        Length(errors, "number", task.Number, 30);
        Length(errors, "section", task.Section, 1000);
        Length(errors, "timing.text", task.TimingText, 300);
        errors.ThrowIfAny();
        return task;
    }

    /// <summary>Reads one indicator of a stored plan with the file's rules (target years inside the plan's period).</summary>
    public async Task<Indicator> ReadIndicator(IndicatorDto dto, Plan plan, IEnumerable<string> otherNumbers, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        var ind = await ReadIndicator(dto, 0, "", otherNumbers.ToHashSet(), await Context.ForPlan(db, tree, plan, errors, ct));
        Length(errors, "number", ind.Number, 30);
        Length(errors, "unitOfMeasure", ind.UnitOfMeasure, 60);
        errors.ThrowIfAny();
        return ind;
    }

    /// <summary>Reads one appendix of a stored plan (paths relative to it: "items[2].name", labelled "Dòng 3").</summary>
    public async Task<Appendix> ReadAppendix(AppendixDto dto, Plan plan, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        var app = await ReadAppendix(dto, 0, "", await Context.ForPlan(db, tree, plan, errors, ct));
        Length(errors, "number", app.Number, 20);
        Length(errors, "title", app.Title, 1000);
        foreach (var (it, j) in app.Items.Select((it, j) => (it, j)))
        {
            Length(errors, $"items[{j}].name", it.Name, 1000);
            Length(errors, $"items[{j}].unitName", it.UnitName, 300);
            Length(errors, $"items[{j}].status", it.Status, 40);
        }
        errors.Label(path => PlanNumbering.RowOf(path));
        errors.ThrowIfAny();
        return app;
    }

    /// <summary>Reads the report schedule of a stored plan (paths "reportSchedule[0].dueDay", labelled "Lịch báo cáo, dòng 1").</summary>
    public async Task<List<ReportScheduleEntry>> ReadSchedule(List<ScheduleDto> lines, Plan plan, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        var list = ReadSchedule(lines, "reportSchedule", await Context.ForPlan(db, tree, plan, errors, ct));
        errors.Label(path => PlanNumbering.LabelOf(new PlanFileDto(), path));
        errors.ThrowIfAny();
        return list;
    }

    static void Length(ErrorList e, string path, string? value, int max)
    {
        if (value?.Length > max) e.Add(path, $"Dài quá {max} ký tự.");
    }
}
