namespace Pcmd.Web.Features.Users;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string AgencyReporter = "AgencyReporter";
    public const string CommuneOfficer = "CommuneOfficer";
    public const string Inspector = "Inspector";
    public const string CaseWorker = "CaseWorker";
    /// <summary>Supervises support cases of its area: sees the cases it supervises, reassigns them (issue 12).</summary>
    public const string CaseSupervisor = "CaseSupervisor";
    public const string Leader = "Leader";

    public static readonly string[] All = [Admin, Coordinator, AgencyReporter, CommuneOfficer, Inspector, CaseWorker, CaseSupervisor, Leader];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Coordinator => "Cơ quan thường trực (điều phối)",
        AgencyReporter => "Cán bộ báo cáo của cơ quan",
        CommuneOfficer => "Cán bộ xã, phường",
        Inspector => "Thành viên đội kiểm tra",
        CaseWorker => "Cán bộ hỗ trợ, quản lý trường hợp",
        CaseSupervisor => "Giám sát hỗ trợ, quản lý trường hợp",
        Leader => "Lãnh đạo (chỉ xem)",
        _ => role,
    };

    /// <summary>Who records the programme's activities (communication events, training courses, the unit's documents,
    /// commendations): the commune's officers, an agency's reporter, the coordinator and administrators — each feature
    /// then limits them to the units they may write in.</summary>
    public static bool RecordsActivities(Security.UserScope s) =>
        s.IsGlobal || s.IsInRole(Coordinator) || s.IsInRole(CommuneOfficer) || s.IsInRole(AgencyReporter);
}
