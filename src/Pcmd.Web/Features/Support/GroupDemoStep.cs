using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Support;

/// <summary>The demo's peer group in Phường Phú Lương, facilitated by the city's Women's Union: the open demo cases whose person
/// agreed to being referred are members, with a few meetings.</summary>
public sealed class GroupDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 360;

    public async Task Load(CancellationToken ct)
    {
        if (await db.SupportGroups.AnyAsync(ct)) return;
        var unit = await tree.Resolve("09568", DemoFacts.Today);
        var members = await db.SupportCases.Where(c => c.Code.StartsWith("HT-DEMO") && c.ClosedOn == null
                && c.Consents.Any(k => k.Kind == ConsentKind.Referral && k.WithdrawnOn == null))
            .OrderBy(c => c.Code).Select(c => new { c.Id, c.OpenedOn }).ToListAsync(ct);
        if (unit is null || members.Count == 0) return;
        var facilitator = await db.Agencies.Where(a => a.Code == "HLHPN-TP").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var started = new DateOnly(2024, 3, 1);
        var g = new SupportGroup
        {
            Name = "Nhóm đồng đẳng Phú Lương", Kind = GroupKind.PeerGroup, OrgUnitId = unit.Id, FacilitatorAgencyId = facilitator, StartedOn = started,
        };
        foreach (var m in members) g.Members.Add(new GroupMember { CaseId = m.Id, JoinedOn = m.OpenedOn > started ? m.OpenedOn.AddDays(14) : started });
        string[] topics = ["Phòng tránh bệnh lây truyền qua đường tình dục", "Quyền được trợ giúp pháp lý", "Học nghề và vay vốn", "Phòng, chống bạo lực giới"];
        for (var i = 0; i < topics.Length; i++)
        {
            var day = DemoFacts.Today.AddDays(-30 * (topics.Length - i));
            g.Meetings.Add(new GroupMeeting
            {
                Date = day, OrgUnitId = unit.Id, Topic = topics[i], AnonymousAttendees = 2 + i,
                Attendees = g.Members.Where(m => m.JoinedOn <= day).Take(2 + i % 2).Select(m => new MeetingAttendee { CaseId = m.CaseId }).ToList(),
            });
        }
        db.SupportGroups.Add(g);
        await db.SaveChangesAsync(ct);
    }
}
