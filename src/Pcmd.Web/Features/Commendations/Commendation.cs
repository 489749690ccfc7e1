using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Commendations;

public enum Recipient { Collective, Individual }

/// <summary>Who gave it (Luật Thi đua, khen thưởng 2022: the level of the deciding authority).</summary>
public enum CommendationLevel { National, Ministry, Province, Department, District, Commune }

/// <summary>The form (hình thức khen thưởng): huân chương, bằng khen, cờ thi đua, giấy khen, or another.</summary>
public enum CommendationForm { Order, CertificateOfMerit, EmulationFlag, Letter, Other }

/// <summary>A collective or a person commended for the work against prostitution ("biểu dương, khen thưởng đối với những tập thể,
/// cá nhân có nhiều đóng góp", KH 2026–2030 §IV), by a decision with its number and date, for a plan or a year. A person's
/// name is personal data: encrypted at rest, and every read of a commended individual is audited.</summary>
public class Commendation : IVersioned
{
    public int Id { get; set; }
    /// <summary>The unit that records it and whose area it belongs to.</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public Recipient Recipient { get; set; }
    /// <summary>The collective's name, or the person's full name (encrypted for both, so a column never mixes the two).</summary>
    public string Name { get; set; } = "";
    /// <summary>A person's title and workplace, or a collective's parent body: "Công an phường Phú Lương".</summary>
    public string? Workplace { get; set; }
    public CommendationLevel Level { get; set; }
    public CommendationForm Form { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    /// <summary>The year commended for (the decision may come early the next year).</summary>
    public int Year { get; set; }
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    [MultiLine] public string? Achievement { get; set; }
    public int Version { get; set; }
}

public class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> b)
    {
        b.ToTable("commendations");
        b.Property(x => x.Recipient).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(800).IsRequired().HasConversion(PersonalData.Converter!);
        b.Property(x => x.Workplace).HasMaxLength(300);
        b.Property(x => x.DecisionNumber).HasMaxLength(50).IsRequired();
        b.Property(x => x.Achievement).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.Year });
        b.HasIndex(x => x.PlanId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
    }
}
