using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Features.Support;

/// <summary>The demo's support work in Phường Phú Lương: the supervisor account "giamsat", and the caseload of the case
/// worker "hotro" (cases with consents, encrypted identities of made-up people, needs, plan notes, contacts, some closed) plus
/// anonymous contacts, from 2024 to 2026 so that the 2024 plan and the 2026–2030 plan both have figures.</summary>
public sealed class SupportDemoStep(PcmdDbContext db, UserManager<PcmdUser> users, OrgUnitTree tree, IConfiguration config) : IDemoStep
{
    public const string SupervisorUserName = "giamsat";
    public int Order => 350;

    /// <summary>Made-up people (the raw-database test checks none of these is stored in clear).</summary>
    public static readonly (string Name, string Phone)[] People =
    [
        ("Nguyễn Thị Thu Trang", "0912 345 671"), ("Trần Thị Bích Ngọc", "0987 654 312"), ("Lê Thị Hồng Nhung", "0934 221 563"),
        ("Phạm Thị Mỹ Duyên", "0976 118 204"), ("Hoàng Thị Kim Oanh", "0903 775 319"), ("Vũ Thị Thanh Hương", "0968 402 857"),
        ("Đặng Thị Ngọc Ánh", "0945 630 128"), ("Bùi Thị Phương Thảo", "0916 284 930"), ("Đỗ Thị Minh Châu", "0989 517 046"),
        ("Ngô Thị Lan Anh", "0937 842 615"), ("Dương Thị Hải Yến", "0972 365 481"), ("Lý Thị Quỳnh Như", "0908 193 764"),
    ];

    public async Task Load(CancellationToken ct)
    {
        var unit = await tree.Resolve("09568", DemoFacts.Today) ?? throw new InvalidOperationException("Demo unit 09568 missing");
        var supervisor = await users.FindByNameAsync(SupervisorUserName);
        if (supervisor is null)
        {
            var agency = await db.Agencies.Where(a => a.Code == "UBND-PHULUONG").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            supervisor = new PcmdUser
            {
                UserName = SupervisorUserName, FullName = "Trịnh Thị Hạnh (giám sát hỗ trợ, phường Phú Lương)", OrgUnitId = unit.Id,
                AgencyId = agency, EmailConfirmed = true,
            };
            var password = config["Pcmd:Demo:Password"] ?? throw new InvalidOperationException("Pcmd:Demo:Password is not configured.");
            var created = await users.CreateAsync(supervisor, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(supervisor, Roles.CaseSupervisor);
        }
        var worker = await users.FindByNameAsync("hotro");
        if (worker is null || await db.SupportCases.AnyAsync(ct)) return;

        // Phú Lãm (old 09568), merged into Phú Lương on 1/7/2025: cases opened there before keep their old unit and roll up.
        var phuLam = await tree.Resolve("09568", new DateOnly(2025, 1, 1)) is { } old && old.Id != unit.Id ? old : null;
        var kinds = await db.NeedKinds.OrderBy(k => k.SortOrder).ToListAsync(ct);
        var services = await db.SupportServices.Where(x => x.Active).OrderBy(x => x.Id).Select(x => new { x.Id, x.Kind }).ToListAsync(ct);
        var rnd = new Random(12);
        var start = new DateOnly(2024, 2, 1);
        for (var i = 0; i < People.Length; i++)
        {
            var opened = start.AddDays(i * 75);
            var oldUnit = phuLam is not null && opened < new DateOnly(2025, 7, 1) && i % 2 == 1;
            var c = new SupportCase
            {
                Code = $"HT-DEMO{i + 1:D2}", OrgUnitId = oldUnit ? phuLam!.Id : unit.Id, OpenedOn = opened, SupervisorId = supervisor.Id,
                TargetGroup = i % 5 == 4 ? TargetGroup.AtRisk : i == 7 ? TargetGroup.TraffickingVictim : TargetGroup.SexWorker,
            };
            c.Workers.Add(new CaseWorkerAssignment { UserId = worker.Id });
            // Two people in three agree to being recorded; the others stay a code.
            if (i % 3 != 2)
            {
                c.Consents.Add(new Consent { Kind = ConsentKind.Recorded, GivenOn = opened, Method = i % 2 == 0 ? ConsentMethod.Written : ConsentMethod.Verbal });
                (c.Name, c.Phone, c.BirthYear, c.Residence) = (People[i].Name, People[i].Phone, (1985 + i).ToString(), $"Tổ {i + 3}, phường Phú Lương");
            }
            if (i % 2 == 0) c.Consents.Add(new Consent { Kind = ConsentKind.Referral, GivenOn = opened, Method = ConsentMethod.Verbal });
            var screened = opened.AddDays(7);
            foreach (var k in kinds.OrderBy(_ => rnd.Next()).Take(1 + i % 3))
                c.Needs.Add(new CaseNeed { NeedKindId = k.Id, ScreenedOn = screened, Eligible = rnd.Next(4) != 0 });
            c.Notes.Add(new CaseNote { Kind = CaseNoteKind.Goal, Date = screened, Text = "Ổn định sức khỏe, tham gia học nghề.", Author = "hotro" });
            c.Notes.Add(new CaseNote { Kind = CaseNoteKind.Review, Date = screened.AddDays(60), Text = "Đã gặp lại, tiến triển tốt.", Author = "hotro" });
            if (i < 3) (c.ClosedOn, c.ClosureReason) = (opened.AddDays(300), i == 0 ? ClosureReason.Reintegrated : ClosureReason.Moved);
            db.SupportCases.Add(c);
            await db.SaveChangesAsync(ct);
            // Those who agreed to be referred are, for their first eligible need; the providers answered for most.
            var referral = c.Consents.FirstOrDefault(x => x.Kind == ConsentKind.Referral);
            if (referral is not null && c.Needs.FirstOrDefault(n => n.Eligible) is { } need && services.Count > 0)
            {
                var code = kinds.First(k => k.Id == need.NeedKindId).Code;
                var service = services.FirstOrDefault(x => x.Kind == ServiceFor(code)) ?? services[i % services.Count];
                var outcome = (ReferralOutcome)(i % 5);
                db.Referrals.Add(new Referral
                {
                    CaseId = c.Id, NeedKindId = need.NeedKindId, ServiceId = service.Id, ReferredOn = screened.AddDays(3), ReferredBy = "hotro",
                    ConsentId = referral.Id, Outcome = outcome, OutcomeOn = outcome == ReferralOutcome.Pending ? null : screened.AddDays(30),
                    FollowUpOn = Referral.IsFinal(outcome) ? null : screened.AddDays(45),
                });
            }
            for (var n = 0; n < 2 + i % 4; n++)
                db.OutreachContacts.Add(new OutreachContact
                {
                    CaseId = c.Id, OrgUnitId = c.OrgUnitId, Date = opened.AddDays(n * 20), Channel = (ContactChannel)(n % 5),
                    Given = ContactGiven.Information | (n % 2 == 0 ? ContactGiven.Condoms : ContactGiven.Counselling), People = 1, RecordedBy = "hotro",
                });
        }
        // Anonymous counts: peer-group meetings and mobile counselling where nobody gave a name.
        for (var m = 0; m < 10; m++)
            db.OutreachContacts.Add(new OutreachContact
            {
                OrgUnitId = unit.Id, Date = start.AddDays(m * 90 + 10), Channel = m % 2 == 0 ? ContactChannel.PeerGroup : ContactChannel.MobileCounselling,
                Given = ContactGiven.Information | ContactGiven.Condoms, People = 3 + m % 6, RecordedBy = "hotro",
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The directory's kind of service that meets a need of the checklist.</summary>
    public static ServiceDirectory.SupportServiceKind ServiceFor(string needCode) => needCode switch
    {
        "health" or "sti-hiv" => ServiceDirectory.SupportServiceKind.Health,
        "psychological" => ServiceDirectory.SupportServiceKind.Psychological,
        "legal" => ServiceDirectory.SupportServiceKind.LegalAid,
        "vocational" => ServiceDirectory.SupportServiceKind.VocationalTraining,
        "jobs" => ServiceDirectory.SupportServiceKind.Employment,
        "loans" => ServiceDirectory.SupportServiceKind.Loans,
        "housing" => ServiceDirectory.SupportServiceKind.Shelter,
        "safety" => ServiceDirectory.SupportServiceKind.Protection,
        _ => ServiceDirectory.SupportServiceKind.SocialWork,
    };
}
