namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>Who may call each operation on a record of Phường Phú Lương (see <see cref="AuthorizationMatrixTests"/>):
/// the demo accounts allowed, separated by spaces. hadong (Phường Hà Đông) stands for every foreign unit: it may read
/// city-wide lists and catalogues, never a Phú Lương record. A new endpoint must be added here.</summary>
public static class AuthorizationMatrix
{
    public const string Everyone = "*";
    /// <summary>Sign-in and sign-out, and the public portal (anonymous by design): nothing to authorize.</summary>
    public const string Public = "public";

    const string Admin = "admin";
    /// <summary>Whoever can see Phú Lương: all but the other ward.</summary>
    const string SeesPhuLuong = "admin dieuphoi congan phuluong kiemtra hotro lanhdao";
    /// <summary>ManagePlans on a plan Phú Lương issued (congan edits only its own agency's plans).</summary>
    const string PlanWriters = "admin dieuphoi phuluong";
    /// <summary>ManagePlans anywhere: may send a new plan (its unit is in the body).</summary>
    const string PlanCreators = "admin dieuphoi congan phuluong hadong";
    const string AgencyWriters = "admin dieuphoi phuluong";
    const string AgencyCreators = "admin dieuphoi phuluong hadong";
    /// <summary>ManageRegistries in Phú Lương.</summary>
    const string RegistryWriters = "admin dieuphoi phuluong kiemtra";
    const string RegistryCreators = "admin dieuphoi phuluong hadong kiemtra";
    /// <summary>Establishments and hotspots: an inspector records inspections, not the registry itself.</summary>
    const string RecordWriters = "admin dieuphoi phuluong";
    const string RecordCreators = "admin dieuphoi phuluong hadong";
    /// <summary>The sample report is Phú Lương's in a period of a city plan: the city consolidates it, the ward writes it
    /// (hotro belongs to the ward's agency but may not submit reports), leaders of the area read it.</summary>
    const string Consolidators = "admin dieuphoi";
    const string ConsolidationReaders = "admin dieuphoi lanhdao";
    const string ReportReaders = "admin dieuphoi phuluong lanhdao";
    const string ReportWriters = "admin phuluong";
    /// <summary>Communication events, training courses and the staff roster of Phú Lương (issue 13): the ward, the coordinator
    /// and an agency's reporter of the city (an event or a course it held there).</summary>
    const string ActivityWriters = "admin dieuphoi congan phuluong";
    const string ActivityCreators = "admin dieuphoi congan phuluong hadong";

    public static readonly Dictionary<string, string> Allowed = new()
    {
        ["POST /api/v1/auth/login"] = Public,
        ["POST /api/v1/auth/logout"] = Public,
        ["GET /api/v1/auth/me"] = Everyone,
        ["POST /api/v1/auth/login/2fa"] = Public,
        // Each signed-in user's own second factor: nothing of another's to reach.
        ["GET /api/v1/auth/2fa"] = Everyone,
        ["POST /api/v1/auth/2fa/enrol"] = Everyone,
        ["POST /api/v1/auth/2fa/confirm"] = Everyone,
        ["POST /api/v1/auth/2fa/recovery-codes"] = Everyone,

        ["GET /api/v1/users"] = Admin,
        ["POST /api/v1/users"] = Admin,
        ["GET /api/v1/users/{id}"] = Admin,
        ["PUT /api/v1/users/{id}"] = Admin,
        ["POST /api/v1/users/{id}/lock"] = Admin,
        ["POST /api/v1/users/{id}/unlock"] = Admin,
        ["POST /api/v1/users/{id}/password"] = Admin,

        ["GET /api/v1/org-units"] = Everyone,
        ["POST /api/v1/org-units"] = Admin,
        ["GET /api/v1/org-units/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/org-units/{id}"] = Admin,
        ["GET /api/v1/org-units/{id}/successions"] = SeesPhuLuong,
        ["POST /api/v1/org-units/successions"] = Admin,
        ["GET /api/v1/org-units/provinces"] = Admin,
        ["POST /api/v1/org-units/import-province"] = Admin,

        ["GET /api/v1/agencies"] = Everyone,
        ["POST /api/v1/agencies"] = AgencyCreators,
        ["GET /api/v1/agencies/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/agencies/{id}"] = AgencyWriters,
        ["POST /api/v1/agencies/import"] = AgencyCreators,

        ["GET /api/v1/plans"] = Everyone,
        ["GET /api/v1/plans/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/plans/{id}"] = PlanWriters,
        ["DELETE /api/v1/plans/{id}"] = PlanWriters,
        ["GET /api/v1/plans/{id}/export"] = SeesPhuLuong,
        ["GET /api/v1/plans/{id}/docx"] = SeesPhuLuong,
        ["POST /api/v1/plans/import"] = PlanCreators,
        ["PUT /api/v1/plans/{id}/file"] = PlanWriters,
        ["GET /api/v1/plans/{id}/tasks/{taskId}"] = SeesPhuLuong,
        ["PUT /api/v1/plans/{id}/tasks/{taskId}"] = PlanWriters,
        ["DELETE /api/v1/plans/{id}/tasks/{taskId}"] = PlanWriters,
        ["POST /api/v1/plans/{id}/tasks"] = PlanWriters,
        ["GET /api/v1/plans/{id}/indicators/{indicatorId}"] = SeesPhuLuong,
        ["PUT /api/v1/plans/{id}/indicators/{indicatorId}"] = PlanWriters,
        ["DELETE /api/v1/plans/{id}/indicators/{indicatorId}"] = PlanWriters,
        ["POST /api/v1/plans/{id}/indicators"] = PlanWriters,
        ["GET /api/v1/plans/{id}/appendices/{appendixId}"] = SeesPhuLuong,
        ["PUT /api/v1/plans/{id}/appendices/{appendixId}"] = PlanWriters,
        ["DELETE /api/v1/plans/{id}/appendices/{appendixId}"] = PlanWriters,
        ["POST /api/v1/plans/{id}/appendices"] = PlanWriters,
        ["GET /api/v1/plans/{id}/report-schedule"] = SeesPhuLuong,
        ["PUT /api/v1/plans/{id}/report-schedule"] = PlanWriters,
        ["GET /api/v1/my-tasks"] = Everyone,
        // A recurring task of the sample plan led by Sở Y tế: only its own staff (dieuphoi, of its Chi cục) mark it done.
        ["POST /api/v1/my-tasks/{taskId}/done"] = "dieuphoi",

        ["GET /api/v1/establishment-types"] = Everyone,
        ["GET /api/v1/establishments"] = Everyone,
        ["POST /api/v1/establishments"] = RecordCreators,
        ["GET /api/v1/establishments/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/establishments/{id}"] = RecordWriters,
        ["DELETE /api/v1/establishments/{id}"] = RecordWriters,
        ["GET /api/v1/establishments/export.xlsx"] = Everyone,
        ["GET /api/v1/establishments/export.csv"] = Everyone,
        ["GET /api/v1/establishments/import/template.xlsx"] = Everyone,
        ["POST /api/v1/establishments/import"] = RecordCreators,
        ["GET /api/v1/establishments/import/{jobId}"] = Everyone,

        ["GET /api/v1/inspection-teams"] = Everyone,
        ["POST /api/v1/inspection-teams"] = RegistryCreators,
        ["GET /api/v1/inspection-teams/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/inspection-teams/{id}"] = RegistryWriters,
        ["POST /api/v1/inspection-teams/{id}/members"] = RegistryWriters,
        ["PUT /api/v1/inspection-teams/{id}/members/{memberId}"] = RegistryWriters,
        ["POST /api/v1/inspection-teams/{id}/members/{memberId}/deactivate"] = RegistryWriters,
        ["GET /api/v1/inspection-plans"] = Everyone,
        ["POST /api/v1/inspection-plans"] = RegistryCreators,
        ["GET /api/v1/inspection-plans/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/inspection-plans/{id}"] = RegistryWriters,
        ["POST /api/v1/inspection-plans/{id}/items"] = RegistryWriters,
        ["DELETE /api/v1/inspection-plans/{id}/items/{itemId}"] = RegistryWriters,
        ["GET /api/v1/inspections"] = Everyone,
        ["POST /api/v1/inspections"] = RegistryCreators,
        ["GET /api/v1/inspections/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/inspections/{id}"] = RegistryWriters,
        ["POST /api/v1/inspections/{id}/photos"] = RegistryWriters,
        ["GET /api/v1/inspections/{id}/photos/{photoId}"] = SeesPhuLuong,
        ["GET /api/v1/decrees"] = Everyone,
        ["GET /api/v1/violation-types"] = Everyone,

        ["GET /api/v1/hotspots"] = Everyone,
        ["POST /api/v1/hotspots"] = RecordCreators,
        ["GET /api/v1/hotspots/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/hotspots/{id}"] = RecordWriters,
        ["GET /api/v1/hotspots/by-appendix-item/{itemId}"] = Everyone,
        ["POST /api/v1/hotspots/{id}/events"] = RecordWriters,
        ["GET /api/v1/map/points"] = Everyone,

        // Tips (issue 11): the list filters by scope; a Phú Lương tip (received by the ward) is read by whoever sees Phú Lương;
        // its steps by the intake roles of the area that received it; its source by the ward's intake officer alone.
        ["GET /api/v1/tips"] = Everyone,
        ["GET /api/v1/tips/due"] = Everyone,
        ["GET /api/v1/tips/deadline-rules"] = Everyone,
        ["POST /api/v1/tips"] = "admin dieuphoi congan phuluong hadong",
        ["GET /api/v1/tips/{id}"] = "admin dieuphoi congan phuluong kiemtra hotro lanhdao",
        ["GET /api/v1/tips/{id}/source"] = "phuluong",
        ["GET /api/v1/tips/{id}/photos"] = "admin dieuphoi congan phuluong kiemtra hotro lanhdao",
        ["GET /api/v1/tips/{id}/photos/{photoId}"] = "admin dieuphoi congan phuluong kiemtra hotro lanhdao",
        ["PUT /api/v1/tips/{id}/photos/{photoId}/identifying"] = "phuluong",
        ["POST /api/v1/tips/{id}/steps"] = "admin dieuphoi congan phuluong",
        ["POST /api/v1/tips/{id}/extensions"] = "admin dieuphoi congan phuluong",
        ["PUT /api/v1/portal/guidance"] = Admin,
        // The public portal: anonymous by design, limited per client (PortalGuard).
        ["GET /api/v1/public/guidance"] = Public,
        ["GET /api/v1/public/communes"] = Public,
        ["POST /api/v1/public/tips"] = Public,
        ["POST /api/v1/public/tips/status"] = Public,
        ["POST /api/v1/public/tips/replies"] = Public,
        ["POST /api/v1/public/tips/with-photos"] = Public,
        // Enforcement: lists filter by scope; police and the standing office record cases, wards and inspectors sanctions too.
        ["GET /api/v1/enforcement/sanctions"] = Everyone,
        ["POST /api/v1/enforcement/sanctions"] = "admin dieuphoi congan phuluong hadong kiemtra",
        ["GET /api/v1/enforcement/criminal-cases"] = Everyone,
        ["GET /api/v1/enforcement/criminal-cases/{id}"] = SeesPhuLuong,
        ["POST /api/v1/enforcement/criminal-cases"] = "admin dieuphoi congan",
        ["PUT /api/v1/enforcement/criminal-cases/{id}"] = "admin dieuphoi congan",
        ["GET /api/v1/enforcement/sanctions/import/template.xlsx"] = "admin dieuphoi congan phuluong hadong kiemtra",
        ["POST /api/v1/enforcement/sanctions/import"] = "admin dieuphoi congan phuluong hadong kiemtra",
        ["GET /api/v1/enforcement/criminal-cases/import/template.xlsx"] = "admin dieuphoi congan",
        ["POST /api/v1/enforcement/criminal-cases/import"] = "admin dieuphoi congan",
        ["GET /api/v1/enforcement/import/{jobId}"] = Everyone,
        // The directory is public information; the coordinating agency keeps it.
        ["GET /api/v1/support-services"] = Everyone,
        ["GET /api/v1/support-services/{id}"] = Everyone,
        ["POST /api/v1/support-services"] = Admin + " dieuphoi",
        ["PUT /api/v1/support-services/{id}"] = Admin + " dieuphoi",

        // One calendar for the country: read by all, kept by administrators.
        ["GET /api/v1/work-calendar"] = Everyone,
        ["GET /api/v1/work-calendar/{id}"] = Everyone,
        ["POST /api/v1/work-calendar"] = Admin,
        ["PUT /api/v1/work-calendar/{id}"] = Admin,
        ["DELETE /api/v1/work-calendar/{id}"] = Admin,
        ["GET /api/v1/communication-events"] = Everyone,
        ["POST /api/v1/communication-events"] = ActivityCreators,
        ["GET /api/v1/communication-events/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/communication-events/{id}"] = ActivityWriters,
        ["DELETE /api/v1/communication-events/{id}"] = ActivityWriters,
        ["GET /api/v1/communication-events/{id}/files"] = SeesPhuLuong,
        ["POST /api/v1/communication-events/{id}/files"] = ActivityWriters,
        ["GET /api/v1/communication-events/{id}/files/{fileId}"] = SeesPhuLuong,
        ["DELETE /api/v1/communication-events/{id}/files/{fileId}"] = ActivityWriters,
        ["GET /api/v1/communication-events/rule"] = Everyone,
        ["PUT /api/v1/communication-events/rule"] = "admin dieuphoi",
        ["GET /api/v1/training-courses"] = Everyone,
        ["POST /api/v1/training-courses"] = ActivityCreators,
        ["GET /api/v1/training-courses/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/training-courses/{id}"] = ActivityWriters,
        ["DELETE /api/v1/training-courses/{id}"] = ActivityWriters,
        ["GET /api/v1/staff-rosters"] = Everyone,
        ["POST /api/v1/staff-rosters"] = ActivityCreators,
        ["PUT /api/v1/staff-rosters/{id}"] = ActivityWriters,
        ["DELETE /api/v1/staff-rosters/{id}"] = ActivityWriters,
        ["GET /api/v1/staff-members"] = Everyone,
        ["POST /api/v1/staff-members"] = ActivityCreators,
        ["GET /api/v1/staff-members/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/staff-members/{id}"] = ActivityWriters,
        ["DELETE /api/v1/staff-members/{id}"] = ActivityWriters,
        ["GET /api/v1/unit-documents"] = Everyone,
        ["POST /api/v1/unit-documents"] = ActivityCreators,
        ["GET /api/v1/unit-documents/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/unit-documents/{id}"] = ActivityWriters,
        ["DELETE /api/v1/unit-documents/{id}"] = ActivityWriters,
        ["GET /api/v1/unit-documents/{id}/files"] = SeesPhuLuong,
        ["POST /api/v1/unit-documents/{id}/files"] = ActivityWriters,
        ["GET /api/v1/unit-documents/{id}/files/{fileId}"] = SeesPhuLuong,
        ["DELETE /api/v1/unit-documents/{id}/files/{fileId}"] = ActivityWriters,
        ["GET /api/v1/plans/{planId}/cascade"] = SeesPhuLuong,
        // Commune model and healthy-commune rating (issue 13, item 4): the ward and the coordinator write; the checklist and its pass
        // mark are the coordinator's or an administrator's; the coordinator alone confirms or returns a ward's assessment.
        ["GET /api/v1/commune-models"] = Everyone,
        ["POST /api/v1/commune-models"] = RecordCreators,
        ["GET /api/v1/commune-models/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/commune-models/{id}"] = RecordWriters,
        ["DELETE /api/v1/commune-models/{id}"] = RecordWriters,
        ["GET /api/v1/healthy-communes/criteria"] = Everyone,
        ["POST /api/v1/healthy-communes/criteria"] = "admin dieuphoi",
        ["PUT /api/v1/healthy-communes/criteria/{id}"] = "admin dieuphoi",
        ["GET /api/v1/healthy-communes/rule"] = Everyone,
        ["PUT /api/v1/healthy-communes/rule"] = "admin dieuphoi",
        ["GET /api/v1/healthy-communes/assessments"] = Everyone,
        ["POST /api/v1/healthy-communes/assessments"] = RecordCreators,
        ["GET /api/v1/healthy-communes/assessments/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/healthy-communes/assessments/{id}"] = RecordWriters,
        ["POST /api/v1/healthy-communes/assessments/{id}/submit"] = RecordWriters,
        ["POST /api/v1/healthy-communes/assessments/{id}/confirm"] = Consolidators,
        ["POST /api/v1/healthy-communes/assessments/{id}/return"] = Consolidators,
        // Budget (item 5): the sample plan is Phú Lương's; the sample line is Phú Lương's line of the city's plan, which every
        // unit of the city reads; the ward writes its own unit's line, plan editors every line, agencies' reporters their own.
        ["GET /api/v1/plans/{planId}/budget"] = SeesPhuLuong,
        ["GET /api/v1/budget-lines/{id}"] = Everyone,
        ["POST /api/v1/budget-lines"] = PlanCreators,
        ["PUT /api/v1/budget-lines/{id}"] = "admin dieuphoi phuluong",
        ["DELETE /api/v1/budget-lines/{id}"] = "admin dieuphoi phuluong",
        // Commendations (item 6): as the other activities of a ward.
        ["GET /api/v1/commendations"] = Everyone,
        ["POST /api/v1/commendations"] = ActivityCreators,
        ["GET /api/v1/commendations/{id}"] = SeesPhuLuong,
        ["PUT /api/v1/commendations/{id}"] = ActivityWriters,
        ["DELETE /api/v1/commendations/{id}"] = ActivityWriters,

        ["GET /api/v1/plans/{planId}/results"] = SeesPhuLuong,
        ["GET /api/v1/indicators/{indicatorId}/results"] = SeesPhuLuong,
        ["PUT /api/v1/indicators/{indicatorId}/binding"] = PlanWriters,
        ["DELETE /api/v1/indicators/{indicatorId}/binding"] = PlanWriters,
        ["GET /api/v1/indicators/computations"] = Everyone,

        // Monitoring: the home is everyone's own; a dashboard opens on the plan's unit (Phú Lương) for those who reach it.
        ["GET /api/v1/monitoring/home"] = Everyone,
        ["GET /api/v1/monitoring/plans/{planId}/dashboard"] = SeesPhuLuong,
        ["GET /api/v1/monitoring/plans/{planId}/dashboard/xlsx"] = SeesPhuLuong,
        ["GET /api/v1/monitoring/indicators/{indicatorId}/units"] = SeesPhuLuong,
        ["GET /api/v1/monitoring/series"] = Everyone,
        ["GET /api/v1/monitoring/series/xlsx"] = Everyone,

        ["GET /api/v1/plans/{planId}/report-periods"] = SeesPhuLuong,
        ["POST /api/v1/plans/{planId}/report-periods/open"] = PlanWriters,
        ["POST /api/v1/plans/{planId}/report-periods/adhoc"] = PlanWriters,
        ["GET /api/v1/plans/{planId}/report-matrix"] = "admin dieuphoi phuluong lanhdao",
        ["PUT /api/v1/report-periods/{id}"] = Consolidators,
        ["GET /api/v1/report-periods/{id}/matrix"] = ConsolidationReaders,
        ["POST /api/v1/report-periods/{id}/reminders"] = Consolidators,
        ["GET /api/v1/report-periods/{id}/xlsx"] = ConsolidationReaders,
        ["GET /api/v1/reports/mine"] = Everyone,
        ["GET /api/v1/reports/{id}"] = ReportReaders,
        ["PUT /api/v1/reports/{id}"] = ReportWriters,
        ["POST /api/v1/reports/{id}/submit"] = ReportWriters,
        ["POST /api/v1/reports/{id}/return"] = Consolidators,
        ["POST /api/v1/reports/{id}/accept"] = Consolidators,
        ["GET /api/v1/reports/{id}/docx"] = ReportReaders,
        ["POST /api/v1/reports/{id}/attachments"] = ReportWriters,
        ["GET /api/v1/reports/{id}/attachments/{attachmentId}"] = ReportReaders,
        ["DELETE /api/v1/reports/{id}/attachments/{attachmentId}"] = ReportWriters,

        // Support cases (issue 12): the sample is a demo case of hotro, supervised by giamsat (not a matrix account); nobody else
        // reaches it, administrators included. Reassigning is the supervisor's alone.
        ["GET /api/v1/support/cases"] = Everyone,
        ["POST /api/v1/support/cases"] = "hotro",
        ["GET /api/v1/support/cases/{id}"] = "hotro",
        ["PUT /api/v1/support/cases/{id}"] = "hotro",
        ["GET /api/v1/support/cases/{id}/identity"] = "hotro",
        ["PUT /api/v1/support/cases/{id}/identity"] = "hotro",
        ["POST /api/v1/support/cases/{id}/break-glass"] = "hotro",
        ["GET /api/v1/support/cases/{id}/access-log"] = "hotro",
        ["POST /api/v1/support/cases/{id}/assignment"] = "",
        ["POST /api/v1/support/cases/{id}/consents"] = "hotro",
        ["POST /api/v1/support/cases/{id}/consents/{consentId}/withdraw"] = "hotro",
        ["PUT /api/v1/support/cases/{id}/needs"] = "hotro",
        ["POST /api/v1/support/cases/{id}/notes"] = "hotro",
        ["POST /api/v1/support/cases/{id}/close"] = "hotro",
        ["POST /api/v1/support/cases/{id}/contacts"] = "hotro",
        ["POST /api/v1/support/cases/{id}/referrals"] = "hotro",
        ["GET /api/v1/support/cases/{id}/referrals"] = "hotro",
        ["PUT /api/v1/support/referrals/{id}/outcome"] = "hotro",
        ["GET /api/v1/support/referrals/overdue"] = Everyone,
        ["GET /api/v1/support/contacts"] = "hotro",
        ["POST /api/v1/support/contacts"] = "hotro",
        ["GET /api/v1/support/statistics"] = "admin dieuphoi lanhdao",
        ["GET /api/v1/support/need-kinds"] = Everyone,
        ["POST /api/v1/support/need-kinds"] = Admin,
        ["PUT /api/v1/support/need-kinds/{id}"] = Admin,
        // Peer and self-help groups: the case workers (and supervisors) of the group's ward; the demo group is Phú Lương's.
        ["GET /api/v1/support/groups"] = "hotro",
        ["POST /api/v1/support/groups"] = "hotro",
        ["GET /api/v1/support/groups/{id}"] = "hotro",
        ["PUT /api/v1/support/groups/{id}"] = "hotro",
        ["POST /api/v1/support/groups/{id}/members"] = "hotro",
        ["POST /api/v1/support/groups/{id}/members/{membershipId}/leave"] = "hotro",
        ["POST /api/v1/support/groups/{id}/meetings"] = "hotro",

        ["GET /api/v1/notifications"] = Everyone,
        ["GET /api/v1/search"] = Everyone,
        ["GET /api/v1/notifications/unread-count"] = Everyone,
        ["POST /api/v1/notifications/{id}/read"] = Everyone,
        ["POST /api/v1/notifications/read-all"] = Everyone,

        ["GET /api/v1/audit"] = Admin,
    };
}
