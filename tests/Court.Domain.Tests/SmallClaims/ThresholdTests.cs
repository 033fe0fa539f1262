using Court.Domain.SmallClaims;

namespace Court.Domain.Tests.SmallClaims;

public sealed class ThresholdTests
{
    private static readonly DateOnly Jan2022 = new(2022, 1, 1);

    [Fact]
    public void Confirming_a_shipped_period_records_the_notice_and_marks_it_confirmed()
    {
        var decision = ThresholdDecisions.Decide(ThresholdTable.Initial, new ConfirmThreshold("CQ", Jan2022, " 渝高法〔2022〕1号 "));

        var confirmed = Assert.IsType<ThresholdConfirmed>(Assert.Single(decision.Events));
        var table = ThresholdTable.Initial.Evolve(confirmed);
        Assert.Equal((true, "渝高法〔2022〕1号"), (table.InForce("CQ", Jan2022)!.Confirmed, table.InForce("CQ", Jan2022)!.Notice));
        Assert.False(table.InForce("CQ", new DateOnly(2022, 7, 1))!.Confirmed);
    }

    [Fact]
    public void Confirming_twice_yields_no_events()
    {
        var table = ThresholdTable.Initial.Evolve(new ThresholdConfirmed("CQ", Jan2022, "n"));

        Assert.Empty(ThresholdDecisions.Decide(table, new ConfirmThreshold("CQ", Jan2022, "n")).Events);
    }

    [Fact]
    public void Confirming_a_period_that_does_not_exist_is_not_found() =>
        Assert.Equal("small-claims.threshold-not-found", ThresholdDecisions.Decide(ThresholdTable.Initial, new ConfirmThreshold("CQ", new DateOnly(2022, 2, 1), "n")).Error?.Code);

    [Fact]
    public void A_published_period_with_the_same_date_replaces_the_shipped_one_and_is_confirmed()
    {
        var corrected = new ThresholdPeriod("CQ", new DateOnly(2022, 7, 1), 2021, 106_966_00, "urban-in-post", false, "渝高法〔2022〕99号");

        var decision = ThresholdDecisions.Decide(ThresholdTable.Initial, new PublishThreshold(corrected));
        var table = ThresholdTable.Initial.Evolve(Assert.Single(decision.Events));

        var inForce = table.InForce("CQ", new DateOnly(2022, 8, 1))!;
        Assert.Equal((53_483_00L, true), (inForce.MandatoryLimitFen, inForce.Confirmed));
        Assert.Equal(3, table.Periods("CQ").Count);
    }

    [Fact]
    public void A_period_for_another_province_starts_its_own_table()
    {
        var jiangsu = new ThresholdPeriod("JS", new DateOnly(2024, 1, 6), 2022, 121_724_00, "urban-non-private", true, "苏高法电〔2024〕9号");

        var table = ThresholdTable.Initial.Evolve(Assert.Single(ThresholdDecisions.Decide(ThresholdTable.Initial, new PublishThreshold(jiangsu)).Events));

        Assert.Equal((60_862_00L, 243_448_00L), (table.InForce("JS", new DateOnly(2024, 1, 6))!.MandatoryLimitFen, table.InForce("JS", new DateOnly(2024, 1, 6))!.AgreementLimitFen));
        Assert.Null(table.InForce("JS", new DateOnly(2024, 1, 5)));
    }

    [Fact]
    public void A_period_without_a_notice_or_with_a_wage_year_not_before_it_is_refused()
    {
        var bad = new ThresholdPeriod("JS", new DateOnly(2024, 1, 6), 2024, 121_724_00, "urban-non-private", true, null);

        Assert.Equal("small-claims.threshold-invalid", ThresholdDecisions.Decide(ThresholdTable.Initial, new PublishThreshold(bad)).Error?.Code);
    }

    [Fact]
    public void A_half_fen_mandatory_limit_rounds_half_up()
    {
        // Shanghai's 2021 all-employed wage 136,757 gives 68,378.50.
        var shanghai = new ThresholdPeriod("SH", new DateOnly(2022, 8, 23), 2021, 136_757_00, "all-employed", true, "n");

        Assert.Equal(68_378_50L, shanghai.MandatoryLimitFen);
    }
}
