using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Training;

/// <summary>Phú Lương's ward police keep named staff (the other units keep counts): six officers on 5/1/2026, one of them on the
/// roster of the old Phú Lãm since 2024 (the record moved to Phú Lương with the merger of 1/7/2025), four of them sent to the
/// communes' course of June 2026 — so that 3.2.3.b mixes a named roster with the counted ones.</summary>
public sealed class StaffMemberDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 331;

    static readonly (string Name, string Position, string? Phone, DateOnly From, bool Trained)[] Officers =
    [
        ("Nguyễn Văn Hùng", "Phó Trưởng Công an phường", "0912 345 601", new(2024, 3, 1), true),
        ("Trần Thị Mai", "Cán bộ quản lý hành chính về trật tự xã hội", "0912 345 602", new(2025, 7, 1), true),
        ("Lê Minh Tuấn", "Cảnh sát khu vực", null, new(2025, 7, 1), true),
        ("Phạm Quốc Bảo", "Cảnh sát khu vực", "0912 345 604", new(2025, 7, 1), false),
        ("Đỗ Thu Hà", "Cán bộ điều tra tội phạm về trật tự xã hội", null, new(2025, 9, 15), true),
        ("Vũ Đức Long", "Cảnh sát khu vực", null, new(2026, 1, 5), false),
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.StaffMembers.AnyAsync(ct)) return;
        var ward = await tree.Resolve("09568", new DateOnly(2026, 1, 5));
        var police = await db.Agencies.Where(a => a.Code == "CA-PHULUONG").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var course = await db.TrainingCourses.Include(c => c.Participants).Where(c => c.Level == TrainingLevel.Commune && c.EndDate == new DateOnly(2026, 6, 11))
            .FirstOrDefaultAsync(ct);
        if (ward is null || police is null || course is null) return;
        foreach (var o in Officers)
        {
            var m = new StaffMember { OrgUnitId = ward.Id, AgencyId = police, FullName = o.Name, JobTitle = o.Position, Phone = o.Phone, FromDate = o.From };
            db.StaffMembers.Add(m);
            await db.SaveChangesAsync(ct);
            if (o.Trained)
                course.Participants.Add(new TrainingParticipant { OrgUnitId = ward.Id, AgencyId = police, Role = o.Position, Count = 1, StaffMemberId = m.Id });
        }
        await db.SaveChangesAsync(ct);
    }
}
