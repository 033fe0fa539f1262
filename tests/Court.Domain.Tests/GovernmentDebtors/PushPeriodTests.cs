using Court.Domain.GovernmentDebtors;
using static Court.Domain.Tests.GovernmentDebtors.Facts;

namespace Court.Domain.Tests.GovernmentDebtors;

/// <summary>Ganzhou's local rule, configurable: push at least N working days before a compulsory measure or a listing.</summary>
public sealed class PushPeriodTests
{
    // Pushed Friday 27 September 2024. Working days after it: Sun 29 Sep (adjusted working day), Mon 30 Sep, then the
    // National Day holiday (1–7 Oct), Tue 8, Wed 9, Thu 10 Oct: the fifth is 10 October.
    private static readonly DateOnly PushedBeforeNationalDay = new(2024, 9, 27);

    [Fact]
    public void Pushing_records_the_first_day_a_measure_may_come_counted_in_working_days_across_the_holiday()
    {
        var pushed = Only<CasePushed>(When(Given(Opened()), new PushCase(), On(2024, 9, 27)));

        Assert.Equal(new DateOnly(2024, 10, 10), pushed.EarliestMeasureOn);
    }

    [Fact]
    public void A_listing_on_the_fourth_working_day_after_the_push_is_refused()
    {
        var error = ThenRefused(When(Pushed(PushedBeforeNationalDay), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 10, 9)), "government-debt.push-period-running");

        Assert.Contains("2024-10-10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listing_on_the_fifth_working_day_after_the_push_is_allowed() =>
        Only<ListedAsDishonestDebtor>(When(Pushed(PushedBeforeNationalDay), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 10, 10)));

    [Fact]
    public void A_compulsory_measure_inside_the_push_period_is_refused() =>
        ThenRefused(When(Pushed(PushedBeforeNationalDay), new TakeCompulsoryMeasure("冻结", "冻结基本账户"), On(2024, 10, 8)), "government-debt.push-period-running");

    [Fact]
    public void A_compulsory_measure_after_the_push_period_is_taken() =>
        Assert.Equal("冻结", Only<CompulsoryMeasureTaken>(When(Pushed(PushedBeforeNationalDay), new TakeCompulsoryMeasure("冻结", "冻结基本账户"), On(2024, 10, 10))).Measure);

    [Fact]
    public void Without_a_push_a_listing_is_refused_where_the_local_rule_requires_one() =>
        ThenRefused(When(Given(Opened()), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 10, 10)), "government-debt.push-required");

    [Fact]
    public void Where_the_local_mechanism_has_no_push_rule_a_listing_needs_no_push() =>
        Only<ListedAsDishonestDebtor>(When(Given(Opened()), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 10, 10, Rules with { PushBeforeMeasures = null })));

    [Fact]
    public void A_longer_local_push_period_moves_the_first_day_accordingly() =>
        ThenRefused(When(Pushed(PushedBeforeNationalDay), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 10, 10, Rules with { PushBeforeMeasures = RulePeriod.WorkingDays(10) })), "government-debt.push-period-running");

    [Fact]
    public void Pushing_twice_changes_nothing() =>
        Assert.Empty(Then(When(Pushed(PushedBeforeNationalDay), new PushCase(), On(2024, 9, 30))));
}

public sealed class ListingTests
{
    private static readonly GovernmentDebtCase PushedLongAgo = Pushed(new DateOnly(2024, 1, 10));

    [Fact]
    public void Ground_1_has_no_fixed_term()
    {
        var listed = Only<ListedAsDishonestDebtor>(When(PushedLongAgo, new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 3, 1)));

        Assert.Equal(((int?)null, (DateOnly?)null), (listed.TermYears, listed.EndsOn));
    }

    [Fact]
    public void Ground_1_cannot_be_extended() =>
        ThenRefused(When(PushedLongAgo, new ListDebtor(ListingGround.AbleButRefuses, 2), On(2024, 3, 1)), "government-debt.extension-for-ground-1");

    [Theory]
    [InlineData(ListingGround.ObstructsByForgeryOrViolence)]
    [InlineData(ListingGround.EvadesByFalseProceedingsOrConcealment)]
    [InlineData(ListingGround.BreaksPropertyReporting)]
    [InlineData(ListingGround.BreaksConsumptionRestriction)]
    [InlineData(ListingGround.RefusesSettlement)]
    public void Grounds_2_to_6_list_for_two_years(ListingGround ground)
    {
        var listed = Only<ListedAsDishonestDebtor>(When(PushedLongAgo, new ListDebtor(ground, null), On(2024, 3, 1)));

        Assert.Equal((2, new DateOnly(2026, 3, 1)), (listed.TermYears, listed.EndsOn));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 5)]
    public void A_serious_case_is_listed_one_to_three_years_longer(int extension, int years) =>
        Assert.Equal(years, Only<ListedAsDishonestDebtor>(When(PushedLongAgo, new ListDebtor(ListingGround.BreaksPropertyReporting, extension), On(2024, 3, 1))).TermYears);

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void An_extension_outside_one_to_three_years_is_refused(int extension) =>
        ThenRefused(When(PushedLongAgo, new ListDebtor(ListingGround.BreaksPropertyReporting, extension), On(2024, 3, 1)), "government-debt.extension-range");

    [Fact]
    public void A_local_government_is_listed_only_after_the_filing_with_the_supreme_peoples_court()
    {
        var localGovernment = Pushed(new DateOnly(2024, 1, 10), localGovernment: true);

        ThenRefused(When(localGovernment, new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 3, 1)), "government-debt.supreme-court-filing-required");
        var filed = localGovernment.Evolve(Only<FiledWithSupremeCourt>(When(localGovernment, new FileWithSupremeCourt("最高法备案〔2024〕12号"), On(2024, 2, 20))));
        Only<ListedAsDishonestDebtor>(When(filed, new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 3, 1)));
    }

    [Fact]
    public void Where_the_switch_is_off_a_local_government_is_listed_without_the_filing() =>
        Only<ListedAsDishonestDebtor>(When(Pushed(new DateOnly(2024, 1, 10), localGovernment: true), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 3, 1, Rules with { SupremeCourtFilingForLocalGovernment = false })));

    [Fact]
    public void A_debtor_that_has_performed_is_not_listed()
    {
        var performed = PushedLongAgo.Evolve(new PerformanceRecorded(CaseId, PerformanceKind.Payment, 1_000_000_00, new DateOnly(2024, 2, 1), "付清", 0)).Evolve(new FullyPerformed(CaseId, new DateOnly(2024, 2, 1), null));

        ThenRefused(When(performed, new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 3, 1)), "government-debt.already-performed");
    }

    [Fact]
    public void Listing_again_on_the_same_ground_changes_nothing() =>
        Assert.Empty(Then(When(Listed(new DateOnly(2024, 3, 1)), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 3, 2))));

    [Fact]
    public void Publishing_is_recorded_once()
    {
        var published = Only<ListingPublished>(When(Listed(new DateOnly(2024, 3, 1)), new PublishListing(), On(2024, 3, 4)));

        Assert.Empty(Then(When(Listed(new DateOnly(2024, 3, 1)).Evolve(published), new PublishListing(), On(2024, 3, 5))));
    }
}

public sealed class RelistingBarTests
{
    // Deleted at the creditor's request on 10 March 2024: no relisting before 10 September 2024.
    private static GovernmentDebtCase DeletedAtCreditorsRequest()
    {
        var listed = Listed(new DateOnly(2024, 2, 1));
        return listed.Evolve(Only<RemovedFromList>(When(listed, new RemoveListing(RemovalReason.CreditorRequest), On(2024, 3, 10))));
    }

    [Fact]
    public void A_deletion_at_the_creditors_request_bars_relisting_for_six_months() =>
        Assert.Equal(new DateOnly(2024, 9, 10), DeletedAtCreditorsRequest().Removals[^1].RelistingAllowedFrom);

    [Fact]
    public void Relisting_the_day_before_six_months_have_passed_is_refused()
    {
        var error = ThenRefused(When(DeletedAtCreditorsRequest(), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 9, 9)), "government-debt.relisting-barred");

        Assert.Contains("2024-09-10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relisting_once_six_months_have_passed_is_allowed_as_a_new_listing() =>
        Assert.Equal(CaseId + "-L2", Only<ListedAsDishonestDebtor>(When(DeletedAtCreditorsRequest(), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 9, 10))).ListingId);

    [Fact]
    public void A_removal_for_another_reason_sets_no_bar()
    {
        var listed = Listed(new DateOnly(2024, 2, 1));

        Assert.Null(Only<RemovedFromList>(When(listed, new RemoveListing(RemovalReason.Other), On(2024, 3, 10))).RelistingAllowedFrom);
    }
}
