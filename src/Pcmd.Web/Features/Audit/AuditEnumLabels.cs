using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Pcmd.Web.Features.Audit;

/// <summary>Where the words of an enum value recorded in the log live (issue 15 item 8: "Đang quản lý", not
/// <c>UnderManagement</c>). The DbContext records an enum by its C# name; the features already word most of their enums
/// for their own pages, so the log reuses those keys (prefix + value) rather than repeat them; the few enums no page words
/// have keys of their own under <c>AuditValue.</c>. Enums are named by feature folder and type ("Folder.Type"), as
/// strings, so that the audit log depends on no feature. AuditNamesTests fails for an audited enum value with no words.</summary>
public static class AuditEnumLabels
{
    static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["Agencies.AgencyKind"] = "AgencyKind_",
        ["CommuneModel.AssessmentStatus"] = "Healthy.Status.",
        ["CommuneModel.ModelStatus"] = "CommuneModel.Status.",
        ["Commendations.CommendationForm"] = "Commendations.Form.",
        ["Commendations.CommendationLevel"] = "Commendations.Level.",
        ["Commendations.Recipient"] = "Commendations.Recipient.",
        ["Communication.CommunicationKind"] = "Communication.Kind.",
        ["Communication.TargetGroup"] = "Communication.Group.",
        ["Budget.FundingSource"] = "Budget.Source.",
        ["Enforcement.CriminalCharge"] = "Enforcement.Charge.",
        ["Enforcement.SanctionTarget"] = "Enforcement.Target.",
        ["Establishments.EstablishmentGroup"] = "Est_Group_",
        ["Establishments.ManagementStatus"] = "Est_Status_",
        ["Establishments.RiskClass"] = "Est_Risk_",
        ["Hotspots.HotspotEventKind"] = "Hotspots.Event.",
        ["Hotspots.HotspotKind"] = "Hotspots.Kind.",
        ["Indicators.Computation"] = "Indicators.Computation.",
        ["Inspections.InspectionKind"] = "Inspections.Kind.",
        ["Inspections.SanctionKind"] = "Inspections.SanctionKind.",
        ["Inspections.TeamKind"] = "Inspections.TeamKind.",
        ["Inspections.TeamRole"] = "Inspections.Role.",
        ["Inspections.UnannouncedReason"] = "Inspections.Reason.",
        ["OrgUnits.OrgUnitLevel"] = "OrgUnitLevel_",
        ["Plans.ComplexityLevel"] = "Plans.Complexity.",
        ["Plans.Frequency"] = "Plans.Timing.",
        ["Plans.PlanLevel"] = "Plans.Level.",
        ["Plans.ReportKind"] = "Plans.Report.",
        ["ServiceDirectory.SupportServiceKind"] = "Services.Kind.",
        ["Support.CaseNoteKind"] = "Support.Note.",
        ["Support.ClosureReason"] = "Support.Closure.",
        ["Support.ConsentKind"] = "Support.Consent.",
        ["Support.ConsentMethod"] = "Support.Method.",
        ["Support.ContactChannel"] = "Support.Channel.",
        ["Support.ReferralOutcome"] = "Support.Outcome.",
        ["Support.TargetGroup"] = "Support.Group.",
        ["Tips.TipCategory"] = "Tips.Category.",
        ["Tips.TipChannel"] = "Tips.Channel.",
        ["Tips.TipKind"] = "Tips.Kind.",
        ["Tips.TipOutcome"] = "Tips.Outcome.",
        ["Tips.TipRelevance"] = "Tips.Relevance.",
        ["Tips.TipState"] = "Tips.State.",
        ["Training.TrainingLevel"] = "Training.Level.",
        ["UnitDocuments.DocumentKind"] = "Documents.Kind.",
    };

    const string FeaturesNamespace = "Pcmd.Web.Features.";

    /// <summary>The enum's namespace after <c>Pcmd.Web.Features.</c>, plus its name: "Folder.Type" (the key the prefixes use).</summary>
    public static string Name(Type enumType) =>
        enumType.FullName is { } n && n.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? n[FeaturesNamespace.Length..] : enumType.Name;

    /// <summary>The resource key of one value.</summary>
    public static string Key(Type enumType, string value) =>
        (Prefixes.GetValueOrDefault(Name(enumType)) ?? "AuditValue." + Name(enumType) + ".") + value;

    /// <summary>The enum type of each audited (entity, field), read from the model once.</summary>
    public static Dictionary<(string Entity, string Field), Type> EnumFields(IModel model)
    {
        var result = new Dictionary<(string, string), Type>();
        foreach (var t in model.GetEntityTypes().Where(t => !typeof(INotAudited).IsAssignableFrom(t.ClrType) && t.ClrType != typeof(AuditEntry)))
            foreach (var p in t.GetProperties())
                if ((Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is { IsEnum: true } e)
                    result[(t.ClrType.Name, p.Name)] = e;
        return result;
    }
}
