using Pcmd.Web.Features.Tips;
using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Features.Tips;

/// <summary>A clock the test moves by hand.</summary>
sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public void AdvanceDays(int days) => Now = Now.AddDays(days);
}

/// <summary>The workflow's order and the deadlines of each step (TipDeadlines, TipWorkflow, TipService.AddStep), on a clock
/// the test moves: calendar and working days, counting from reception, classification or the previous step, extensions.</summary>
public sealed class TipDeadlineTests
{
    static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>09:00 in Hà Nội on the day.</summary>
    static DateTimeOffset At(DateOnly day) => VietnamTime.StartOf(day).AddHours(9);

    static Tip Received(MovableClock clock)
    {
        var tip = new Tip { Code = "TB-TEST", ReceivedAt = clock.GetUtcNow().UtcDateTime };
        TipService.Received(tip, tip.ReceivedAt, "tester");
        return tip;
    }

    static void Step(Tip tip, TipState target, MovableClock clock) => TipService.AddStep(tip, target, clock.GetUtcNow().UtcDateTime, "tester", null, null);

    [Fact]
    public void Working_days_skip_the_weekend_and_calendar_days_do_not()
    {
        Assert.Equal(D(2026, 12, 7), TipDeadlines.AddDays(D(2026, 12, 4), 1, workingDays: true));   // Friday → Monday
        Assert.Equal(D(2026, 12, 15), TipDeadlines.AddDays(D(2026, 12, 4), 7, workingDays: true));
        Assert.Equal(D(2026, 12, 11), TipDeadlines.AddDays(D(2026, 12, 4), 7, workingDays: false));
        Assert.Equal(D(2026, 12, 4), TipDeadlines.AddDays(D(2026, 12, 4), 0, workingDays: true));
    }

    [Fact]
    public void A_crime_report_is_settled_within_20_days_of_reception_and_an_extension_moves_the_deadline()
    {
        var clock = new MovableClock(At(D(2026, 3, 2)));   // Monday
        var tip = Received(clock);
        Assert.Equal(D(2026, 3, 5), tip.NextDueOn);       // verifying: 3 working days
        clock.AdvanceDays(1);
        Step(tip, TipState.Verifying, clock);
        Assert.Equal(D(2026, 3, 11), tip.NextDueOn);      // classified: 7 working days from reception (kind not known yet)
        tip.Kind = TipKind.CrimeReport;
        tip.Relevance = TipRelevance.Relevant;
        clock.AdvanceDays(1);
        Step(tip, TipState.Classified, clock);
        Assert.Equal(D(2026, 3, 5), tip.Steps[^1].DueOn);  // a crime report is classified within 3 days (BLTTHS art. 145–146)
        Assert.True(tip.Steps[^1].OnTime);
        clock.AdvanceDays(1);
        Step(tip, TipState.Assigned, clock);
        Assert.Equal(D(2026, 3, 22), tip.NextDueOn);      // BLTTHS art. 147: 20 days from reception
        Assert.Equal(120, TipDeadlines.RuleFor(TipKind.CrimeReport, TipState.Handled)!.MaxExtensionDays);

        tip.Extensions.Add(new TipExtension { State = TipState.Handled, Days = 30, Reason = "Vụ việc phức tạp" });
        Assert.Equal(D(2026, 4, 21), TipService.NextDue(tip));
        Assert.Null(TipDeadlines.ExtensionProblem(TipKind.CrimeReport, TipState.Handled, 30, 90));
        Assert.NotNull(TipDeadlines.ExtensionProblem(TipKind.CrimeReport, TipState.Handled, 30, 91));

        clock.Now = At(D(2026, 4, 22));   // a day after the extended deadline
        Assert.True(TipDeadlines.IsOverdue(TipService.NextDue(tip), VietnamTime.Today(clock)));
        Step(tip, TipState.Handled, clock);
        Assert.False(tip.Steps[^1].OnTime);
        Assert.Equal(D(2026, 4, 21), tip.Steps[^1].DueOn);
    }

    [Fact]
    public void A_denunciation_is_settled_within_30_days_of_its_acceptance_and_a_complaint_is_accepted_within_10()
    {
        var clock = new MovableClock(At(D(2026, 6, 1)));
        var tip = Received(clock);
        clock.AdvanceDays(2);
        Step(tip, TipState.Verifying, clock);
        tip.Kind = TipKind.Denunciation;
        tip.Relevance = TipRelevance.Relevant;
        clock.AdvanceDays(7);                              // 10/6: within 7 working days of 1/6 (due 10/6)
        Step(tip, TipState.Classified, clock);
        Assert.Equal(D(2026, 6, 10), tip.Steps[^1].DueOn);
        Assert.True(tip.Steps[^1].OnTime);
        Step(tip, TipState.Assigned, clock);
        Assert.Equal(D(2026, 7, 10), tip.NextDueOn);       // Luật Tố cáo art. 30: 30 days from acceptance

        Assert.Equal(D(2026, 6, 11), TipDeadlines.DueOn(TipState.Classified, TipKind.Complaint, D(2026, 6, 1), null, D(2026, 6, 1), 0));
        Assert.NotNull(TipDeadlines.ExtensionProblem(TipKind.ViolationReport, TipState.Verifying, 0, 2));
        Assert.NotNull(TipDeadlines.ExtensionProblem(TipKind.Complaint, TipState.Handled, 0, 16));
        Assert.Null(TipDeadlines.ExtensionProblem(TipKind.Complaint, TipState.Handled, 0, 15));
    }

    [Fact]
    public void A_late_step_is_recorded_late_and_the_due_soon_window_is_three_days()
    {
        var clock = new MovableClock(At(D(2026, 12, 4)));   // Friday
        var tip = Received(clock);
        Assert.Equal(D(2026, 12, 9), tip.NextDueOn);
        Assert.True(TipDeadlines.IsDueSoon(tip.NextDueOn, D(2026, 12, 6)));
        Assert.False(TipDeadlines.IsDueSoon(tip.NextDueOn, D(2026, 12, 5)));
        clock.AdvanceDays(6);                              // Thursday 10/12
        Assert.True(TipDeadlines.IsOverdue(tip.NextDueOn, VietnamTime.Today(clock)));
        Step(tip, TipState.Verifying, clock);
        Assert.False(tip.Steps[^1].OnTime);
    }

    [Theory]
    [InlineData(TipState.Received, null, TipState.Closed, false)]
    [InlineData(TipState.Received, null, TipState.Verifying, true)]
    [InlineData(TipState.Verifying, null, TipState.Assigned, false)]
    [InlineData(TipState.Classified, TipRelevance.Relevant, TipState.Closed, false)]
    [InlineData(TipState.Classified, TipRelevance.Relevant, TipState.Assigned, true)]
    [InlineData(TipState.Classified, TipRelevance.Duplicate, TipState.Closed, true)]
    [InlineData(TipState.Classified, TipRelevance.NotRelevant, TipState.Assigned, false)]
    [InlineData(TipState.Assigned, TipRelevance.Relevant, TipState.Handled, true)]
    [InlineData(TipState.Handled, TipRelevance.Relevant, TipState.Closed, true)]
    [InlineData(TipState.Closed, TipRelevance.Relevant, TipState.Closed, false)]
    public void Steps_follow_in_order(TipState current, TipRelevance? relevance, TipState target, bool allowed)
    {
        var problem = TipWorkflow.Problem(current, relevance, target);
        Assert.Equal(allowed, problem is null);
        if (problem is not null) Assert.StartsWith(current == TipState.Closed ? "Tin đã kết thúc" : "Không thể chuyển", problem);
    }

    [Fact]
    public void The_public_status_says_received_verifying_handling_closed_and_a_closed_tip_has_no_deadline()
    {
        Assert.Equal(PublicStatus.Verifying, TipWorkflow.Public(TipState.Classified));
        Assert.Equal(PublicStatus.Handling, TipWorkflow.Public(TipState.Handled));
        var tip = new Tip { ReceivedAt = At(D(2026, 1, 5)).UtcDateTime, State = TipState.Closed };
        Assert.Null(TipService.NextDue(tip));
        Assert.All(TipDeadlines.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void Codes_and_secrets_are_random_normalised_and_only_their_hash_matches()
    {
        var code = TipRules.NewCode();
        var secret = TipRules.NewSecret();
        Assert.Matches("^TB-[A-Z2-9]{8}$", code);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", secret);
        var hash = TipRules.HashSecret(code, secret);
        Assert.DoesNotContain(TipRules.NormalizeSecret(secret), hash, StringComparison.OrdinalIgnoreCase);
        Assert.True(TipRules.SecretMatches(hash, code.ToLowerInvariant().Replace("-", " "), secret.Replace("-", "").ToLowerInvariant()));
        Assert.False(TipRules.SecretMatches(hash, code, TipRules.NewSecret()));
        Assert.Equal(new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc), TipRules.ToHour(new DateTimeOffset(2026, 12, 6, 3, 47, 12, TimeSpan.Zero)));
    }
}
