using Pcmd.Web.Data;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Features.Users;
using Svc = Pcmd.Web.Features.ServiceDirectory;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>The support part of the generator (issue 12, item 9). It draws from a <see cref="Random"/> of its own (the seed mixed
/// with a constant), so that adding it changed none of the records drawn before; its case workers and supervisors are accounts
/// without a password (nobody signs in as them), created before the bulk transaction.</summary>
public sealed partial class SyntheticData
{
    const int SupportSeedMix = 0x5EED12;

    /// <summary>Case workers whose caseloads are made and written together.</summary>
    const int WorkerChunk = 40;

    async Task<SyntheticResult> GenerateSupport(SyntheticOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var scale = options.Scale;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (scale.Until > today) scale = scale with { Until = today };
        var total = Stopwatch.StartNew();
        var writing = new Stopwatch();
        var units = await SyntheticUnits.Load(db, scale, new Random(options.Seed), ct);
        var r = new Random(options.Seed ^ SupportSeedMix);
        var staff = await SupportStaff(scale, units, r, ct);
        await using var w = await BulkWriter.Open(db, ct);
        var made = await Support(w, writing, scale, r, units, staff, progress, ct);
        writing.Start();
        await w.CommitAsync(ct);
        writing.Stop();
        return new SyntheticResult(scale.Name, options.Seed, units.Communes.Count, units.OldCommuneCount, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            total.Elapsed - writing.Elapsed, writing.Elapsed) { Support = made };
    }

    sealed record SupportStaffMember(string Id, SyntheticUnits.Commune Ward, string SupervisorId);

    /// <summary>One case worker per <see cref="SupportFaker.CasesPerWorker"/> cases, in a ward drawn by weight, and one supervisor for
    /// five workers; accounts of an earlier run (same names) are reused.</summary>
    async Task<List<SupportStaffMember>> SupportStaff(SyntheticScale scale, SyntheticUnits units, Random r, CancellationToken ct)
    {
        var count = (scale.SupportCases + SupportFaker.CasesPerWorker - 1) / SupportFaker.CasesPerWorker;
        if (count == 0) return [];
        var roles = await db.Roles.Where(x => x.Name == Roles.CaseWorker || x.Name == Roles.CaseSupervisor).ToDictionaryAsync(x => x.Name!, x => x.Id, ct);
        foreach (var missing in new[] { Roles.CaseWorker, Roles.CaseSupervisor }.Where(x => !roles.ContainsKey(x)))
        {
            var role = new IdentityRole(missing) { NormalizedName = missing.ToUpperInvariant() };
            db.Roles.Add(role);
            roles[missing] = role.Id;
        }
        var existing = await db.Users.Where(u => u.UserName!.StartsWith("synth-")).ToDictionaryAsync(u => u.UserName!, ct);
        var sample = units.Sampler();
        var byId = units.Communes.ToDictionary(c => c.Id);
        var result = new List<SupportStaffMember>();
        string? supervisor = null;
        for (var i = 0; i < count; i++)
        {
            var ward = sample(r);
            if (i % 5 == 0) supervisor = Account($"synth-gs-{scale.Name}-{i / 5:D4}", Roles.CaseSupervisor, ref ward);
            var worker = Account($"synth-ctxh-{scale.Name}-{i:D5}", Roles.CaseWorker, ref ward);
            result.Add(new SupportStaffMember(worker, ward, supervisor!));
        }
        await db.SaveChangesAsync(ct);
        return result;

        string Account(string name, string role, ref SyntheticUnits.Commune ward)
        {
            if (existing.TryGetValue(name, out var old))
            {
                ward = byId.GetValueOrDefault(old.OrgUnitId) ?? ward;
                return old.Id;
            }
            var u = new PcmdUser
            {
                Id = NewGuid(r).ToString(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), FullName = $"Cán bộ tổng hợp {name[6..]}",
                OrgUnitId = ward.Id, EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            db.Users.Add(u);
            existing[name] = u;
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = u.Id, RoleId = roles[role] });
            return u.Id;
        }
    }

    static Guid NewGuid(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes);
    }

    async Task<SupportMade> Support(BulkWriter w, Stopwatch writing, SyntheticScale scale, Random r, SyntheticUnits units,
        List<SupportStaffMember> staff, IProgress<string>? progress, CancellationToken ct)
    {
        if (staff.Count == 0) return new SupportMade(0, 0, 0, 0);
        async Task Write<T>(IReadOnlyList<T> rows) where T : class
        {
            writing.Start();
            await w.Write(rows, ct);
            writing.Stop();
        }
        if (scale.SupportContacts >= BigLoad)
        {
            await w.DeferIndexes<OutreachContact>(ct);
            await w.DeferIndexes<SupportCase>(ct);
            await w.DeferIndexes<Consent>(ct);
            await w.DeferIndexes<CaseNeed>(ct);
        }
        var needs = await db.NeedKinds.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ThenBy(k => k.Code).ToListAsync(ct);
        // A provider of each kind the checklist needs in every province of the scale, at its first ward.
        var services = new Dictionary<(string, Svc.SupportServiceKind), int>();
        var made = new List<Svc.SupportService>();
        var serviceId = await w.NextId<Svc.SupportService>(ct);
        foreach (var province in units.Communes.GroupBy(c => c.ProvinceCode).OrderBy(g => g.Key))
            foreach (var kind in needs.Select(k => SupportDemoStep.ServiceFor(k.Code)).Distinct().Order())
            {
                var at = province.OrderBy(c => c.Code).First();
                made.Add(new Svc.SupportService
                {
                    Id = serviceId, Name = $"Dịch vụ {kind} – {at.ProvinceName}", Kind = kind, OrgUnitId = at.Id, Address = at.Name, Active = true,
                });
                services[(province.Key, kind)] = serviceId++;
            }
        await Write(made);
        var faker = new SupportFaker(r, scale, needs, services)
        {
            NextCaseId = await w.NextId<SupportCase>(ct), NextWorkerId = await w.NextId<CaseWorkerAssignment>(ct), NextConsentId = await w.NextId<Consent>(ct),
            NextNeedId = await w.NextId<CaseNeed>(ct), NextReferralId = await w.NextId<Referral>(ct), NextContactId = await w.NextId<OutreachContact>(ct),
            NextGroupId = await w.NextId<SupportGroup>(ct), NextMemberId = await w.NextId<GroupMember>(ct), NextMeetingId = await w.NextId<GroupMeeting>(ct),
            NextAttendeeId = await w.NextId<MeetingAttendee>(ct),
        };
        var left = scale.SupportCases;
        for (var start = 0; start < staff.Count; start += WorkerChunk)
        {
            foreach (var s in staff.Skip(start).Take(WorkerChunk))
            {
                var n = Math.Min(left, SupportFaker.CasesPerWorker);
                left -= n;
                faker.MakeCaseload(s.Ward, s.Id, s.SupervisorId, n);
            }
            await Write(faker.Cases);
            await Write(faker.Workers);
            await Write(faker.Consents);
            await Write(faker.Needs);
            await Write(faker.Referrals);
            await Write(faker.Contacts);
            await Write(faker.Groups);
            await Write(faker.Members);
            await Write(faker.Meetings);
            await Write(faker.Attendees);
            faker.ClearChunk();
            progress?.Report($"{faker.CaseCount} support cases, {faker.ContactCount} contacts, {faker.ReferralCount} referrals, {faker.GroupCount} groups");
        }
        return new SupportMade(faker.CaseCount, faker.ContactCount, faker.ReferralCount, faker.GroupCount);
    }
}

/// <summary>What the support part of the generator made.</summary>
public sealed record SupportMade(int Cases, int Contacts, int Referrals, int Groups)
{
    public override string ToString() => $"{Cases} support cases, {Contacts} outreach contacts, {Referrals} referrals, {Groups} peer groups";
}
