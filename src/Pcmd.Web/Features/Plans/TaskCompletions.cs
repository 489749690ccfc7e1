using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

/// <summary>A recurring obligation done for one year by one agency ("trong tháng 01 hằng năm xây dựng kế hoạch năm"),
/// with a link to the yearly plan or document that fulfils it (issue 16, item 4).</summary>
public class TaskCompletion
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public DateOnly DoneOn { get; set; }
    public string? Link { get; set; }
    public string? DoneBy { get; set; }
}

public class TaskCompletionConfiguration : IEntityTypeConfiguration<TaskCompletion>
{
    public void Configure(EntityTypeBuilder<TaskCompletion> b)
    {
        b.ToTable("task_completions");
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.DoneBy).HasMaxLength(256);
        b.HasIndex(x => new { x.TaskId, x.AgencyId, x.Year }).IsUnique();
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record TaskDoneInput(int? Year, string? Link);
public sealed record TaskDone(int TaskId, int Year, DateOnly DoneOn, string? Link);

/// <summary>Marks a recurring obligation done for a year, for the user's own agency: only a task assigned to it (or to a
/// collective it belongs to, or to the agency it is part of) in a plan it can read, a year of the plan's period.</summary>
public sealed class TaskCompletions(PcmdDbContext db, MyTasks mine, TimeProvider clock)
{
    /// <summary>Replacing a plan from its file recreates its tasks: the completions are kept by task number and put back
    /// on the new task of the same number (a task the new file drops takes its completions with it).</summary>
    public static async Task<Func<IReadOnlyCollection<PlanTask>, CancellationToken, Task>> Capture(PcmdDbContext db, int planId, CancellationToken ct)
    {
        var kept = await db.Set<TaskCompletion>().AsNoTracking()
            .Join(db.PlanTasks.Where(t => t.PlanId == planId), c => c.TaskId, t => t.Id, (c, t) => new { t.Number, c })
            .ToListAsync(ct);
        return async (tasks, token) =>
        {
            var byNumber = tasks.ToDictionary(t => t.Number, t => t.Id);
            foreach (var k in kept)
                if (byNumber.TryGetValue(k.Number, out var id))
                    db.Add(new TaskCompletion { TaskId = id, AgencyId = k.c.AgencyId, Year = k.c.Year, DoneOn = k.c.DoneOn, Link = k.c.Link, DoneBy = k.c.DoneBy });
            await db.SaveChangesAsync(token);
        };
    }

    public async Task<TaskDone> MarkDone(UserScope scope, int taskId, TaskDoneInput input, CancellationToken ct = default)
    {
        if (scope.AgencyId is not { } agencyId) throw new ForbiddenException("Tài khoản không thuộc cơ quan nào.");
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Plan).FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException();
        await db.Plans.ReadableOr404(scope, task.PlanId, ct);
        var bound = await mine.Agencies(agencyId, ct);
        if (!await db.Assignments.AnyAsync(a => a.TaskId == taskId && bound.Contains(a.AgencyId), ct))
            throw new ForbiddenException("Nhiệm vụ không giao cho cơ quan của bạn.");
        var errors = new ErrorList();
        if (task.TimingKind != TimingKind.Recurring) errors.Add("year", "Chỉ nhiệm vụ lặp lại mới đánh dấu hoàn thành theo năm.");
        if (input.Year is not { } year) errors.Add("year", "Hãy chọn năm.");
        else if (year < task.Plan!.PeriodFrom || year > task.Plan.PeriodTo)
            errors.Add("year", $"Năm {year} nằm ngoài thời kỳ của kế hoạch ({task.Plan.PeriodFrom}–{task.Plan.PeriodTo}).");
        var link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim();
        if (link is { Length: > 500 }) errors.Add("link", "Đường dẫn dài quá 500 ký tự.");
        else if (link is not null && !(link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
                 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add("link", "Đường dẫn phải là địa chỉ http(s) hoặc một trang của PCMD (bắt đầu bằng /).");
        errors.ThrowIfAny();

        var done = await db.Set<TaskCompletion>().FirstOrDefaultAsync(c => c.TaskId == taskId && c.AgencyId == agencyId && c.Year == input.Year, ct);
        if (done is null) db.Add(done = new TaskCompletion { TaskId = taskId, AgencyId = agencyId, Year = input.Year!.Value });
        (done.DoneOn, done.Link, done.DoneBy) = (VietnamTime.Today(clock), link, scope.UserName);
        await db.SaveChangesAsync(ct);
        return new TaskDone(taskId, done.Year, done.DoneOn, done.Link);
    }
}
