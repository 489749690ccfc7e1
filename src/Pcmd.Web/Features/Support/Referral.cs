using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.ServiceDirectory;

namespace Pcmd.Web.Features.Support;

/// <summary>What the provider reported. Pending until it answers; the last three are final.</summary>
public enum ReferralOutcome { Pending, Received, ServiceGiven, Declined, Lost }

/// <summary>A referral of a case, for one of its needs, to a service of the directory (the same directory the public portal lists).
/// It needs a standing consent to being referred or to sharing with that provider; without one only the case's supervisor may
/// refer, giving the reason (kept here and in the audit trail).</summary>
[Data.CountedInItsUnit]
public class Referral
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int NeedKindId { get; set; }
    public int ServiceId { get; set; }
    public DateOnly ReferredOn { get; set; }
    public string ReferredBy { get; set; } = "";
    /// <summary>The consent the referral rests on (null when the supervisor overrode).</summary>
    public int? ConsentId { get; set; }
    public string? OverrideReason { get; set; }
    public ReferralOutcome Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }
    /// <summary>When the worker means to check with the provider; past and not final, it is overdue.</summary>
    public DateOnly? FollowUpOn { get; set; }

    public static bool IsFinal(ReferralOutcome o) => o is ReferralOutcome.ServiceGiven or ReferralOutcome.Declined or ReferralOutcome.Lost;
}

public class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("support_referrals");
        b.Property(x => x.ReferredBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.OverrideReason).HasMaxLength(500);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CaseId, x.ReferredOn });
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.FollowUpOn);
        b.HasOne<SupportCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<NeedKind>().WithMany().HasForeignKey(x => x.NeedKindId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceDirectory.SupportService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Consent>().WithMany().HasForeignKey(x => x.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}
