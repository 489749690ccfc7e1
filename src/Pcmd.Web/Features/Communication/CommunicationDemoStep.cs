using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication;

/// <summary>Communication events of Hà Nội's communes, seeded so that the figures are believable: in 2024 (the old communes,
/// for the 2024 city plan) and from 1/7/2025 to today (the new ones, for 3.1.2 of the 2026–2030 plan), about four communes in
/// five hold an event every quarter and the others miss one; schools, the youth union and the health department hold the big
/// events. Dates never pass today. Written in bulk (generated data, not a user's change: no audit rows).</summary>
public sealed class CommunicationDemoStep(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock) : IDemoStep
{
    public int Order => 320;

    static readonly string[] Titles =
    [
        "Tuyên truyền phòng, chống mại dâm tại tổ dân phố", "Hội nghị phổ biến Luật Phòng, chống mại dâm",
        "Phát thanh chuyên đề phòng, chống tệ nạn xã hội", "Phát tờ rơi tại các cơ sở kinh doanh dịch vụ",
        "Bài viết trên trang thông tin điện tử của phường", "Sinh hoạt ngoại khóa về phòng, chống tệ nạn xã hội",
        "Đối thoại với chủ cơ sở kinh doanh lưu trú, karaoke", "Tuyên truyền trên mạng xã hội (Zalo, Facebook) của xã, phường",
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.CommunicationEvents.AnyAsync(ct)) return;
        var today = VietnamTime.Today(clock);
        var agencies = await db.Agencies.Where(a => a.Code == "SGDDT" || a.Code == "THANHDOAN" || a.Code == "SYT")
            .ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var communes = (await tree.All()).Where(n => n.Level == OrgUnitLevel.Commune).OrderBy(n => n.Id).ToList();
        var random = new Random(13);
        var events = new List<CommunicationEvent>();
        foreach (var c in communes)
        {
            // The old communes' 2024; the new ones' second half of 2025 and 2026 up to today.
            var (from, to) = c.ValidTo is not null ? (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))
                : (c.ValidFrom ?? new DateOnly(2025, 7, 1), today);
            if (c.ValidTo is { } gone && gone < new DateOnly(2024, 12, 31)) continue;
            var missed = random.Next(5) == 0 ? random.Next(4) : -1;
            for (var q = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1); q <= to; q = q.AddMonths(3))
            {
                if ((q.Month - 1) / 3 == missed) continue;
                var count = random.Next(3) == 0 ? 2 : 1;
                for (var i = 0; i < count; i++)
                {
                    var day = q.AddDays(random.Next(85));
                    if (day > to || day < from) continue;
                    events.Add(NewEvent(c.Id, day, random, agencies));
                }
            }
        }
        await using var w = await BulkWriter.Open(db, ct);
        int eventId = await w.NextId<CommunicationEvent>(ct), audienceId = await w.NextId<EventAudience>(ct);
        foreach (var e in events)
        {
            e.Id = eventId++;
            foreach (var a in e.Audiences) { a.Id = audienceId++; a.EventId = e.Id; }
        }
        await w.Write(events, ct);
        await w.Write(events.SelectMany(e => e.Audiences).ToList(), ct);
        await w.CommitAsync(ct);
    }

    static CommunicationEvent NewEvent(int unitId, DateOnly day, Random random, Dictionary<string, int> agencies)
    {
        var kind = (CommunicationKind)random.Next(Enum.GetValues<CommunicationKind>().Length);
        var e = new CommunicationEvent
        {
            Date = day, OrgUnitId = unitId, Kind = kind, Title = Titles[random.Next(Titles.Length)],
            MaterialsDistributed = kind is CommunicationKind.Leaflets or CommunicationKind.Meeting ? 50 + random.Next(200) : 0,
        };
        void Reach(TargetGroup g, int min, int max) => e.Audiences.Add(new EventAudience { Group = g, PeopleReached = min + random.Next(max - min) });
        switch (kind)
        {
            case CommunicationKind.SchoolActivity:
                e.AgencyId = agencies.GetValueOrDefault("SGDDT") is > 0 and var s ? s : null;
                Reach(random.Next(3) switch { 0 => TargetGroup.HighSchoolStudents, 1 => TargetGroup.UniversityStudents, _ => TargetGroup.VocationalStudents },
                    150, 600);
                break;
            case CommunicationKind.Leaflets or CommunicationKind.DirectTalk:
                Reach(TargetGroup.EstablishmentOwners, 2, 12);
                Reach(TargetGroup.EstablishmentWorkers, 5, 30);
                break;
            case CommunicationKind.Meeting:
                e.AgencyId = random.Next(3) == 0 && agencies.GetValueOrDefault("THANHDOAN") is > 0 and var t ? t : null;
                Reach(TargetGroup.Residents, 30, 120);
                Reach(random.Next(2) == 0 ? TargetGroup.Youth : TargetGroup.MigrantWorkers, 40, 250);
                break;
            default:
                e.AgencyId = kind == CommunicationKind.Broadcast && agencies.GetValueOrDefault("SYT") is > 0 and var h ? h : null;
                Reach(TargetGroup.Residents, 50, 400);
                break;
        }
        return e;
    }
}
