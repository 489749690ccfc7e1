using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;

namespace Pcmd.IntegrationTests.Features.Training;

public sealed record StaffView(int Id, int OrgUnitId, int? AgencyId, string Level, string FullName, string Position, string? Phone, string FromDate,
    string? ToDate, int Version, bool CanEdit);

public sealed record StaffLine(int Id, int OrgUnitId, string Initials, string Position, int Courses);

/// <summary>Named staff on the roster through HTTP (issue 13, item 2): the name encrypted at rest, one audit row a read (API and
/// page), scope (another ward: 404), bad input by field with nothing saved, conflicts, and a course row linked to a person.</summary>
public abstract class StaffMemberTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568";

    async Task<JsonObject> Body(string name, string from = "2026-03-02", string? to = null, int version = 0) => new()
    {
        ["orgUnitId"] = await data.UnitId(PhuLuong), ["agencyId"] = await data.AgencyId("CA-PHULUONG"), ["fullName"] = name,
        ["position"] = "Cảnh sát khu vực", ["phone"] = "0987 654 321", ["fromDate"] = from, ["toDate"] = to, ["version"] = version,
    };

    async Task<int> Reads(int id)
    {
        using (var scope = data.Scope()) await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var key = id.ToString();
        return await data.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == "StaffMember" && a.EntityId == key && a.Action == AuditAction.Read));
    }

    [Fact]
    public async Task The_name_is_ciphertext_in_the_database_and_each_read_leaves_one_audit_row()
    {
        var ward = await app.SignIn("phuluong");
        var name = "Hoàng Kín Đáo " + Guid.NewGuid().ToString("N")[..6];
        var saved = await (await ward.PostRaw("/api/v1/staff-members", (await Body(name)).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        using (var scope = app.Services.CreateScope())
        {
            var conn = scope.ServiceProvider.GetRequiredService<PcmdDbContext>().Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT \"FullName\", \"Phone\" FROM staff_members WHERE \"Id\" = {saved.Id}";
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            Assert.StartsWith("enc1:", r.GetString(0));
            Assert.DoesNotContain("Kín Đáo", r.GetString(0));
            Assert.StartsWith("enc1:", r.GetString(1));
        }
        Assert.Equal(0, await Reads(saved.Id));
        var list = await ward.GetStringAsync($"/api/v1/staff-members?unit={await data.UnitId(PhuLuong)}");
        Assert.DoesNotContain("Kín Đáo", list);   // initials only
        Assert.Contains(await ward.GetJson<List<StaffLine>>("/api/v1/staff-members?onDate=2026-03-02"), m => m.Id == saved.Id && m.Initials.StartsWith("H. K. Đ."));
        var listPage = await ward.GetStringAsync($"/training/staff?unit={await data.UnitId(PhuLuong)}");
        Assert.Contains("H. K. Đ.", listPage);
        Assert.DoesNotContain("Kín Đáo", listPage);
        Assert.Equal(0, await Reads(saved.Id));

        var read = await ward.GetJson<StaffView>($"/api/v1/staff-members/{saved.Id}");
        Assert.Equal((name, "0987 654 321", "commune"), (read.FullName, read.Phone, read.Level));
        Assert.Equal(1, await Reads(saved.Id));
        var page = await ward.GetStringAsync($"/training/staff/{saved.Id}");
        Assert.Contains(name, page);
        Assert.Equal(2, await Reads(saved.Id));
    }

    [Fact]
    public async Task Another_ward_gets_404_and_concurrent_edits_conflict()
    {
        var ward = await app.SignIn("phuluong");
        var saved = await (await ward.PostRaw("/api/v1/staff-members", (await Body(data.Unique("Người Phú Lương"))).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/staff-members/{saved.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutRaw($"/api/v1/staff-members/{saved.Id}",
            (await Body("Chiếm quyền", version: saved.Version)).ToJsonString())).StatusCode);
        Assert.DoesNotContain(await other.GetJson<List<StaffLine>>("/api/v1/staff-members"), m => m.Id == saved.Id);
        var coordinator = await app.SignIn("dieuphoi");
        var all = await coordinator.GetJson<List<StaffLine>>("/api/v1/staff-members");
        Assert.Contains(all, m => m.Id == saved.Id);
        // The demo: Phú Lương's ward police keep six named officers, four of them trained in June 2026.
        var demo = await data.Db(db => db.StaffMembers.Where(m => m.FromDate <= new DateOnly(2026, 1, 5))
            .Select(m => new { m.Id, Trained = db.TrainingParticipants.Any(p => p.StaffMemberId == m.Id) }).ToListAsync());
        Assert.Equal((6, 4), (demo.Count, demo.Count(x => x.Trained)));
        Assert.All(demo, d => Assert.Contains(all, m => m.Id == d.Id));

        var edit = await Body(data.Unique("Đã sửa"), to: "2026-12-01", version: saved.Version);
        var changed = await (await ward.PutRaw($"/api/v1/staff-members/{saved.Id}", edit.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutRaw($"/api/v1/staff-members/{saved.Id}", edit.ToJsonString())).StatusCode);
        Assert.Equal("2026-12-01", (await ward.GetJson<StaffView>($"/api/v1/staff-members/{saved.Id}")).ToDate);
        Assert.Equal(HttpStatusCode.NoContent, (await ward.DeleteAsync($"/api/v1/staff-members/{saved.Id}?version={changed.Version}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_by_field_and_nothing_is_saved()
    {
        var ward = await app.SignIn("phuluong");
        var before = await RowCounts.Read(app);
        var empty = await (await ward.PostRaw("/api/v1/staff-members", "{}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập họ và tên cán bộ.", empty.On("fullName"));
        Assert.Contains("Nhập chức vụ, chức danh.", empty.On("position"));
        Assert.Contains("Nhập ngày vào danh sách.", empty.On("fromDate"));
        Assert.Contains("Chọn đơn vị.", empty.On("orgUnitId"));
        var backwards = await Body("   ", from: "2026-05-10", to: "2026-05-09");
        backwards["orgUnitId"] = 999999;
        backwards["phone"] = "abc";
        var problem = await (await ward.PostRaw("/api/v1/staff-members", backwards.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập họ và tên cán bộ.", problem.On("fullName"));
        Assert.Contains("Ngày rời danh sách không được trước ngày vào danh sách.", problem.On("toDate"));
        Assert.Contains("Không có đơn vị hành chính này.", problem.On("orgUnitId"));
        Assert.Contains("Số điện thoại gồm 8–15 chữ số (có thể có dấu +, cách, chấm, gạch).", problem.On("phone"));
        var foreign = await Body("Người phường khác");
        foreign["orgUnitId"] = await data.UnitId("09556");
        // Another ward's unit is not even named to a ward officer: it reads as unknown.
        Assert.Contains("Không có đơn vị hành chính này.",
            (await (await ward.PostRaw("/api/v1/staff-members", foreign.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest)).On("orgUnitId"));
        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));
    }

    [Fact]
    public async Task A_course_row_is_one_named_person_who_then_cannot_be_deleted()
    {
        var ward = await app.SignIn("phuluong");
        int phuLuong = await data.UnitId(PhuLuong), police = await data.AgencyId("CA-PHULUONG");
        var person = await (await ward.PostRaw("/api/v1/staff-members", (await Body(data.Unique("Học viên"))).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        JsonObject Course(int count) => new()
        {
            ["title"] = data.Unique("Khóa có tên"), ["level"] = "commune", ["startDate"] = "2026-05-04", ["endDate"] = "2026-05-05", ["orgUnitId"] = phuLuong,
            ["organiser"] = "UBND phường", ["hours"] = 4,
            ["participants"] = new JsonArray(new JsonObject
                { ["orgUnitId"] = phuLuong, ["agencyId"] = police, ["role"] = "Cảnh sát khu vực", ["count"] = count, ["staffMemberId"] = person.Id }),
        };
        var two = await (await ward.PostRaw("/api/v1/training-courses", Course(2).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Dòng gắn với một cán bộ có tên là một người: số người là 1.", two.On("participants[0].count"));
        var course = await (await ward.PostRaw("/api/v1/training-courses", Course(1).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        Assert.Contains(await ward.GetJson<List<StaffLine>>($"/api/v1/staff-members?unit={phuLuong}"), m => m.Id == person.Id && m.Courses == 1);
        var refused = await (await ward.DeleteAsync($"/api/v1/staff-members/{person.Id}?version={person.Version}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Cán bộ này đã tham dự khóa tập huấn nên không xóa được; hãy ghi ngày rời danh sách.", refused.On("id"));
        Assert.Equal(HttpStatusCode.NoContent, (await ward.DeleteAsync($"/api/v1/training-courses/{course.Id}?version={course.Version}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffMemberTestsOnSqlite(SqliteApp app) : StaffMemberTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StaffMemberTestsOnPostgres(PostgresApp app) : StaffMemberTests(app);
