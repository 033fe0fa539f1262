using Court.Domain.Fees;
using static Court.Domain.Tests.Fees.Yuan;

namespace Court.Domain.Tests.Fees;

public sealed class PropertyFeeTests
{
    [Theory]
    [InlineData("0.01", "50.00")]
    [InlineData("10000", "50.00")]
    [InlineData("100000", "2300.00")]
    [InlineData("200000", "4300.00")]
    [InlineData("500000", "8800.00")]
    [InlineData("1000000", "13800.00")]
    [InlineData("2000000", "22800.00")]
    [InlineData("5000000", "46800.00")]
    [InlineData("10000000", "81800.00")]
    [InlineData("20000000", "141800.00")]
    public void The_fee_at_each_band_boundary_is_the_cumulative_sum_of_the_bands_below(string amount, string fee) =>
        Assert.Equal(fee, Fee(FeeKind.Property, amount));

    [Theory]
    [InlineData("9999.99", "50.00")]
    [InlineData("10000.01", "50.00")]
    [InlineData("10001", "50.03")]
    [InlineData("99999", "2299.98")]
    [InlineData("100001", "2300.02")]
    [InlineData("199999", "4299.98")]
    [InlineData("200001", "4300.02")]
    [InlineData("499999", "8799.99")]
    [InlineData("500001", "8800.01")]
    [InlineData("999999", "13799.99")]
    [InlineData("1000001", "13800.01")]
    [InlineData("1999999", "22799.99")]
    [InlineData("2000001", "22800.01")]
    [InlineData("4999999", "46799.99")]
    [InlineData("5000001", "46800.01")]
    [InlineData("9999999", "81799.99")]
    [InlineData("10000001", "81800.01")]
    [InlineData("19999999", "141799.99")]
    [InlineData("20000001", "141800.01")]
    public void Just_around_each_boundary_the_next_rate_takes_over_rounded_half_up(string amount, string fee) =>
        Assert.Equal(fee, Fee(FeeKind.Property, amount));

    [Theory]
    [InlineData("10000.19", "50.00")] // 19 fen × 2.5 % = 0.475 fen: down
    [InlineData("10000.20", "50.01")] // 0.5 fen: half up
    [InlineData("10000.40", "50.01")] // exactly 1 fen
    [InlineData("20000000.99", "141800.00")] // 99 fen × 0.5 % = 0.495 fen: down
    [InlineData("20000001.00", "141800.01")] // 100 fen × 0.5 % = 0.5 fen: half up
    public void A_fraction_of_a_fen_rounds_half_up(string amount, string fee) =>
        Assert.Equal(fee, Fee(FeeKind.Property, amount));

    [Fact]
    public void The_breakdown_shows_each_band_and_adds_up_to_the_fee()
    {
        var quote = Quote(FeeKind.Property, "123456.78");

        Assert.Equal(
            [(0L, 1_000_000L, 5_000L), (1_000_000L, 9_000_000L, 225_000L), (10_000_000L, 2_345_678L, 46_914L)],
            quote.Lines.Select(l => (l.FromFen, l.PortionFen, l.FeeFen)));
        Assert.Equal(276_914, quote.GrossFen);
        Assert.Equal(276_914, quote.FeeFen);
        Assert.Equal((NationalFeeSchedule.Id, 1), (quote.ScheduleId, quote.ScheduleVersion));
    }

    [Theory]
    [InlineData(Procedure.Simple, CaseClosing.None, "1150.00")]
    [InlineData(Procedure.SmallClaims, CaseClosing.None, "1150.00")]
    [InlineData(Procedure.Ordinary, CaseClosing.Mediation, "1150.00")]
    [InlineData(Procedure.Ordinary, CaseClosing.Withdrawal, "1150.00")]
    [InlineData(Procedure.Simple, CaseClosing.Mediation, "1150.00")]
    [InlineData(Procedure.SmallClaims, CaseClosing.Withdrawal, "1150.00")]
    [InlineData(Procedure.Ordinary, CaseClosing.None, "2300.00")]
    public void Simple_procedure_small_claims_mediation_and_withdrawal_halve_the_fee_once_not_twice(Procedure procedure, CaseClosing closing, string fee) =>
        Assert.Equal(fee, Fee(FeeKind.Property, "100000", procedure, closing));

    [Fact]
    public void The_applied_reduction_is_named()
    {
        var quote = Quote(FeeKind.Property, "100000", Procedure.SmallClaims);

        Assert.Equal(new AppliedReduction(ReductionReason.SmallClaimsProcedure, Ratio.Half), quote.Reduction);
        Assert.Equal(230_000, quote.GrossFen);
    }

    [Theory]
    [InlineData("10000.40", "25.01")] // 50.01 halved is 25.005: half up
    [InlineData("10000.80", "25.01")] // 50.02 halved
    [InlineData("123456.78", "1384.57")] // 2769.14 halved
    [InlineData("46908", "486.35")] // 972.70 halved (Chongqing's 2022 mandatory limit)
    [InlineData("187632", "2026.32")]
    public void Halving_an_odd_number_of_fen_rounds_half_up(string amount, string fee) =>
        Assert.Equal(fee, Fee(FeeKind.Property, amount, Procedure.Simple));
}
