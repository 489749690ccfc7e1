using Pcmd.Web.Features.Budget;
using Pcmd.Web.Features.Commendations;
using Pcmd.Web.Features.Communication;
using Pcmd.Web.Features.CommuneModel;
using Pcmd.Web.Features.Training;
using Pcmd.Web.Features.UnitDocuments;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>Communication events, the staff roster (counts) and training courses with participants, per commune and quarter,
/// at volumes a ward of Hà Nội reports (docs/decisions-roster.md): about six events a year, a quarter without any in about one
/// commune of twelve; eight to fifteen staff doing the programme's work; one city course a year for the province's agencies
/// and two for the communes, each commune sending part of its staff. Records before 1/7/2025 belong to an old commune merged
/// into the current one.</summary>
public sealed class ActivityFaker(Random r, SyntheticScale scale)
{
    static readonly DateOnly Merger = new(2025, 7, 1);
    static readonly CommunicationKind[] Kinds = Enum.GetValues<CommunicationKind>();
    static readonly TargetGroup[] Groups = [TargetGroup.Residents, TargetGroup.EstablishmentOwners, TargetGroup.EstablishmentWorkers,
        TargetGroup.MigrantWorkers, TargetGroup.HighSchoolStudents];

    public int NextEventId, NextAudienceId, NextRosterId, NextCourseId, NextParticipantId, NextDocumentId;
    public int NextModelId, NextCommendationId, NextAssessmentId, NextScoreId, NextBudgetId;
    public List<CommuneAssessment> Assessments { get; } = [];
    public List<AssessmentScore> Scores { get; } = [];
    public List<BudgetLine> Budget { get; } = [];
    public List<UnitDocument> Documents { get; } = [];
    public List<ModelCommune> Models { get; } = [];
    public List<Commendation> Commendations { get; } = [];
    public List<CommunicationEvent> Events { get; } = [];
    public List<EventAudience> Audiences { get; } = [];
    public List<StaffRoster> Rosters { get; } = [];
    public List<TrainingCourse> Courses { get; } = [];
    public List<TrainingParticipant> Participants { get; } = [];

    /// <summary>A commune's events of every quarter from the scale's first year to its last day.</summary>
    public void Communication(SyntheticUnits.Commune c)
    {
        for (var q = new DateOnly(scale.FirstYear, 1, 1); q <= scale.Until; q = q.AddMonths(3))
        {
            // 0 events with p ≈ 0.08, else 1–3: about six a year, and most communes keep every quarter.
            var n = r.NextDouble() < 0.08 ? 0 : 1 + r.Next(3);
            var days = Math.Min(q.AddMonths(3).DayNumber, scale.Until.DayNumber + 1) - q.DayNumber;
            for (var i = 0; i < n; i++)
            {
                var date = q.AddDays(r.Next(days));
                var unit = date >= Merger || c.Predecessors.Count == 0 ? c.Id : c.Predecessors[r.Next(c.Predecessors.Count)].Id;
                var kind = Kinds[r.Next(Kinds.Length)];
                var e = new CommunicationEvent
                {
                    Id = NextEventId++, Date = date, OrgUnitId = unit, Kind = kind, Title = $"Tuyên truyền phòng, chống mại dâm – {c.Name}",
                    MaterialsDistributed = kind == CommunicationKind.Leaflets ? 100 + r.Next(400) : 0,
                };
                Events.Add(e);
                foreach (var g in Groups.Where(_ => r.Next(3) == 0).DefaultIfEmpty(TargetGroup.Residents))
                    Audiences.Add(new EventAudience { Id = NextAudienceId++, EventId = e.Id, Group = g, PeopleReached = 10 + r.Next(g == TargetGroup.Residents ? 200 : 40) });
            }
        }
    }

    /// <summary>The roster of a commune on 5 January of each year from 2026 (the current communes'; before, counts were not kept),
    /// and its people at the communes' courses of that year: each course takes about a third of the staff, partly the same people.</summary>
    public void CommuneStaff(SyntheticUnits.Commune c, IReadOnlyList<TrainingCourse> communeCourses)
    {
        for (var year = Math.Max(2026, scale.FirstYear); year <= scale.Until.Year; year++)
        {
            var headcount = 8 + r.Next(8);
            Rosters.Add(new StaffRoster { Id = NextRosterId++, OrgUnitId = c.Id, AsOf = new(year, 1, 5), Headcount = headcount });
            var first = true;
            foreach (var course in communeCourses.Where(x => x.EndDate.Year == year))
            {
                if (r.Next(10) < 2) continue;   // a commune sends nobody to one course in five
                var count = 1 + r.Next(headcount / 2);
                Participants.Add(new TrainingParticipant
                {
                    Id = NextParticipantId++, CourseId = course.Id, OrgUnitId = c.Id, Role = "Công chức văn hóa - xã hội, công an xã", Count = count,
                    AlreadyTrained = first ? 0 : r.Next(count + 1),
                });
                first = false;
            }
        }
    }

    /// <summary>A province's courses of each year from 2026 that ended by the scale's last day: one for its agencies' staff
    /// (60–95 % of each roster attending) and two for the communes.</summary>
    public List<TrainingCourse> ProvinceCourses(int provinceId, string provinceName, IReadOnlyList<int?> agencies)
    {
        var communeCourses = new List<TrainingCourse>();
        for (var year = Math.Max(2026, scale.FirstYear); year <= scale.Until.Year; year++)
        {
            var city = Course(provinceId, TrainingLevel.City, new(year, 4, 14), $"Tập huấn cán bộ cấp Thành phố năm {year} – {provinceName}");
            foreach (var agency in agencies)
            {
                var headcount = 10 + r.Next(60);
                Rosters.Add(new StaffRoster { Id = NextRosterId++, OrgUnitId = provinceId, AgencyId = agency, AsOf = new(year, 1, 5), Headcount = headcount });
                if (city is not null)
                    Participants.Add(new TrainingParticipant
                    {
                        Id = NextParticipantId++, CourseId = city.Id, OrgUnitId = provinceId, AgencyId = agency, Role = "Cán bộ, công chức",
                        Count = headcount * (60 + r.Next(36)) / 100,
                    });
            }
            foreach (var end in new DateOnly[] { new(year, 6, 11), new(year, 10, 21) })
                if (Course(provinceId, TrainingLevel.Commune, end, $"Bồi dưỡng cán bộ xã, phường {end:MM/yyyy} – {provinceName}") is { } c) communeCourses.Add(c);
        }
        return communeCourses;
    }

    /// <summary>A commune's documents of each year: its yearly plan (five communes in six; from 2026 implementing the city's
    /// plan when it is loaded), a decision (one in two), a directive (three in ten), official letters (noise for 3.2.1).</summary>
    public void CommuneDocuments(SyntheticUnits.Commune c, int? planId)
    {
        for (var year = scale.FirstYear; year <= scale.Until.Year; year++)
        {
            var n = 0;
            foreach (var (kind, p, code) in new[] { (DocumentKind.Plan, 0.85, "KH"), (DocumentKind.Decision, 0.5, "QĐ"), (DocumentKind.Directive, 0.3, "CT"),
                (DocumentKind.OfficialLetter, 0.7, "CV") })
            {
                if (r.NextDouble() >= p) continue;
                var date = new DateOnly(year, 1, 10).AddDays(r.Next(kind == DocumentKind.Plan ? 80 : 300));
                if (date > scale.Until) continue;
                var unit = date >= Merger || c.Predecessors.Count == 0 ? c.Id : c.Predecessors[r.Next(c.Predecessors.Count)].Id;
                Documents.Add(Document(unit, null, kind, $"{++n}/{code}-UBND", date, kind == DocumentKind.Plan && year >= 2026 ? planId : null));
            }
        }
    }

    /// <summary>The plan document of each agency the city's plan assigns, for each year from 2026 (four in five issue one).</summary>
    public void AgencyDocuments(IEnumerable<(int Id, int OrgUnitId)> agencies, int planId)
    {
        foreach (var (id, unit) in agencies)
            for (var year = Math.Max(2026, scale.FirstYear); year <= scale.Until.Year; year++)
                if (r.NextDouble() < 0.8 && new DateOnly(year, 1, 15).AddDays(r.Next(60)) is var date && date <= scale.Until)
                    Documents.Add(Document(unit, id, DocumentKind.Plan, $"{id}-{year}/KH", date, planId));
    }

    /// <summary>The commune model from 2025 (the current communes): about a third apply it the first year, a quarter of the
    /// others take it up each year after ("áp dụng mới"), and who applies it keeps it ("duy trì"); a commune applying it is
    /// commended by the city one year in eight.</summary>
    public void ModelAndCommendations(SyntheticUnits.Commune c)
    {
        var applies = false;
        for (var year = Math.Max(2025, scale.FirstYear); year <= scale.Until.Year; year++)
        {
            var status = applies ? ModelStatus.Maintained : r.NextDouble() < (year == 2025 ? 0.35 : 0.25) ? ModelStatus.New : (ModelStatus?)null;
            if (status is not { } s) continue;
            applies = true;
            Models.Add(new ModelCommune { Id = NextModelId++, OrgUnitId = c.Id, Year = year, Status = s });
            var date = new DateOnly(year, 12, 20);
            if (r.Next(8) == 0 && date <= scale.Until)
                Commendations.Add(new Commendation
                {
                    Id = NextCommendationId++, OrgUnitId = c.Id, Recipient = Recipient.Collective, Name = "UBND " + c.Name, Level = CommendationLevel.Province,
                    Form = CommendationForm.CertificateOfMerit, DecisionNumber = $"{NextCommendationId}/QĐ-UBND", DecisionDate = date, Year = year,
                    Achievement = "Thành tích trong công tác phòng, chống mại dâm",
                });
        }
    }

    /// <summary>The healthy-commune self-assessments of every finished year from 2025 against the criteria the administrator
    /// defined (none defined: none made, as the ward could not submit): nine communes in ten rate themselves, most full marks
    /// on most criteria; the coordinator confirmed most, the rest wait as submitted. "Healthy" as the confirmation judges it.</summary>
    public void Healthy(SyntheticUnits.Commune c, IReadOnlyList<HealthyCriterion> criteria, int passPercent)
    {
        if (criteria.Count == 0) return;
        for (var year = Math.Max(2025, scale.FirstYear); year < scale.Until.Year; year++)
        {
            if (r.Next(10) == 0) continue;
            var a = new CommuneAssessment
            {
                Id = NextAssessmentId++, OrgUnitId = c.Id, Year = year, PassPercent = passPercent, MaxScore = criteria.Sum(k => k.MaxScore),
                SubmittedAt = new DateTime(year + 1, 1, 10, 2, 0, 0, DateTimeKind.Utc),
            };
            var requiredMet = true;
            foreach (var k in criteria)
            {
                var score = r.NextDouble() < 0.85 ? k.MaxScore : r.Next(k.MaxScore + 1);
                requiredMet &= !k.Required || score >= k.MaxScore;
                a.TotalScore += score;
                Scores.Add(new AssessmentScore { Id = NextScoreId++, AssessmentId = a.Id, CriterionId = k.Id, Score = score });
            }
            if (r.Next(6) > 0)
            {
                a.Status = AssessmentStatus.Confirmed;
                a.ConfirmedAt = new DateTime(year + 1, 2, 15, 2, 0, 0, DateTimeKind.Utc);
                a.Healthy = HealthyRatingService.IsHealthy(a.TotalScore, a.MaxScore, a.PassPercent, requiredMet);
            }
            else a.Status = AssessmentStatus.Submitted;
            Assessments.Add(a);
        }
    }

    /// <summary>A commune's budget lines of the city's 2026–2030 plan for each of its years so far (seed 001 §III: the communes'
    /// own budget for communication and the inspection teams): an estimate of 20–80 million đồng, most of it allocated, the
    /// past years spent; one line in twenty spent above its allocation, with the note the form requires.</summary>
    public void CommuneBudget(SyntheticUnits.Commune c, int planId)
    {
        for (var year = 2026; year <= scale.Until.Year; year++)
        {
            var estimate = 20_000_000L + r.Next(61) * 1_000_000L;
            var allocated = estimate * (70 + r.Next(31)) / 100;
            var over = r.Next(20) == 0;
            long? spent = year < scale.Until.Year || scale.Until.Month >= 6 ? (over ? allocated + 2_000_000 : allocated * (60 + r.Next(41)) / 100) : null;
            Budget.Add(new BudgetLine
            {
                Id = NextBudgetId++, PlanId = planId, Year = year, OrgUnitId = c.Id, Source = FundingSource.CommuneBudget,
                Purpose = "Tuyên truyền và hoạt động kiểm tra phòng, chống mại dâm", Estimate = estimate, Allocated = allocated, Spent = spent,
                OverspendNote = over && spent is not null ? "Bổ sung kinh phí kiểm tra liên ngành dịp cao điểm cuối năm." : null,
            });
        }
    }

    UnitDocument Document(int unit, int? agency, DocumentKind kind, string number, DateOnly date, int? planId) => new()
    {
        Id = NextDocumentId++, OrgUnitId = unit, AgencyId = agency, Kind = kind, Number = number, IssuedOn = date, Year = date.Year,
        Signer = "Chủ tịch UBND", Subject = "Về công tác phòng, chống mại dâm năm " + date.Year, PlanId = planId,
    };

    TrainingCourse? Course(int unit, TrainingLevel level, DateOnly end, string title)
    {
        if (end > scale.Until) return null;
        var c = new TrainingCourse
        {
            Id = NextCourseId++, Title = title, Level = level, StartDate = end.AddDays(-2), EndDate = end, OrgUnitId = unit,
            Organiser = "Sở Y tế (Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội)", Hours = 16,
        };
        Courses.Add(c);
        return c;
    }
}
