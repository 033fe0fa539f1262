using Court.Domain.Fees;

namespace Court.Domain.Tests.Fees;

public sealed class ScheduleCatalogTests
{
    private const string Jiangjin = "渝0116";

    /// <summary>A court's own, lower small-claims schedule: a quarter of the property scale.</summary>
    private static readonly FeeSchedule JiangjinSmallClaims = new(
        "jiangjin-small-claims",
        1,
        new DateOnly(2030, 1, 1),
        "江津区人民法院小额诉讼案件受理费标准",
        "Jiangjin small-claims fees",
        new FeeScope(Jiangjin, Procedure.SmallClaims),
        [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, NationalFeeSchedule.PropertyBands)],
        [new FeeReduction(ReductionReason.SmallClaimsProcedure, new Ratio(1, 4))]);

    private static readonly FeeSchedule NationalV2 = NationalFeeSchedule.V1 with { Version = 2, EffectiveFrom = new DateOnly(2031, 1, 1), Reductions = [] };

    private static readonly FeeScheduleCatalog Catalog = new([NationalFeeSchedule.V1, JiangjinSmallClaims, NationalV2]);

    [Fact]
    public void A_schedule_published_for_a_future_date_is_not_used_before_it()
    {
        Assert.Equal(1, Catalog.InForce(FeeKind.Property, Procedure.Simple, Jiangjin, new DateOnly(2030, 12, 31))!.Version);
        Assert.Equal(2, Catalog.InForce(FeeKind.Property, Procedure.Simple, Jiangjin, new DateOnly(2031, 1, 1))!.Version);
    }

    [Fact]
    public void Nothing_is_in_force_before_the_fee_measures() =>
        Assert.Null(Catalog.InForce(FeeKind.Property, Procedure.Ordinary, Jiangjin, new DateOnly(2007, 3, 31)));

    [Fact]
    public void A_courts_own_small_claims_schedule_charges_its_small_claims_cases_filed_from_its_date()
    {
        Assert.Equal(NationalFeeSchedule.Id, Catalog.InForce(FeeKind.Property, Procedure.SmallClaims, Jiangjin, new DateOnly(2029, 12, 31))!.Id);

        var schedule = Catalog.InForce(FeeKind.Property, Procedure.SmallClaims, Jiangjin, new DateOnly(2030, 1, 1))!;
        var quote = FeeCalculator.Assess(schedule, FeeKind.Property, 100_000_00, Procedure.SmallClaims).Value;

        Assert.Equal(("jiangjin-small-claims", 57_500L), (quote.ScheduleId, quote.FeeFen));
    }

    [Fact]
    public void A_courts_small_claims_schedule_charges_neither_other_procedures_nor_other_courts()
    {
        var on = new DateOnly(2030, 6, 1);

        Assert.Equal(NationalFeeSchedule.Id, Catalog.InForce(FeeKind.Property, Procedure.Simple, Jiangjin, on)!.Id);
        Assert.Equal(NationalFeeSchedule.Id, Catalog.InForce(FeeKind.Property, Procedure.SmallClaims, "渝0101", on)!.Id);
        Assert.Equal(NationalFeeSchedule.Id, Catalog.InForce(FeeKind.Enforcement, Procedure.SmallClaims, Jiangjin, on)!.Id);
    }

    [Fact]
    public void A_schedule_whose_bands_overlap_has_problems()
    {
        var bad = JiangjinSmallClaims with
        {
            Scales = [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, [FeeBand.Percent(100, 1m), FeeBand.Percent(50, 1m), FeeBand.Percent(200, 1m)])],
        };

        Assert.Contains(bad.Problems(), p => p.Contains("does not end above", StringComparison.Ordinal));
        Assert.Contains(bad.Problems(), p => p.Contains("open-ended", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fixed_amount_after_the_first_band_and_a_factor_above_one_are_problems()
    {
        var bad = JiangjinSmallClaims with
        {
            Scales = [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, [FeeBand.Percent(100, 1m), FeeBand.Fixed(200, 5), FeeBand.Percent(null, 1m)], Factor: new Ratio(3, 2))],
            Reductions = [new FeeReduction(ReductionReason.Mediation, new Ratio(2, 1))],
        };

        Assert.Equal(3, bad.Problems().Count);
    }
}
