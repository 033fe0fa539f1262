using Court.Domain.GovernmentDebtors;
using static Court.Domain.Tests.GovernmentDebtors.Facts;

namespace Court.Domain.Tests.GovernmentDebtors;

/// <summary>SPC 2017 Art. 10: off the list within 3 working days of performance, or of the end of a fixed term.</summary>
public sealed class RemovalTests
{
    // Paid in full Monday 30 September 2024: the three working days are 8, 9 and 10 October (National Day 1–7 Oct).
    private static GovernmentDebtCase PaidInFullBeforeNationalDay()
    {
        var listed = Listed(new DateOnly(2024, 3, 1));
        return Then(When(listed, new RecordPerformance(PerformanceKind.Payment, 1_000_000_00, new DateOnly(2024, 9, 30), "财政拨款"), On(2024, 9, 30))).Aggregate(listed, (s, e) => s.Evolve(e));
    }

    [Fact]
    public void Full_performance_while_listed_sets_the_removal_due_three_working_days_later_across_the_holiday()
    {
        var listed = Listed(new DateOnly(2024, 3, 1));

        var events = Then(When(listed, new RecordPerformance(PerformanceKind.Payment, 1_000_000_00, null, "财政拨款"), On(2024, 9, 30)));

        Assert.Equal(0, Assert.IsType<PerformanceRecorded>(events[0]).OutstandingFen);
        Assert.Equal(new DateOnly(2024, 10, 10), Assert.IsType<FullyPerformed>(events[1]).RemovalDueOn);
    }

    [Fact]
    public void A_removal_on_the_third_working_day_is_on_time()
    {
        var removed = Only<RemovedFromList>(When(PaidInFullBeforeNationalDay(), new RemoveListing(RemovalReason.Performed), On(2024, 10, 10)));

        Assert.Equal((new DateOnly(2024, 10, 10), false), (removed.DueOn!.Value, removed.Late));
    }

    [Fact]
    public void A_removal_after_the_third_working_day_is_recorded_as_late() =>
        Assert.True(Only<RemovedFromList>(When(PaidInFullBeforeNationalDay(), new RemoveListing(RemovalReason.Performed), On(2024, 10, 11))).Late);

    [Fact]
    public void The_schedule_shows_the_removal_due_until_it_is_done() =>
        Assert.Equal(new DateOnly(2024, 10, 10), SupervisionSchedule.RemovalDueOn(PaidInFullBeforeNationalDay(), On(2024, 10, 1)));

    [Fact]
    public void Removal_for_performance_is_refused_while_money_is_outstanding() =>
        ThenRefused(When(Listed(new DateOnly(2024, 3, 1)), new RemoveListing(RemovalReason.Performed), On(2024, 9, 30)), "government-debt.not-performed");

    [Fact]
    public void A_fixed_term_ending_makes_the_removal_due_three_working_days_later()
    {
        var listed = Given(Opened(), new CasePushed(CaseId, new DateOnly(2024, 1, 10), null), new ListedAsDishonestDebtor(CaseId, CaseId + "-L1", ListingGround.BreaksPropertyReporting, 2, new DateOnly(2023, 9, 27), new DateOnly(2025, 9, 27)));

        ThenRefused(When(listed, new RemoveListing(RemovalReason.TermEnded), On(2025, 9, 26)), "government-debt.term-running");
        // 27 September 2025 is a Saturday; 28 September an adjusted working Sunday, then 29 and 30 September.
        Assert.Equal(new DateOnly(2025, 9, 30), Only<RemovedFromList>(When(listed, new RemoveListing(RemovalReason.TermEnded), On(2025, 9, 29))).DueOn);
    }

    [Fact]
    public void A_ground_1_listing_has_no_term_to_end() =>
        ThenRefused(When(Listed(new DateOnly(2024, 3, 1)), new RemoveListing(RemovalReason.TermEnded), On(2030, 1, 1)), "government-debt.term-running");

    [Fact]
    public void Removing_a_removed_entry_again_changes_nothing()
    {
        var removed = PaidInFullBeforeNationalDay();
        removed = removed.Evolve(Only<RemovedFromList>(When(removed, new RemoveListing(RemovalReason.Performed), On(2024, 10, 8))));

        Assert.Empty(Then(When(removed, new RemoveListing(RemovalReason.Performed), On(2024, 10, 9))));
    }
}
