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

    static void Length(ErrorList e, string path, string? value, int max)
    {
        if (value?.Length > max) e.Add(path, $"Dài quá {max} ký tự.");
    }
}
