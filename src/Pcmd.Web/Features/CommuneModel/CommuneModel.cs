using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.CommuneModel;

/// <summary>How a commune applies the PCMD model in a year, as the appendix of KH 08/KH-UBND 2014 of Hà Nội lists them:
/// "Duy trì năm 2014" (kept from an earlier year) or "Áp dụng mới năm 2014".</summary>
public enum ModelStatus { Maintained, New }

/// <summary>A commune applying the commune-level PCMD model (mô hình phòng, chống mại dâm cấp xã) in a year; one row per
/// commune and year. <see cref="PlanId"/> names the plan whose appendix lists it, when there is one.</summary>
public class ModelCommune : IVersioned
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int Year { get; set; }
    public ModelStatus Status { get; set; }
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    [MultiLine] public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>One criterion of the healthy-commune checklist (xã, phường lành mạnh không có tệ nạn mại dâm). Nghị quyết liên
/// tịch 01/2008/NQLT sets the criteria and their scores, but its text is not at hand: an administrator defines them.
/// A <see cref="Required"/> criterion must get its full score for the commune to be rated healthy (e.g. "no hotspot").</summary>
public class HealthyCriterion : IVersioned
{
    public int Id { get; set; }
    /// <summary>The criterion's number in the checklist: "1", "2.a".</summary>
    public string Code { get; set; } = "";
    [MultiLine] public string Text { get; set; } = "";
    public int MaxScore { get; set; }
    public bool Required { get; set; }
    public int Position { get; set; }
    /// <summary>A retired criterion keeps the scores given to it; new assessments no longer ask for it.</summary>
    public bool Active { get; set; } = true;
    public int Version { get; set; }
}

/// <summary>The pass mark of the checklist: a commune is healthy with at least <see cref="PassPercent"/> % of the maximum
/// score (and every required criterion in full). One row for the installation; none means the default.</summary>
public class HealthyRule : IVersioned
{
    public int Id { get; set; }
    public int PassPercent { get; set; } = HealthyRules.DefaultPassPercent;
    public int Version { get; set; }
}

public static class HealthyRules
{
    public const int DefaultPassPercent = 80;
    public const int MaxCriterionScore = 1000;
}

/// <summary>Draft and Returned are the ward's to edit; Submitted waits for the coordinator, who confirms it (the result is
/// then final) or returns it with a note.</summary>
public enum AssessmentStatus { Draft, Submitted, Confirmed, Returned }

/// <summary>A commune's yearly self-assessment against the checklist (chấm điểm, phân loại xã, phường lành mạnh; KH 2024
/// of Phường Phú Lương, §III). The totals and the pass mark are frozen when the ward submits, so that a later change of the
/// checklist does not change a rating already given; <see cref="Healthy"/> is set when the coordinator confirms.</summary>
public class CommuneAssessment : IVersioned
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int Year { get; set; }
    public AssessmentStatus Status { get; set; }
    public int TotalScore { get; set; }
    public int MaxScore { get; set; }
    public int PassPercent { get; set; }
    public bool? Healthy { get; set; }
    [MultiLine] public string? Note { get; set; }
    [MultiLine] public string? ReviewNote { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public int Version { get; set; }
    public List<AssessmentScore> Scores { get; set; } = [];
}

public class AssessmentScore
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public int CriterionId { get; set; }
    public HealthyCriterion? Criterion { get; set; }
    public int Score { get; set; }
}

public class CommuneModelConfiguration : IEntityTypeConfiguration<ModelCommune>, IEntityTypeConfiguration<HealthyCriterion>,
    IEntityTypeConfiguration<HealthyRule>, IEntityTypeConfiguration<CommuneAssessment>, IEntityTypeConfiguration<AssessmentScore>
{
    public void Configure(EntityTypeBuilder<ModelCommune> b)
    {
        b.ToTable("model_communes");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        b.HasIndex(x => x.PlanId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<HealthyCriterion> b)
    {
        b.ToTable("healthy_criteria");
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Text).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<HealthyRule> b)
    {
        b.ToTable("healthy_rules");
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<CommuneAssessment> b)
    {
        b.ToTable("commune_assessments");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AssessmentScore> b)
    {
        b.ToTable("commune_assessment_scores");
        b.HasIndex(x => new { x.AssessmentId, x.CriterionId }).IsUnique();
        b.HasIndex(x => x.CriterionId);
        b.HasOne(x => x.Criterion).WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
