// One rule for the sets: every entity type that code queries or adds to directly has one DbSet property here, declared
// `=> Set<T>()`, grouped by feature; a part reached only through its aggregate (a plan's appendix rows through the plan)
// needs none. Mappings are not here: each feature keeps its IEntityTypeConfiguration beside its entities, and
// OnModelCreating applies them all from the assembly.
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Data;

public class PcmdDbContext(DbContextOptions<PcmdDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : IdentityDbContext<PcmdUser>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgUnitSuccession> OrgUnitSuccessions => Set<OrgUnitSuccession>();
    public DbSet<OrgUnitArea> OrgUnitAreas => Set<OrgUnitArea>();

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyMembership> AgencyMemberships => Set<AgencyMembership>();

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanObjective> PlanObjectives => Set<PlanObjective>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Appendix> Appendices => Set<Appendix>();
    public DbSet<AppendixItem> AppendixItems => Set<AppendixItem>();
    public DbSet<ReportScheduleEntry> ReportScheduleEntries => Set<ReportScheduleEntry>();

    public DbSet<EstablishmentType> EstablishmentTypes => Set<EstablishmentType>();
    public DbSet<Establishment> Establishments => Set<Establishment>();
    public DbSet<Features.Establishments.Import.ImportJobRecord> ImportJobs => Set<Features.Establishments.Import.ImportJobRecord>();

    public DbSet<Decree> Decrees => Set<Decree>();
    public DbSet<Features.WorkCalendar.CalendarDay> CalendarDays => Set<Features.WorkCalendar.CalendarDay>();
    public DbSet<ViolationType> ViolationTypes => Set<ViolationType>();
    public DbSet<InspectionTeam> InspectionTeams => Set<InspectionTeam>();
    public DbSet<InspectionPlan> InspectionPlans => Set<InspectionPlan>();
    public DbSet<InspectionPlanItem> InspectionPlanItems => Set<InspectionPlanItem>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionMember> InspectionMembers => Set<InspectionMember>();
    public DbSet<InspectionViolation> InspectionViolations => Set<InspectionViolation>();
    public DbSet<InspectionPhoto> InspectionPhotos => Set<InspectionPhoto>();
    public DbSet<Sanction> Sanctions => Set<Sanction>();

    public DbSet<Hotspot> Hotspots => Set<Hotspot>();
    public DbSet<HotspotEvent> HotspotEvents => Set<HotspotEvent>();

    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<TipStep> TipSteps => Set<TipStep>();
    public DbSet<TipReply> TipReplies => Set<TipReply>();
    public DbSet<TipSourceRead> TipSourceReads => Set<TipSourceRead>();
    public DbSet<TipPhoto> TipPhotos => Set<TipPhoto>();
    public DbSet<PortalGuidance> PortalGuidance => Set<PortalGuidance>();

    public DbSet<Features.Enforcement.AdministrativeSanction> AdministrativeSanctions => Set<Features.Enforcement.AdministrativeSanction>();
    public DbSet<Features.Enforcement.CriminalCase> CriminalCases => Set<Features.Enforcement.CriminalCase>();
    public DbSet<Features.ServiceDirectory.SupportService> SupportServices => Set<Features.ServiceDirectory.SupportService>();

    public DbSet<IndicatorBinding> IndicatorBindings => Set<IndicatorBinding>();
    public DbSet<FigureGeneration> Generations => Set<FigureGeneration>();
    public DbSet<RateCount> RateCounts => Set<RateCount>();

    public DbSet<Features.Communication.CommunicationEvent> CommunicationEvents => Set<Features.Communication.CommunicationEvent>();
    public DbSet<Features.Communication.EventAudience> EventAudiences => Set<Features.Communication.EventAudience>();
    public DbSet<Features.Communication.CommunicationRule> CommunicationRules => Set<Features.Communication.CommunicationRule>();
    public DbSet<Features.Training.TrainingCourse> TrainingCourses => Set<Features.Training.TrainingCourse>();
    public DbSet<Features.Training.TrainingParticipant> TrainingParticipants => Set<Features.Training.TrainingParticipant>();
    public DbSet<Features.Training.StaffRoster> StaffRosters => Set<Features.Training.StaffRoster>();
    public DbSet<Features.Training.StaffMember> StaffMembers => Set<Features.Training.StaffMember>();
    public DbSet<Features.UnitDocuments.UnitDocument> UnitDocuments => Set<Features.UnitDocuments.UnitDocument>();
    public DbSet<Features.CommuneModel.ModelCommune> ModelCommunes => Set<Features.CommuneModel.ModelCommune>();
    public DbSet<Features.CommuneModel.HealthyCriterion> HealthyCriteria => Set<Features.CommuneModel.HealthyCriterion>();
    public DbSet<Features.CommuneModel.HealthyRule> HealthyRules => Set<Features.CommuneModel.HealthyRule>();
    public DbSet<Features.CommuneModel.CommuneAssessment> CommuneAssessments => Set<Features.CommuneModel.CommuneAssessment>();
    public DbSet<Features.CommuneModel.AssessmentScore> AssessmentScores => Set<Features.CommuneModel.AssessmentScore>();
    public DbSet<Features.Budget.BudgetLine> BudgetLines => Set<Features.Budget.BudgetLine>();
    public DbSet<Features.Commendations.Commendation> Commendations => Set<Features.Commendations.Commendation>();

    public DbSet<ReportPeriod> ReportPeriods => Set<ReportPeriod>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportTaskEntry> ReportTaskEntries => Set<ReportTaskEntry>();
    public DbSet<ReportIndicatorValue> ReportIndicatorValues => Set<ReportIndicatorValue>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();

    public DbSet<Features.Support.SupportCase> SupportCases => Set<Features.Support.SupportCase>();
    public DbSet<Features.Support.CaseWorkerAssignment> CaseWorkerAssignments => Set<Features.Support.CaseWorkerAssignment>();
    public DbSet<Features.Support.Consent> SupportConsents => Set<Features.Support.Consent>();
    public DbSet<Features.Support.NeedKind> NeedKinds => Set<Features.Support.NeedKind>();
    public DbSet<Features.Support.CaseNeed> CaseNeeds => Set<Features.Support.CaseNeed>();
    public DbSet<Features.Support.CaseNote> CaseNotes => Set<Features.Support.CaseNote>();
    public DbSet<Features.Support.OutreachContact> OutreachContacts => Set<Features.Support.OutreachContact>();
    public DbSet<Features.Support.Referral> Referrals => Set<Features.Support.Referral>();
    public DbSet<Features.Support.SupportGroup> SupportGroups => Set<Features.Support.SupportGroup>();
    public DbSet<Features.Support.GroupMember> GroupMembers => Set<Features.Support.GroupMember>();
    public DbSet<Features.Support.GroupMeeting> GroupMeetings => Set<Features.Support.GroupMeeting>();
    public DbSet<Features.Support.MeetingAttendee> MeetingAttendees => Set<Features.Support.MeetingAttendee>();

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Users.Sessions.UserSession> UserSessions => Set<Features.Users.Sessions.UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PcmdDbContext).Assembly);
        // The folded text of the site-wide search is computed by the entity's getter (its setter ignores what is read):
        // EF reads and writes it through the property, so it is stored with every insert and update (Shared/SearchFold).
        foreach (var t in builder.Model.GetEntityTypes().Where(t => typeof(Shared.ISearchable).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(t.ClrType).Property(nameof(Shared.ISearchable.SearchText)).UsePropertyAccessMode(PropertyAccessMode.Property).IsRequired();
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

    /// <summary>Checks and normalises the text being written (<see cref="TextCheck"/>), bumps concurrency versions and
    /// writes the audit trail in the same transaction as the change; a change to units or successions brings the areas'
    /// closure table (<see cref="Features.OrgUnits.OrgUnitAreas"/>) up to date in that transaction too, and a change to records a
    /// computation reads bumps their kinds' generations last (<see cref="FigureGenerations"/>: the cached figures go stale on commit).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        ChangeTracker.DetectChanges();
        TextCheck.Apply(this);
        await Features.OrgUnits.UnitValidity.Check(this, ct);
        foreach (var e in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            e.Entity.Version++;
        var pending = AuditRecorder.Capture(this, currentUser?.UserName, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        var areas = Features.OrgUnits.OrgUnitAreas.Touched(ChangeTracker);
        var figures = FigureGenerations.Touched(ChangeTracker);
        var touched = figures.Count > 0 ? FigureChanges.Touched(ChangeTracker, figures) : null;
        if (pending.Count == 0 && !areas && figures.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (areas) await Features.OrgUnits.OrgUnitAreas.Sync(this, ct);
            AuditEntries.AddRange(AuditRecorder.Complete(pending));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (touched is not null) await FigureGenerations.Bump(this, await touched.Resolve(this, ct), ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
