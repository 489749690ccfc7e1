using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Audit;

/// <summary>Reads of one record carrying personal data are audited (issue 9, item 4). The record types are found from the
/// model (the properties encrypted with <see cref="PersonalData"/>); each must be in this table with the record whose
/// single read records it, so a new personal field (a tip's reporter, a case's client) cannot arrive unaudited.</summary>
public sealed class PersonalDataReadsTests
{
    /// <summary>Type holding personal data → the record a single read of which is audited (AuditTrail.RecordRead).</summary>
    static readonly Dictionary<string, string[]> AuditedReads = new()
    {
        // EstablishmentService.Get: owner's name and phone.
        ["Establishment"] = ["Establishment"],
        // TeamService.Get (the team with its members) and InspectionQueries.Get (the members present).
        ["TeamMember"] = ["InspectionTeam", "Inspection"],
        // SupportService.Identity and .BreakGlass (the identifying fields) and SupportService.Get (the case plan's notes).
        ["SupportCase"] = ["SupportCase"],
        ["CaseNote"] = ["SupportCase"],
        // TipService.ReadSource: the reporter's name, contact and identifying details, never part of the tip's other reads.
        ["Tip"] = ["TipSource"],
        // CommendationService.Get and .List: a commended individual's name (issue 13, item 6).
        ["Commendation"] = ["Commendation"],
        // StaffMemberService.Get: a named staff member's name and phone (issue 13, item 2); the list shows initials.
        ["StaffMember"] = ["StaffMember"],
    };

    [Fact]
    public void Every_type_with_personal_data_has_an_audited_single_read()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        using var db = new PcmdDbContext(new DbContextOptionsBuilder<PcmdDbContext>().UseSqlite(conn).Options);
        var personal = db.Model.GetEntityTypes()
            .Where(t => t.GetProperties().Any(p => ReferenceEquals(p.GetValueConverter(), PersonalData.Converter)))
            .Select(t => t.ClrType.Name).Order().ToList();
        Assert.Equal(AuditedReads.Keys.Order(), personal);
    }
}
