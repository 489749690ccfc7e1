using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Data;

public class PcmdDbContext(DbContextOptions<PcmdDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : IdentityDbContext<PcmdUser>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgUnitSuccession> OrgUnitSuccessions => Set<OrgUnitSuccession>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyMembership> AgencyMemberships => Set<AgencyMembership>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Features.Establishments.Establishment> Establishments => Set<Features.Establishments.Establishment>();
    public DbSet<Features.Establishments.EstablishmentType> EstablishmentTypes => Set<Features.Establishments.EstablishmentType>();
    public DbSet<Features.Inspections.InspectionTeam> InspectionTeams => Set<Features.Inspections.InspectionTeam>();
    public DbSet<Features.Inspections.Inspection> Inspections => Set<Features.Inspections.Inspection>();
    public DbSet<Features.Inspections.Decree> Decrees => Set<Features.Inspections.Decree>();
    public DbSet<Features.Inspections.ViolationType> ViolationTypes => Set<Features.Inspections.ViolationType>();
    public DbSet<Features.Inspections.InspectionPlan> InspectionPlans => Set<Features.Inspections.InspectionPlan>();
    public DbSet<Features.Hotspots.Hotspot> Hotspots => Set<Features.Hotspots.Hotspot>();
    public DbSet<Features.Hotspots.HotspotEvent> HotspotEvents => Set<Features.Hotspots.HotspotEvent>();
    public DbSet<Features.Indicators.IndicatorBinding> IndicatorBindings => Set<Features.Indicators.IndicatorBinding>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PcmdDbContext).Assembly);
        builder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys");
            b.Property(x => x.FriendlyName).HasMaxLength(200);
        });
        builder.Entity<PcmdUser>(b =>
        {
            b.Property(x => x.FullName).HasMaxLength(200);
            b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Bumps concurrency versions and writes the audit trail in the same transaction as the change.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            e.Entity.Version++;
        var pending = AuditRecorder.Capture(this, currentUser?.UserName, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            AuditEntries.AddRange(AuditRecorder.Complete(pending));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
