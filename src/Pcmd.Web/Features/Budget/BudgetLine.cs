using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Budget;

/// <summary>Where the money comes from (KH 2026–2030 of Hà Nội §III; KH 2024 §V): the state budget by level ("theo phân cấp
/// ngân sách nhà nước"), the funds of related programmes (HIV/AIDS, poverty, social protection), donors and socialised
/// contributions ("xã hội hóa"; "huy động các nguồn đóng góp hợp pháp khác").</summary>
public enum FundingSource { CentralBudget, ProvincialBudget, DistrictBudget, CommuneBudget, ProgrammeFunds, Donors, Socialised, Other }

/// <summary>One line of a plan's budget (kinh phí): per year, agency or unit and task, the estimate (dự toán), the amount
/// allocated (được giao, cấp) and spent (đã chi), in đồng, from one source. A plan that only names its sources in words
/// ("bố trí trong dự toán chi thường xuyên của các Sở…") keeps them as lines with <see cref="SourceText"/> and no amounts,
/// so that the plan's own words are kept and can be totalled later (issue 16, item 2). Spending above the allocation is
/// allowed, never silently: <see cref="OverspendNote"/> then says why.</summary>
public class BudgetLine : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? Year { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public FundingSource? Source { get; set; }
    /// <summary>The source as the plan words it, when it names it without an amount.</summary>
    [MultiLine] public string? SourceText { get; set; }
    /// <summary>What the money is for, when not a task of the plan: "hoạt động Đội kiểm tra liên ngành 178".</summary>
    public string? Purpose { get; set; }
    public long? Estimate { get; set; }
    public long? Allocated { get; set; }
    public long? Spent { get; set; }
    [MultiLine] public string? OverspendNote { get; set; }
    public int Version { get; set; }
}

public class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("budget_lines");
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceText).HasMaxLength(2000);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.OverspendNote).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PlanId, x.Year });
        b.HasIndex(x => x.AgencyId);
        b.HasIndex(x => x.OrgUnitId);
        b.HasIndex(x => x.TaskId);
        // The budget is a part of the plan: it goes with it.
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}
