using Pcmd.Web.Features.Support;
using Svc = Pcmd.Web.Features.ServiceDirectory;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>Makes the confidential support records of issue 12 (item 9): each synthetic case worker carries a caseload of about
/// <see cref="CasesPerWorker"/> cases of their ward (some closed), two people in three agree to being recorded (their made-up name,
/// year of birth, phone and residence then go through the same encryption as the app's saves; the others keep none), three in five
/// to being referred; needs screened, referrals of eligible needs with the providers' outcomes, outreach contacts (the case's and
/// anonymous counts) and, per worker, a peer group whose consenting members meet most months. Before 1/7/2025 a case is recorded in
/// an old commune of its ward.</summary>
public sealed class SupportFaker(Random r, SyntheticScale scale, IReadOnlyList<NeedKind> needs, IReadOnlyDictionary<(string Province, Svc.SupportServiceKind Kind), int> services)
{
    public const int CasesPerWorker = 240;
    static readonly DateOnly Merger = new(2025, 7, 1);

    public List<SupportCase> Cases { get; } = [];
    public List<CaseWorkerAssignment> Workers { get; } = [];
    public List<Consent> Consents { get; } = [];
    public List<CaseNeed> Needs { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<OutreachContact> Contacts { get; } = [];
    public List<SupportGroup> Groups { get; } = [];
    public List<GroupMember> Members { get; } = [];
    public List<GroupMeeting> Meetings { get; } = [];
    public List<MeetingAttendee> Attendees { get; } = [];
    public int NextCaseId, NextWorkerId, NextConsentId, NextNeedId, NextReferralId, NextContactId, NextGroupId, NextMemberId, NextMeetingId, NextAttendeeId;
    public int CaseCount, ContactCount, ReferralCount, GroupCount;

    /// <summary>Contacts per case (the rest of the scale's contacts are anonymous counts, one in five).</summary>
    double ContactsPerCase => scale.SupportCases == 0 ? 0 : scale.SupportContacts * 0.8 / scale.SupportCases;

    DateOnly Day(DateOnly first, DateOnly last) => first.AddDays(r.Next(Math.Max(1, last.DayNumber - first.DayNumber + 1)));

    static int Unit(Random r, SyntheticUnits.Commune c, DateOnly day) =>
        day < Merger && c.Predecessors.Count > 0 ? c.Predecessors[r.Next(c.Predecessors.Count)].Id : c.Id;

    /// <summary>A pseudonymous code of the app's alphabet, from the id (so unique), under a prefix no real code has ("SY-").</summary>
    static string Code(int id)
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var c = new char[6];
        for (var i = 5; i >= 0; i--) { c[i] = alphabet[id % alphabet.Length]; id /= alphabet.Length; }
        return "SY-" + new string(c);
    }

    /// <summary>One worker's caseload in their ward, with its peer group.</summary>
    public void MakeCaseload(SyntheticUnits.Commune ward, string workerId, string supervisorId, int count)
    {
        var first = new DateOnly(scale.FirstYear, 1, 1);
        var referable = new List<(int CaseId, DateOnly Opened, DateOnly? Closed)>();
        for (var n = 0; n < count; n++)
        {
            var opened = Day(first, scale.Until);
            var closed = r.NextDouble() < 0.2 ? opened.AddDays(r.Next(60, 700)) : (DateOnly?)null;
            if (closed > scale.Until) closed = null;
            var c = new SupportCase
            {
                Id = NextCaseId++, OrgUnitId = Unit(r, ward, opened), OpenedOn = opened, ClosedOn = closed, SupervisorId = supervisorId,
                ClosureReason = closed is null ? null : (ClosureReason)r.Next(4),
                TargetGroup = r.NextDouble() switch { < 0.7 => TargetGroup.SexWorker, < 0.9 => TargetGroup.AtRisk, < 0.95 => TargetGroup.TraffickingVictim, _ => TargetGroup.Other },
            };
            c.Code = Code(c.Id);
            Cases.Add(c);
            CaseCount++;
            Workers.Add(new CaseWorkerAssignment { Id = NextWorkerId++, CaseId = c.Id, UserId = workerId });
            if (r.NextDouble() < 0.65)
            {
                Consents.Add(new Consent { Id = NextConsentId++, CaseId = c.Id, Kind = ConsentKind.Recorded, GivenOn = opened, Method = (ConsentMethod)r.Next(3) });
                (c.Name, c.BirthYear, c.Phone, c.Residence) = (VietnameseNames.Person(r), (1970 + r.Next(36)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    VietnameseNames.Phone(r), $"{VietnameseNames.Street(r)}, {ward.Name}");
            }
            Consent? referral = null;
            if (r.NextDouble() < 0.6)
            {
                referral = new Consent { Id = NextConsentId++, CaseId = c.Id, Kind = ConsentKind.Referral, GivenOn = opened, Method = ConsentMethod.Verbal };
                // One in twenty withdraws it later (what it covered is then hidden).
                if (r.NextDouble() < 0.05) referral.WithdrawnOn = Day(opened, closed ?? scale.Until);
                Consents.Add(referral);
                if (referral.WithdrawnOn is null) referable.Add((c.Id, opened, closed));
            }
            var end = closed ?? scale.Until;
            var screened = Day(opened, opened.AddDays(14) < end ? opened.AddDays(14) : end);
            foreach (var k in needs.OrderBy(_ => r.Next()).Take(1 + r.Next(3)))
            {
                var need = new CaseNeed { Id = NextNeedId++, CaseId = c.Id, NeedKindId = k.Id, ScreenedOn = screened, Eligible = r.NextDouble() < 0.75 };
                Needs.Add(need);
                if (referral is null || !need.Eligible || r.NextDouble() >= 0.7
                    || !services.TryGetValue((ward.ProvinceCode, SupportDemoStep.ServiceFor(k.Code)), out var service)) continue;
                var referred = Day(screened, screened.AddDays(30) < end ? screened.AddDays(30) : end);
                var outcome = r.NextDouble() switch
                {
                    < 0.55 => ReferralOutcome.ServiceGiven, < 0.7 => ReferralOutcome.Received, < 0.8 => ReferralOutcome.Declined,
                    < 0.88 => ReferralOutcome.Lost, _ => ReferralOutcome.Pending,
                };
                DateOnly? outcomeOn = outcome == ReferralOutcome.Pending ? null : referred.AddDays(r.Next(3, 60));
                if (outcomeOn > scale.Until) (outcome, outcomeOn) = (ReferralOutcome.Pending, null);
                Referrals.Add(new Referral
                {
                    Id = NextReferralId++, CaseId = c.Id, NeedKindId = k.Id, ServiceId = service, ReferredOn = referred, ReferredBy = "synthetic",
                    ConsentId = referral.Id, Outcome = outcome, OutcomeOn = outcomeOn,
                    FollowUpOn = Referral.IsFinal(outcome) ? null : referred.AddDays(r.Next(14, 45)),
                });
                ReferralCount++;
            }
            var contacts = (int)Math.Round(ContactsPerCase * (0.5 + r.NextDouble()));
            for (var i = 0; i < contacts; i++) Contact(ward, c.Id, Day(opened, end), 1);
            // One anonymous count for every four contacts of a case: people met who gave nothing.
            for (var i = 0; i < contacts / 4; i++) Contact(ward, null, Day(first, scale.Until), 1 + r.Next(8));
        }
        MakeGroup(ward, referable);
    }

    void Contact(SyntheticUnits.Commune ward, int? caseId, DateOnly day, int people)
    {
        var channel = r.NextDouble() switch
        {
            < 0.5 => ContactChannel.InPerson, < 0.65 => ContactChannel.Hotline, < 0.75 => ContactChannel.Online, < 0.88 => ContactChannel.MobileCounselling,
            _ => ContactChannel.PeerGroup,
        };
        Contacts.Add(new OutreachContact
        {
            Id = NextContactId++, CaseId = caseId, OrgUnitId = Unit(r, ward, day), Date = day, Channel = channel, People = people, RecordedBy = "synthetic",
            Given = ContactGiven.Information | (r.Next(2) == 0 ? ContactGiven.Condoms : ContactGiven.None) | (r.Next(3) == 0 ? ContactGiven.Counselling : ContactGiven.None),
        });
        ContactCount++;
    }

    /// <summary>The worker's peer group: started with the earliest consenting case, meeting every month or so until the scale's end.</summary>
    void MakeGroup(SyntheticUnits.Commune ward, List<(int CaseId, DateOnly Opened, DateOnly? Closed)> referable)
    {
        if (referable.Count < 3) return;
        var started = referable.Min(x => x.Opened);
        var g = new SupportGroup
        {
            Id = NextGroupId++, Name = $"Nhóm đồng đẳng {VietnameseNames.ShortUnitName(ward.Name)} {NextGroupId}", Kind = (GroupKind)r.Next(3), OrgUnitId = ward.Id,
            StartedOn = started < Merger ? Merger : started,
        };
        Groups.Add(g);
        GroupCount++;
        var members = referable.Where(x => (x.Closed == null || x.Closed > g.StartedOn) && r.NextDouble() < 0.5).Select(x =>
        {
            var joined = x.Opened > g.StartedOn ? x.Opened : g.StartedOn;
            var m = new GroupMember { Id = NextMemberId++, GroupId = g.Id, CaseId = x.CaseId, JoinedOn = joined, LeftOn = x.Closed is { } cl && cl >= joined ? cl : null };
            Members.Add(m);
            return m;
        }).ToList();
        for (var day = g.StartedOn.AddDays(r.Next(10, 40)); day <= scale.Until; day = day.AddDays(r.Next(25, 45)))
        {
            var meeting = new GroupMeeting { Id = NextMeetingId++, GroupId = g.Id, Date = day, OrgUnitId = ward.Id, Topic = "Sinh hoạt định kỳ", AnonymousAttendees = r.Next(6) };
            Meetings.Add(meeting);
            foreach (var m in members.Where(m => m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn >= day) && r.NextDouble() < 0.6))
                Attendees.Add(new MeetingAttendee { Id = NextAttendeeId++, MeetingId = meeting.Id, CaseId = m.CaseId });
        }
    }

    public void ClearChunk()
    {
        Cases.Clear(); Workers.Clear(); Consents.Clear(); Needs.Clear(); Referrals.Clear(); Contacts.Clear();
        Groups.Clear(); Members.Clear(); Meetings.Clear(); Attendees.Clear();
    }
}
