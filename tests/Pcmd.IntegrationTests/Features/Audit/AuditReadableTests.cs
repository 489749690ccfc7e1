using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Shared;

namespace Pcmd.IntegrationTests.Features.Audit;

/// <summary>Issue 15 item 8: the trail as people read it — kinds of record and fields in Vietnamese, not code names;
/// numbers, dates, money and yes/no in vi-VN; units by name; personal data never in clear; filters by day.</summary>
public abstract class AuditReadableTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    async Task<int> NewEstablishment(string name)
    {
        var officer = await app.SignIn("phuluong");
        var input = EstablishmentApi.Input(name, await officer.TypeId("KARAOKE"), await app.UnitId("09568"));
        input["workerCount"] = 1500;
        return (await officer.Create(input)).Id;
    }

    [Fact]
    public async Task A_created_establishment_reads_in_Vietnamese_with_vi_VN_values()
    {
        var id = await NewEstablishment(data.Tag("Nhật ký", 30));
        var admin = await app.SignIn("admin");
        var html = await admin.GetStringAsync($"/audit?entityType=Establishment&entityId={id}");
        Assert.Contains("<td class=\"border-bottom-0\">Cơ sở kinh doanh</td>", html);
        Assert.Contains("<option value=\"Establishment\" selected>Cơ sở kinh doanh</option>", html);
        Assert.Contains("<span class=\"fw-semibold\">Số người lao động</span>: 1.500", html);
        Assert.Contains("<span class=\"fw-semibold\">Ngày cấp giấy phép</span>: 15/01/2020", html);
        Assert.Contains("<span class=\"fw-semibold\">Đã ký cam kết</span>: Có", html);
        Assert.Contains("<span class=\"fw-semibold\">Đơn vị</span>: Phường Phú Lương", html);
        // The owner's name is personal data: the trail says it was set, never what it is.
        Assert.Contains("<span class=\"fw-semibold\">Chủ cơ sở</span>: " + AuditRecorder.PersonalDataMark, html);
        Assert.DoesNotContain("Trần Văn Chủ", html);
        // Enum values in words, not as recorded (UnderManagement).
        Assert.Contains("</span>: Đang quản lý", html);
        foreach (var code in new[] { "WorkerCount", "LicenceDate", "OrgUnitId", "CommitmentSigned", ">Establishment<", "UnderManagement" })
            Assert.DoesNotContain(code, html);
    }

    [Fact]
    public async Task A_changed_fine_reads_in_dong()
    {
        // A row as the DbContext writes it for a changed amount (the sanction's own workflow is the enforcement feature's).
        var marker = "9" + Random.Shared.Next(1_000_000, 9_999_999);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow, UserName = "congan", EntityType = "AdministrativeSanction", EntityId = marker,
                Action = AuditAction.Modified, Changes = """{"Amount":[1500000,2000000],"DecidedOn":["2026-06-17","2026-06-18"]}""",
            });
            await db.SaveChangesAsync();
        }
        var html = await (await app.SignIn("admin")).GetStringAsync($"/audit?entityId={marker}");
        Assert.Contains("Xử phạt vi phạm hành chính", html);
        Assert.Contains("<span class=\"fw-semibold\">Số tiền</span>: 1.500.000 đ → 2.000.000 đ", html);
        Assert.Contains("17/06/2026 → 18/06/2026", html);
    }

    [Fact]
    public async Task The_trail_is_filtered_by_day_in_the_API_and_on_the_page()
    {
        var id = await NewEstablishment(data.Tag("Theo ngày", 30));
        var admin = await app.SignIn("admin");
        var today = VietnamTime.Day(DateTime.UtcNow);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
        var url = $"/api/v1/audit?entityType=Establishment&entityId={id}";
        Assert.Single((await admin.GetJson<Page<AuditRow>>($"{url}&from={Iso(today)}&to={Iso(today)}")).Items);
        Assert.Empty((await admin.GetJson<Page<AuditRow>>($"{url}&from={Iso(today.AddDays(1))}")).Items);
        Assert.Empty((await admin.GetJson<Page<AuditRow>>($"{url}&to={Iso(today.AddDays(-1))}")).Items);
        var reversed = await (await admin.GetAsync($"{url}&from={Iso(today)}&to={Iso(today.AddDays(-1))}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal(["to: Ngày kết thúc phải từ ngày bắt đầu trở đi."], reversed.Lines());

        // The page takes the days as people write them.
        var page = await admin.GetStringAsync($"/audit?entityType=Establishment&entityId={id}&from={ViFormat.Date(today)}");
        Assert.Contains("data-testid=\"audit-entry\"", page);
        var none = await admin.GetStringAsync($"/audit?entityType=Establishment&entityId={id}&from={ViFormat.Date(today.AddDays(1))}");
        Assert.DoesNotContain("data-testid=\"audit-entry\"", none);
        var bad = await admin.GetAsync($"/audit?from=32/13/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("không có thật: tháng phải từ 1 đến 12", await bad.Content.ReadAsStringAsync()); // Shared/DateInput's words
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditReadableTestsOnSqlite(SqliteApp app) : AuditReadableTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditReadableTestsOnPostgres(PostgresApp app) : AuditReadableTests(app);
