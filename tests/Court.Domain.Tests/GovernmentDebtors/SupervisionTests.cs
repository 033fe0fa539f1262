using Court.Domain.GovernmentDebtors;
using static Court.Domain.Tests.GovernmentDebtors.Facts;

namespace Court.Domain.Tests.GovernmentDebtors;

public sealed class SupervisionTests
{
    private static GovernmentDebtCase SupervisedFrom15May()
    {
        var pushed = Pushed(new DateOnly(2024, 5, 6));
        return pushed.Evolve(Only<SupervisionStarted>(When(pushed, new StartSupervision(new DateOnly(2024, 8, 31)), On(2024, 5, 15))));
    }

    [Fact]
    public void Supervision_expects_a_report_for_each_month_due_five_working_days_after_it_ends()
    {
        // May's report is due Friday 7 June; June's Friday 5 July; July's is not yet due on 8 July.
        var reports = SupervisionSchedule.Reports(SupervisedFrom15May(), On(2024, 7, 8));

        Assert.Equal([new DateOnly(2024, 6, 7), new DateOnly(2024, 7, 5), new DateOnly(2024, 8, 7)], reports.Select(r => r.DueOn));
        Assert.All(reports.Take(2), r => Assert.True(r.Missing));
        Assert.False(reports[2].Missing);
    }

    [Fact]
    public void A_zero_report_counts_and_a_missing_month_stays_missing()
    {
        var supervised = SupervisedFrom15May();
        var zero = Only<MonthlyReportSubmitted>(When(supervised, new SubmitMonthlyReport(new DateOnly(2024, 5, 20), 0, "本月未支付，正在申请预算", null), On(2024, 6, 3)));
        var reports = SupervisionSchedule.Reports(supervised.Evolve(zero), On(2024, 7, 8));

        Assert.Equal((new DateOnly(2024, 5, 1), 0L, false), (zero.Month, zero.PaidFen, zero.Late));
        Assert.Equal([false, true, false], reports.Select(r => r.Missing));
    }

    [Fact]
    public void A_report_after_its_due_day_is_recorded_as_late() =>
        Assert.True(Only<MonthlyReportSubmitted>(When(SupervisedFrom15May(), new SubmitMonthlyReport(new DateOnly(2024, 5, 1), 0, "迟报", null), On(2024, 6, 11))).Late);

    [Fact]
    public void A_month_is_reported_once() =>
        ThenRefused(When(SupervisedFrom15May().Evolve(new MonthlyReportSubmitted(CaseId, new DateOnly(2024, 5, 1), 0, "x", null, new DateOnly(2024, 6, 3), false)), new SubmitMonthlyReport(new DateOnly(2024, 5, 1), 0, "y", null), On(2024, 6, 4)), "government-debt.report-exists");

    [Fact]
    public void A_report_for_a_future_month_or_one_before_supervision_is_refused()
    {
        ThenRefused(When(SupervisedFrom15May(), new SubmitMonthlyReport(new DateOnly(2024, 8, 1), 0, "x", null), On(2024, 7, 8)), "government-debt.report-month");
        ThenRefused(When(SupervisedFrom15May(), new SubmitMonthlyReport(new DateOnly(2024, 4, 1), 0, "x", null), On(2024, 7, 8)), "government-debt.report-month");
    }

    [Fact]
    public void Reports_begin_with_supervision() =>
        ThenRefused(When(Pushed(new DateOnly(2024, 5, 6)), new SubmitMonthlyReport(new DateOnly(2024, 5, 1), 0, "x", null), On(2024, 5, 20)), "government-debt.not-supervised");

    [Fact]
    public void A_coordination_meeting_is_due_six_months_after_supervision_began_and_overdue_the_day_after()
    {
        var supervised = SupervisedFrom15May();

        Assert.Equal(new DateOnly(2024, 11, 15), supervised.NextMeetingDueOn);
        Assert.False(SupervisionSchedule.MeetingOverdue(supervised, new DateOnly(2024, 11, 15)));
        Assert.True(SupervisionSchedule.MeetingOverdue(supervised, new DateOnly(2024, 11, 16)));
    }

    [Fact]
    public void Holding_a_meeting_sets_the_next_one_six_months_later()
    {
        var held = Only<CoordinationMeetingHeld>(When(SupervisedFrom15May(), new HoldCoordinationMeeting(new DateOnly(2024, 9, 3), "府院联席会议：区财政安排预算分两期支付"), On(2024, 9, 4)));

        Assert.Equal(new DateOnly(2025, 3, 3), held.NextDueOn);
    }

    [Fact]
    public void Supervision_sets_a_day_to_perform_after_today() =>
        ThenRefused(When(Pushed(new DateOnly(2024, 5, 6)), new StartSupervision(new DateOnly(2024, 5, 15)), On(2024, 5, 15)), "government-debt.perform-by-past");
}

public sealed class OutstandingAmountTests
{
    [Fact]
    public void Partial_payments_reduce_what_is_outstanding_and_the_last_one_performs_the_obligation()
    {
        var state = Pushed(new DateOnly(2024, 1, 10));
        var first = Then(When(state, new RecordPerformance(PerformanceKind.Payment, 400_000_00, new DateOnly(2024, 2, 1), "第一期"), On(2024, 2, 1)));
        state = first.Aggregate(state, (s, e) => s.Evolve(e));
        var second = Then(When(state, new RecordPerformance(PerformanceKind.InKind, 600_000_00, new DateOnly(2024, 3, 1), "以安置房抵债，经评估"), On(2024, 3, 1)));

        Assert.Equal(600_000_00, Assert.IsType<PerformanceRecorded>(Assert.Single(first)).OutstandingFen);
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.IsType<FullyPerformed>(second[1]).PerformedOn);
        Assert.Null(((FullyPerformed)second[1]).RemovalDueOn);
    }

    [Fact]
    public void Paying_more_than_is_outstanding_is_refused() =>
        ThenRefused(When(Pushed(new DateOnly(2024, 1, 10)), new RecordPerformance(PerformanceKind.Payment, 1_000_000_01, null, "x"), On(2024, 2, 1)), "government-debt.overperformed");

    [Fact]
    public void Ordered_interest_accrues_on_the_unpaid_principal_and_a_payment_pays_interest_first()
    {
        // 1,000,000.00 at 3.65 % a year from 1 Jan 2024 accrues 100.00 a day.
        var state = Given(Opened(interest: new InterestOrder(3.65m, new DateOnly(2024, 1, 1))));

        Assert.Equal(new DebtBalance(1_000_000_00, 31 * 100_00, 0), state.BalanceOn(new DateOnly(2024, 2, 1)));

        var paid = state.Evolve(Assert.IsType<PerformanceRecorded>(Then(When(state, new RecordPerformance(PerformanceKind.Payment, 503_100_00, new DateOnly(2024, 2, 1), "第一期"), On(2024, 2, 1)))[0]));

        // 3,100 of interest first, then 500,000 of principal; 10 more days on 500,000 accrue 500.00.
        Assert.Equal(new DebtBalance(500_000_00, 500_00, 503_100_00), paid.BalanceOn(new DateOnly(2024, 2, 11)));
    }

    [Fact]
    public void A_settlement_replaces_what_remains_and_stops_interest()
    {
        var state = Given(Opened(interest: new InterestOrder(3.65m, new DateOnly(2024, 1, 1))));
        state = state.Evolve(Only<SettlementReached>(When(state, new RecordSettlement(800_000_00, "分两期支付，免除利息", new DateOnly(2024, 2, 1)), On(2024, 2, 1))));

        Assert.True(state.Settled);
        Assert.Equal(800_000_00, state.BalanceOn(new DateOnly(2024, 6, 1)).OutstandingFen);
    }

    [Fact]
    public void Performances_are_recorded_in_the_order_they_happened()
    {
        var state = Given(Opened(), new PerformanceRecorded(CaseId, PerformanceKind.Payment, 100_00, new DateOnly(2024, 3, 1), "x", 999_900_00));

        ThenRefused(When(state, new RecordPerformance(PerformanceKind.Payment, 100_00, new DateOnly(2024, 2, 1), "y"), On(2024, 3, 2)), "government-debt.performance-order");
    }
}
