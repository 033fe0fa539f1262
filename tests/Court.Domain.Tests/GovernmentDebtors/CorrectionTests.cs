using Court.Domain.GovernmentDebtors;
using static Court.Domain.Tests.GovernmentDebtors.Facts;

namespace Court.Domain.Tests.GovernmentDebtors;

/// <summary>SPC 2017 Art. 12: correction reviewed in 15 days, made in 3 working days; reconsideration within 10 days, decided in 15.</summary>
public sealed class CorrectionTests
{
    private static GovernmentDebtCase With(GovernmentDebtCase state, GovernmentDebtCommand command, GovernmentDebtContext context) =>
        Then(When(state, command, context)).Aggregate(state, (s, e) => s.Evolve(e));

    private static GovernmentDebtCase CorrectionRequestedOnSaturday20April() =>
        With(Listed(new DateOnly(2024, 3, 1)), new RequestCorrection("已于2月履行部分，金额有误"), On(2024, 4, 20));

    [Fact]
    public void A_correction_request_is_due_for_review_in_fifteen_days_moved_past_the_labour_day_holiday()
    {
        // 15 days from 20 April end on 5 May, inside the 1–5 May holiday: the period ends on Monday 6 May.
        var requested = Only<CorrectionRequested>(When(Listed(new DateOnly(2024, 3, 1)), new RequestCorrection("金额有误"), On(2024, 4, 20)));

        Assert.Equal(new DateOnly(2024, 5, 6), requested.ReviewDueOn);
    }

    [Fact]
    public void An_upheld_correction_is_due_within_three_working_days()
    {
        var decided = Only<CorrectionDecided>(When(CorrectionRequestedOnSaturday20April(), new DecideCorrection(true, "理由成立"), On(2024, 5, 6)));

        Assert.Equal((false, new DateOnly(2024, 5, 9)), (decided.Late, decided.CorrectBy!.Value));
    }

    [Fact]
    public void A_review_after_fifteen_days_is_recorded_as_late() =>
        Assert.True(Only<CorrectionDecided>(When(CorrectionRequestedOnSaturday20April(), new DecideCorrection(false, "理由不成立"), On(2024, 5, 7))).Late);

    [Fact]
    public void A_correction_after_three_working_days_is_recorded_as_late()
    {
        var upheld = With(CorrectionRequestedOnSaturday20April(), new DecideCorrection(true, "理由成立"), On(2024, 5, 6));

        Assert.False(Only<ListingCorrected>(When(upheld, new CorrectListing("履行金额更正为30万元"), On(2024, 5, 9))).Late);
        Assert.True(Only<ListingCorrected>(When(upheld, new CorrectListing("履行金额更正为30万元"), On(2024, 5, 10))).Late);
    }

    [Fact]
    public void A_rejected_correction_cannot_be_made() =>
        ThenRefused(When(With(CorrectionRequestedOnSaturday20April(), new DecideCorrection(false, "理由不成立"), On(2024, 5, 6)), new CorrectListing("x"), On(2024, 5, 7)), "government-debt.correction-not-justified");

    [Fact]
    public void A_second_request_while_one_is_open_is_refused() =>
        ThenRefused(When(CorrectionRequestedOnSaturday20April(), new RequestCorrection("再次申请"), On(2024, 4, 22)), "government-debt.correction-pending");

    // Rejected on Friday 20 September 2024: reconsideration may be applied for until Monday 30 September.
    private static GovernmentDebtCase RejectedOn20September() =>
        With(With(Listed(new DateOnly(2024, 3, 1)), new RequestCorrection("金额有误"), On(2024, 9, 10)), new DecideCorrection(false, "理由不成立"), On(2024, 9, 20));

    [Fact]
    public void A_rejection_leaves_ten_days_to_apply_for_reconsideration() =>
        Assert.Equal(new DateOnly(2024, 9, 30), RejectedOn20September().Listing!.Correction!.ReconsiderationBy);

    [Fact]
    public void Reconsideration_applied_for_on_the_tenth_day_is_accepted_and_due_for_decision_in_fifteen_days() =>
        Assert.Equal(new DateOnly(2024, 10, 15), Only<ReconsiderationRequested>(When(RejectedOn20September(), new RequestReconsideration("不服驳回决定"), On(2024, 9, 30))).DecisionDueOn);

    [Fact]
    public void Reconsideration_applied_for_after_ten_days_is_refused() =>
        ThenRefused(When(RejectedOn20September(), new RequestReconsideration("不服驳回决定"), On(2024, 10, 8)), "government-debt.reconsideration-out-of-time");

    [Fact]
    public void A_reconsideration_decided_after_fifteen_days_is_late_and_if_upheld_the_correction_is_due_in_three_working_days()
    {
        var requested = With(RejectedOn20September(), new RequestReconsideration("不服驳回决定"), On(2024, 9, 30));

        var decided = Only<ReconsiderationDecided>(When(requested, new DecideReconsideration(true, "复议成立"), On(2024, 10, 16)));

        Assert.Equal((true, new DateOnly(2024, 10, 21)), (decided.Late, decided.CorrectBy!.Value));
    }

    [Fact]
    public void A_listing_found_in_error_on_reconsideration_may_be_removed_for_that_reason()
    {
        var upheld = With(With(RejectedOn20September(), new RequestReconsideration("不服驳回决定"), On(2024, 9, 30)), new DecideReconsideration(true, "复议成立"), On(2024, 10, 10));

        // Three working days from Thursday 10 October: Friday 11, Saturday 12 (an adjusted working day), Monday 14.
        Assert.Equal(new DateOnly(2024, 10, 14), Only<RemovedFromList>(When(upheld, new RemoveListing(RemovalReason.ListingInError), On(2024, 10, 11))).DueOn);
    }

    [Fact]
    public void Without_a_justified_correction_a_listing_is_not_removed_as_in_error() =>
        ThenRefused(When(RejectedOn20September(), new RemoveListing(RemovalReason.ListingInError), On(2024, 9, 23)), "government-debt.correction-not-justified");
}
