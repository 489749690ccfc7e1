using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Training;

/// <summary>The staff roster of the city's agencies and of every commune on 5/1/2026, and the courses of 2024 and 2026, so that
/// 3.2.3.a/b of the 2026–2030 plan read about four in five of the city's staff and a little over half of the communes' trained,
/// and 11.1/11.2 of the 2024 plan count the people trained that year. Seeded: the same figures on SQLite and PostgreSQL.</summary>
public sealed class TrainingDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 330;

    static readonly DateOnly RosterDay = new(2026, 1, 5);

    /// <summary>City agencies: headcount on the roster and how many attended the city's courses of 2026.</summary>
    static readonly (string Agency, int Headcount, int Trained, string Role)[] CityStaff =
    [
        ("CA-TP", 120, 96, "Cán bộ, chiến sĩ Công an Thành phố"), ("SYT", 40, 33, "Công chức Sở Y tế"),
        ("CC-DSTE-PCTNXH", 25, 25, "Công chức Chi cục"), ("SVHTT", 20, 14, "Công chức, thanh tra văn hóa"),
        ("THANHDOAN", 15, 10, "Cán bộ Đoàn"), ("HLHPN-TP", 10, 8, "Cán bộ Hội"), ("VKSND-TP", 12, 8, "Kiểm sát viên"),
        ("TAND-TP", 10, 6, "Thẩm phán, thư ký"),
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.StaffRosters.AnyAsync(ct) || await db.TrainingCourses.AnyAsync(ct)) return;
        var city = await tree.Resolve(DemoFacts.Province, RosterDay);
        if (city is null) return;
        var agencies = await db.Agencies.Where(a => a.OrgUnitId == city.Id).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var all = await tree.All();
        var communes = all.Where(n => n.Level == OrgUnitLevel.Commune && n.ValidTo is null).OrderBy(n => n.Id).ToList();
        var oldCommunes = all.Where(n => n.Level == OrgUnitLevel.Commune && n.ValidTo is { } t && t.Year == 2025).OrderBy(n => n.Id).ToList();
        var random = new Random(23);

        var cityCourse = Course("Tập huấn nâng cao năng lực phòng, chống mại dâm cho cán bộ cấp Thành phố", TrainingLevel.City,
            new(2026, 4, 14), new(2026, 4, 16), city.Id, "Sở Y tế (Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội)", 24);
        foreach (var (code, headcount, trained, role) in CityStaff)
        {
            if (!agencies.TryGetValue(code, out var agency)) continue;
            db.StaffRosters.Add(new StaffRoster { OrgUnitId = city.Id, AgencyId = agency, AsOf = RosterDay, Headcount = headcount });
            cityCourse.Participants.Add(new TrainingParticipant { OrgUnitId = city.Id, AgencyId = agency, Role = role, Count = trained });
        }
        var communeCourse = Course("Bồi dưỡng kỹ năng nghiệp vụ phòng, chống mại dâm cho cán bộ xã, phường", TrainingLevel.Commune,
            new(2026, 6, 9), new(2026, 6, 11), city.Id, "Sở Y tế phối hợp Công an Thành phố", 16);
        var secondRound = Course("Tập huấn lần 2: truyền thông và hỗ trợ người bán dâm tại cộng đồng", TrainingLevel.Commune,
            new(2026, 10, 20), new(2026, 10, 21), city.Id, "Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội", 12);
        foreach (var c in communes)
        {
            var headcount = 8 + random.Next(8);
            db.StaffRosters.Add(new StaffRoster { OrgUnitId = c.Id, AsOf = RosterDay, Headcount = headcount });
            // Most communes sent about half their staff in June; some sent more in October, partly the same people.
            if (random.Next(10) < 8)
                communeCourse.Participants.Add(new TrainingParticipant { OrgUnitId = c.Id, Role = "Công chức văn hóa - xã hội, công an xã", Count = headcount / 2 });
            if (random.Next(10) < 4)
                secondRound.Participants.Add(new TrainingParticipant { OrgUnitId = c.Id, Role = "Cán bộ Đoàn, Hội Phụ nữ, tổ dân phố", Count = 3, AlreadyTrained = 1 });
        }

        // A ward's own course: Phú Lương trains its tổ dân phố and its volunteers' team.
        var ward = await tree.Resolve("09568", RosterDay);
        if (ward is not null)
            Course("Tập huấn kỹ năng tuyên truyền cho tổ trưởng tổ dân phố và Đội công tác xã hội tình nguyện", TrainingLevel.Commune,
                new(2026, 8, 18), new(2026, 8, 18), ward.Id, "UBND phường Phú Lương", 4).Participants
                .Add(new TrainingParticipant { OrgUnitId = ward.Id, Role = "Tổ trưởng tổ dân phố, đội viên Đội CTXH tình nguyện", Count = 14 });
        var course2024 = Course("Tập huấn nghiệp vụ phòng, chống tệ nạn xã hội năm 2024", TrainingLevel.City,
            new(2024, 5, 21), new(2024, 5, 22), city.Id, "Sở Lao động - Thương binh và Xã hội", 16);
        if (agencies.TryGetValue("SLDTBXH", out var labour))
            course2024.Participants.Add(new TrainingParticipant { OrgUnitId = city.Id, AgencyId = labour, Role = "Công chức Sở, Chi cục", Count = 64 });
        if (agencies.TryGetValue("CA-TP", out var police))
            course2024.Participants.Add(new TrainingParticipant { OrgUnitId = city.Id, AgencyId = police, Role = "Cán bộ Công an Thành phố", Count = 41 });
        var local2024 = Course("Tập huấn cho cán bộ cấp xã năm 2024", TrainingLevel.Commune,
            new(2024, 9, 10), new(2024, 9, 12), city.Id, "Sở Lao động - Thương binh và Xã hội", 16);
        foreach (var c in oldCommunes.Where((_, i) => i % 2 == 0))
            local2024.Participants.Add(new TrainingParticipant { OrgUnitId = c.Id, Role = "Cán bộ lao động - thương binh và xã hội", Count = 2 + random.Next(3) });
        await db.SaveChangesAsync(ct);
    }

    TrainingCourse Course(string title, TrainingLevel level, DateOnly start, DateOnly end, int unit, string organiser, decimal hours)
    {
        var c = new TrainingCourse { Title = title, Level = level, StartDate = start, EndDate = end, OrgUnitId = unit, Organiser = organiser, Hours = hours };
        db.TrainingCourses.Add(c);
        return c;
    }
}
