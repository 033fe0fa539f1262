namespace Court.Domain.Fees;

/// <summary>
/// The 2007 Fee Measures (诉讼费用交纳办法, State Council Decree 481, in force 2007-04-01) as schedule data.
/// Where the Measures give a range (non-property cases), the province chooses the figure: the lower end is shipped
/// until a court publishes its own figures as a new version.
/// </summary>
public static class NationalFeeSchedule
{
    public const string Id = "cn-fee-measures-2007";

    /// <summary>Art. 13(1): property cases, cumulative by band.</summary>
    public static IReadOnlyList<FeeBand> PropertyBands { get; } =
    [
        FeeBand.Fixed(10_000, 50),
        FeeBand.Percent(100_000, 2.5m),
        FeeBand.Percent(200_000, 2m),
        FeeBand.Percent(500_000, 1.5m),
        FeeBand.Percent(1_000_000, 1m),
        FeeBand.Percent(2_000_000, 0.9m),
        FeeBand.Percent(5_000_000, 0.8m),
        FeeBand.Percent(10_000_000, 0.7m),
        FeeBand.Percent(20_000_000, 0.6m),
        FeeBand.Percent(null, 0.5m),
    ];

    public static FeeSchedule V1 { get; } = new(
        Id,
        1,
        new DateOnly(2007, 4, 1),
        "诉讼费用交纳办法（国务院令第481号）",
        "Court Fee Measures (State Council Decree 481)",
        FeeScope.National,
        [
            new FeeScale(FeeKind.Property, FeeCategory.Acceptance, PropertyBands),

            // Art. 13(2): divorce 50-300 per case, plus 0.5 % of the property above 200,000.
            new FeeScale(FeeKind.Divorce, FeeCategory.Acceptance, [FeeBand.Percent(200_000, 0m), FeeBand.Percent(null, 0.5m)], PerCase: PerCaseRange.Yuan(50, 300, 50)),

            // Personality rights 100-500 per case, plus 1 % of damages from 50,000 to 100,000 and 0.5 % above.
            new FeeScale(FeeKind.PersonalityRights, FeeCategory.Acceptance, [FeeBand.Percent(50_000, 0m), FeeBand.Percent(100_000, 1m), FeeBand.Percent(null, 0.5m)], PerCase: PerCaseRange.Yuan(100, 500, 100)),
            new FeeScale(FeeKind.OtherNonProperty, FeeCategory.Acceptance, [], PerCase: PerCaseRange.Yuan(50, 100, 50)),

            // Art. 13(3): IP cases without an amount 500-1,000; with an amount they pay the property scale.
            new FeeScale(FeeKind.IntellectualPropertyWithoutAmount, FeeCategory.Acceptance, [], PerCase: PerCaseRange.Yuan(500, 1_000, 500)),
            new FeeScale(FeeKind.Labour, FeeCategory.Acceptance, [], PerCase: PerCaseRange.Yuan(10, 10, 10)),
            new FeeScale(FeeKind.AdministrativeTrademarkPatentMaritime, FeeCategory.Acceptance, [], PerCase: PerCaseRange.Yuan(100, 100, 100)),
            new FeeScale(FeeKind.AdministrativeOther, FeeCategory.Acceptance, [], PerCase: PerCaseRange.Yuan(50, 50, 50)),
            new FeeScale(FeeKind.JurisdictionObjection, FeeCategory.Acceptance, [], PerCase: PerCaseRange.Yuan(50, 100, 50)),

            // Art. 14(1): enforcement; without an amount 50-500.
            new FeeScale(
                FeeKind.Enforcement,
                FeeCategory.Application,
                [FeeBand.Fixed(10_000, 50), FeeBand.Percent(500_000, 1.5m), FeeBand.Percent(5_000_000, 1m), FeeBand.Percent(10_000_000, 0.5m), FeeBand.Percent(null, 0.1m)],
                WithoutAmount: PerCaseRange.Yuan(50, 500, 50)),

            // Art. 14(2): preservation, 30 when the amount is up to 1,000 or none; capped at 5,000.
            new FeeScale(
                FeeKind.Preservation,
                FeeCategory.Application,
                [FeeBand.Fixed(1_000, 30), FeeBand.Percent(100_000, 1m), FeeBand.Percent(null, 0.5m)],
                WithoutAmount: PerCaseRange.Yuan(30, 30, 30),
                CapFen: 5_000_00),

            // Art. 14(6): bankruptcy, the property scale on the estate, halved, capped at 300,000.
            new FeeScale(FeeKind.Bankruptcy, FeeCategory.Application, PropertyBands, Factor: Ratio.Half, CapFen: 300_000_00),
        ],
        [
            new FeeReduction(ReductionReason.SimpleProcedure, Ratio.Half),
            new FeeReduction(ReductionReason.SmallClaimsProcedure, Ratio.Half),
            new FeeReduction(ReductionReason.Mediation, Ratio.Half),
            new FeeReduction(ReductionReason.Withdrawal, Ratio.Half),
        ],
        "诉讼费用交纳办法 第十三条、第十四条、第十五条、第十六条");

    /// <summary>The schedules every installation starts with; published versions are added to these.</summary>
    public static IReadOnlyList<FeeSchedule> BuiltIn { get; } = [V1];
}
