using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.Tips;

/// <summary>The one-time token of a portal report form, kept (hashed) with the tip it made for <see cref="Keep"/>: reloading
/// the page after a success posts the same form again, and the same token then answers "already received" with the follow-up
/// code instead of a second tip. No cookie is needed (the portal sets none): the token travels in a hidden field. Only its
/// SHA-256 is stored, with an expiry to the hour (the public side keeps no finer time). Not audited: it changes no record.</summary>
public class PortalSubmission : INotAudited
{
    public static readonly TimeSpan Keep = TimeSpan.FromHours(24);
    public const int HashLength = 64, MaxTokenLength = 100;

    public string TokenHash { get; set; } = "";
    public int TipId { get; set; }
    public Tip? Tip { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>A new token for a form: 128 random bits.</summary>
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>The stored form of a token; null for one that cannot be ours (empty or too long), which is then ignored.</summary>
    public static string? Hash(string? token) => string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength ? null
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()))).ToLowerInvariant();
}

public sealed class PortalSubmissionConfiguration : IEntityTypeConfiguration<PortalSubmission>
{
    public void Configure(EntityTypeBuilder<PortalSubmission> b)
    {
        b.ToTable("portal_submissions");
        b.HasKey(x => x.TokenHash);
        b.Property(x => x.TokenHash).HasMaxLength(PortalSubmission.HashLength);
        b.HasIndex(x => x.ExpiresAt);
        b.HasOne(x => x.Tip).WithMany().HasForeignKey(x => x.TipId).OnDelete(DeleteBehavior.Cascade);
    }
}
