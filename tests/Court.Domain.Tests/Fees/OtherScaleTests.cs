using Court.Domain.Fees;
using Court.Domain.Identifiers;
using static Court.Domain.Tests.Fees.Yuan;

namespace Court.Domain.Tests.Fees;

public sealed class OtherScaleTests
{
    [Theory]
    [InlineData("5000", "50.00")]
    [InlineData("10000", "50.00")]
    [InlineData("500000", "7400.00")]
    [InlineData("5000000", "52400.00")]
    [InlineData("10000000", "77400.00")]
    [InlineData("20000000", "87400.00")]
    public void Enforcement_applications_pay_their_own_cumulative_scale(string amount, string fee) =>
        Assert.Equal(fee, Fee(FeeKind.Enforcement, amount));

    [Fact]
    public void An_enforcement_application_without_an_amount_pays_the_chosen_per_case_figure() =>
        Assert.Equal("50.00", Fee(FeeKind.Enforcement, null));

    [Theory]
    [InlineData(FeeKind.Divorce)]
    [InlineData(FeeKind.PersonalityRights)]
    [InlineData(FeeKind.OtherNonProperty)]
    [InlineData(FeeKind.AdministrativeOther)]
    public void A_case_that_is_not_a_claim_for_money_gets_no_small_claims_quote(FeeKind kind) =>
        Assert.Equal("fees.small-claims-not-available", FeeCalculator.Assess(NationalFeeSchedule.V1, kind, null, Procedure.SmallClaims).Error?.Code);

    [Fact]
    public void A_labour_claim_may_be_quoted_under_small_claims() =>
        Assert.Equal("5.00", Fee(FeeKind.Labour, null, Procedure.SmallClaims));

    [Fact]
    public void Application_fees_are_not_halved_by_the_procedure() =>
        Assert.Equal("7400.00", Fee(FeeKind.Enforcement, "500000", Procedure.Simple, CaseClosing.Mediation));

    [Theory]
    [InlineData("800", "30.00", false)]
    [InlineData("1000", "30.00", false)]
    [InlineData("100000", "1020.00", false)]
    [InlineData("896000", "5000.00", false)]
    [InlineData("896001", "5000.00", true)]
    [InlineData("100000000", "5000.00", true)]
    public void Preservation_is_capped_at_5000(string amount, string fee, bool capped)
    {
        var quote = Quote(FeeKind.Preservation, amount);

        Assert.Equal((fee, capped), (Money.Format(quote.FeeFen).Replace(",", "", StringComparison.Ordinal), quote.Capped));
    }

    [Fact]
    public void Preservation_without_an_amount_pays_30() => Assert.Equal("30.00", Fee(FeeKind.Preservation, null));

    [Theory]
    [InlineData("1000000", "6900.00", false)]
    [InlineData("111640000", "300000.00", false)] // property scale 600,000 halved: exactly the cap
    [InlineData("200000000", "300000.00", true)] // 1,041,800 halved is 520,900: capped
    [InlineData("123456.78", "1384.57", false)]
    public void Bankruptcy_pays_half_the_property_scale_on_the_estate_capped_at_300000(string estate, string fee, bool capped)
    {
        var quote = Quote(FeeKind.Bankruptcy, estate);

        Assert.Equal((fee, capped), (Money.Format(quote.FeeFen).Replace(",", "", StringComparison.Ordinal), quote.Capped));
        Assert.Equal(Ratio.Half, quote.ScaleFactor);
    }

    [Theory]
    [InlineData(FeeKind.Divorce, null, Procedure.Ordinary, "50.00")]
    [InlineData(FeeKind.Divorce, "200000", Procedure.Ordinary, "50.00")]
    [InlineData(FeeKind.Divorce, "300000", Procedure.Ordinary, "550.00")]
    [InlineData(FeeKind.Divorce, "300000", Procedure.Simple, "275.00")]
    [InlineData(FeeKind.PersonalityRights, "50000", Procedure.Ordinary, "100.00")]
    [InlineData(FeeKind.PersonalityRights, "150000", Procedure.Ordinary, "850.00")]
    [InlineData(FeeKind.OtherNonProperty, null, Procedure.Ordinary, "50.00")]
    [InlineData(FeeKind.IntellectualPropertyWithoutAmount, null, Procedure.Ordinary, "500.00")]
    [InlineData(FeeKind.Labour, null, Procedure.Ordinary, "10.00")]
    [InlineData(FeeKind.Labour, null, Procedure.Simple, "5.00")]
    [InlineData(FeeKind.AdministrativeTrademarkPatentMaritime, null, Procedure.Ordinary, "100.00")]
    [InlineData(FeeKind.AdministrativeOther, null, Procedure.Ordinary, "50.00")]
    [InlineData(FeeKind.JurisdictionObjection, null, Procedure.Ordinary, "50.00")]
    public void Non_property_cases_pay_the_chosen_figure_within_the_range_plus_any_banded_part(FeeKind kind, string? amount, Procedure procedure, string fee) =>
        Assert.Equal(fee, Fee(kind, amount, procedure));

    [Fact]
    public void A_property_fee_needs_an_amount()
    {
        var result = FeeCalculator.Assess(NationalFeeSchedule.V1, FeeKind.Property, null, Procedure.Ordinary);

        Assert.Equal("fees.amount-required", result.Error?.Code);
    }

    [Fact]
    public void An_amount_above_ten_to_the_twelve_yuan_is_refused()
    {
        var result = FeeCalculator.Assess(NationalFeeSchedule.V1, FeeKind.Property, Money.MaxFen + 1, Procedure.Ordinary);

        Assert.Equal("fees.amount-out-of-range", result.Error?.Code);
    }

    [Fact]
    public void The_shipped_national_schedule_has_no_problems() => Assert.Empty(NationalFeeSchedule.V1.Problems());
}
