using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>3.2.3.a/b for the units and agencies that keep named staff (issue 13, item 2): people, not typed numbers.</summary>
public static class NamedStaffFacts
{
    /// <summary>Each person on the roster on the window's last day, of a unit of the level, is one in the denominator; one in
    /// the numerator when linked to a participant row of a course ended in the window ("trained at least once in the period":
    /// two courses are still one person). A record follows its person through a merger (its unit is the new ward), so an old
    /// ward's course of the first half of 2025 counts for the new ward's person.</summary>
    public static IQueryable<Fact> TrainedShare(PcmdDbContext db, int? area, DateOnly from, DateOnly to, OrgUnitLevel level)
    {
        var members = db.StaffMembers.Where(m => m.FromDate <= to && (m.ToDate == null || m.ToDate >= to)
            && db.OrgUnits.Any(u => u.Id == m.OrgUnitId && u.Level == level));
        if (area is { } a) members = members.InAreaOf(db, a, m => m.OrgUnitId);
        return members.Select(m => new Fact
        {
            UnitId = m.OrgUnitId, Den = 1,
            Num = db.TrainingParticipants.Any(p => p.StaffMemberId == m.Id
                && db.TrainingCourses.Any(c => c.Id == p.CourseId && c.EndDate >= from && c.EndDate <= to)) ? 1 : 0,
        });
    }
}
