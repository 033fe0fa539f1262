using Court.Domain.SmallClaims;

namespace Court.Domain.Tests.SmallClaims;

public sealed class EligibilityTests
{
    private static readonly ThresholdTable Shipped = ThresholdTable.Initial;

    public static TheoryData<string, long, long> Periods => new()
    {
        { "2022-01-01", 46_908_00, 187_632_00 },
        { "2022-07-01", 50_835_00, 203_340_00 },
        { "2023-06-01", 53_504_00, 214_016_00 },
    };

    private static ThresholdPeriod On(string date) => Shipped.InForce("CQ", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!;

    [Theory]
    [MemberData(nameof(Periods))]
    public void Chongqing_limits_are_half_and_twice_the_wage_of_the_year_before(string from, long mandatory, long agreement)
    {
        var period = On(from);

        Assert.Equal((mandatory, agreement), (period.MandatoryLimitFen, period.AgreementLimitFen));
        Assert.False(period.Confirmed);
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void At_and_around_the_mandatory_limit(string from, long mandatory, long agreement)
    {
        _ = agreement;
        var period = On(from);

        Assert.Equal(EligibilityOutcome.Mandatory, SmallClaimsEligibility.Assess(period, mandatory - 1, SmallClaimsCaseType.MonetaryClaim, false).Outcome);
        Assert.Equal(EligibilityOutcome.Mandatory, SmallClaimsEligibility.Assess(period, mandatory, SmallClaimsCaseType.MonetaryClaim, false).Outcome);
        Assert.Equal(EligibilityOutcome.Mandatory, SmallClaimsEligibility.Assess(period, mandatory, SmallClaimsCaseType.MonetaryClaim, true).Outcome);

        var above = SmallClaimsEligibility.Assess(period, mandatory + 1, SmallClaimsCaseType.MonetaryClaim, false);
        Assert.Equal((EligibilityOutcome.NotAllowed, "parties-have-not-agreed"), (above.Outcome, above.Reason));
        Assert.Equal(EligibilityOutcome.AllowedByAgreement, SmallClaimsEligibility.Assess(period, mandatory + 1, SmallClaimsCaseType.MonetaryClaim, true).Outcome);
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void At_and_around_the_agreement_limit(string from, long mandatory, long agreement)
    {
        _ = mandatory;
        var period = On(from);

        Assert.Equal(EligibilityOutcome.AllowedByAgreement, SmallClaimsEligibility.Assess(period, agreement - 1, SmallClaimsCaseType.MonetaryClaim, true).Outcome);
        Assert.Equal(EligibilityOutcome.AllowedByAgreement, SmallClaimsEligibility.Assess(period, agreement, SmallClaimsCaseType.MonetaryClaim, true).Outcome);

        var above = SmallClaimsEligibility.Assess(period, agreement + 1, SmallClaimsCaseType.MonetaryClaim, true);
        Assert.Equal((EligibilityOutcome.NotAllowed, "above-agreement-limit"), (above.Outcome, above.Reason));
    }

    [Fact]
    public void A_claim_of_nothing_is_not_a_small_claim()
    {
        var assessment = SmallClaimsEligibility.Assess(On("2022-07-01"), 0, SmallClaimsCaseType.MonetaryClaim, false);

        Assert.Equal((EligibilityOutcome.NotAllowed, "no-amount-claimed"), (assessment.Outcome, assessment.Reason));
    }

    [Theory]
    [InlineData("2022-06-30", 2020)]
    [InlineData("2022-07-01", 2021)]
    [InlineData("2023-05-31", 2021)]
    [InlineData("2023-06-01", 2022)]
    [InlineData("2026-01-01", 2022)]
    public void The_period_in_force_on_the_filing_date_decides(string filedOn, int wageYear) =>
        Assert.Equal(wageYear, On(filedOn).WageYear);

    [Fact]
    public void Before_the_2021_amendment_took_effect_no_threshold_is_known()
    {
        var assessment = SmallClaimsEligibility.Assess(Shipped.InForce("CQ", new DateOnly(2021, 12, 31)), 10_000_00, SmallClaimsCaseType.MonetaryClaim, false);

        Assert.Equal((EligibilityOutcome.NotAllowed, "no-threshold-in-force"), (assessment.Outcome, assessment.Reason));
    }

    [Fact]
    public void A_province_without_data_has_no_threshold() => Assert.Null(Shipped.InForce("JS", new DateOnly(2024, 1, 1)));

    [Theory]
    [InlineData(SmallClaimsCaseType.PersonalStatus, "CPL Art. 166(1)")]
    [InlineData(SmallClaimsCaseType.PropertyTitle, "CPL Art. 166(1)")]
    [InlineData(SmallClaimsCaseType.NonMonetary, "CPL Art. 165")]
    [InlineData(SmallClaimsCaseType.ForeignRelated, "CPL Art. 166(2)")]
    [InlineData(SmallClaimsCaseType.NeedsAppraisal, "CPL Art. 166(3)")]
    [InlineData(SmallClaimsCaseType.PartyWhereaboutsUnknown, "CPL Art. 166(4)")]
    [InlineData(SmallClaimsCaseType.Counterclaim, "CPL Art. 166(5)")]
    [InlineData(SmallClaimsCaseType.OtherUnsuitable, "CPL Art. 166(6)")]
    public void Each_excluded_type_is_refused_whatever_the_amount_with_its_rule(SmallClaimsCaseType type, string article)
    {
        var assessment = SmallClaimsEligibility.Assess(On("2023-06-01"), 1_00, type, true);

        Assert.Equal((EligibilityOutcome.NotAllowed, "excluded-case-type", article), (assessment.Outcome, assessment.Reason, assessment.Exclusion?.Article));
    }

    [Fact]
    public void Every_case_type_has_a_code_that_parses_back()
    {
        foreach (var type in Enum.GetValues<SmallClaimsCaseType>())
        {
            Assert.True(SmallClaimsEligibility.TryParse(SmallClaimsEligibility.Code(type), out var parsed));
            Assert.Equal(type, parsed);
        }
    }
}
