using Court.Domain.Fees;
using Court.Domain.Identifiers;
using CsCheck;

namespace Court.Domain.Tests.Fees;

/// <summary>Properties that hold for every amount: checked on random amounts, biased towards band edges and everyday claims.</summary>
public sealed class FeePropertyTests
{
    private static readonly FeeKind[] BandedKinds = [FeeKind.Property, FeeKind.Divorce, FeeKind.PersonalityRights, FeeKind.Enforcement, FeeKind.Preservation, FeeKind.Bankruptcy];

    private static readonly long[] Edges = NationalFeeSchedule.V1.Scales
        .SelectMany(s => s.Bands).Select(b => b.UpToFen).OfType<long>().Distinct().ToArray();

    private static readonly Gen<long> Amount = Gen.OneOf(
        Gen.Long[0, 1_000_000_00],
        Gen.Long[0, 100_000_000_00],
        Gen.Long[0, Money.MaxFen - 10_000_00],
        Gen.Select(Gen.OneOf(Edges), Gen.Long[-10_000, 10_000], (edge, offset) => Math.Max(0, edge + offset)));

    private static readonly Gen<FeeKind> Kind = Gen.OneOf(BandedKinds);

    private static readonly Gen<Procedure> AnyProcedure = Gen.Enum<Procedure>();

    // A divorce or personality-rights case has no small-claims quote (OtherScaleTests); it is halved as simple procedure.
    private static long Fee(FeeKind kind, long amount, Procedure procedure) =>
        FeeCalculator.Assess(NationalFeeSchedule.V1, kind, amount, Available(kind, procedure)).Value.FeeFen;

    private static Procedure Available(FeeKind kind, Procedure procedure) =>
        procedure == Procedure.SmallClaims && kind is FeeKind.Divorce or FeeKind.PersonalityRights ? Procedure.Simple : procedure;

    [Fact]
    public void The_fee_never_decreases_as_the_amount_grows() =>
        Gen.Select(Kind, AnyProcedure, Amount, Gen.Long[0, 1_000_000_00])
            .Sample((kind, procedure, amount, more) => Fee(kind, amount, procedure) <= Fee(kind, amount + more, procedure));

    [Fact]
    public void One_more_fen_of_claim_changes_the_fee_by_at_most_one_fen_so_no_band_edge_jumps() =>
        Gen.Select(Kind, AnyProcedure, Amount)
            .Sample((kind, procedure, amount) => Fee(kind, amount + 1, procedure) - Fee(kind, amount, procedure) is 0 or 1);

    [Fact]
    public void Across_every_band_edge_the_fee_moves_only_by_the_next_rate_on_the_distance() =>
        Gen.Select(Kind, Gen.OneOf(Edges), Gen.Long[1, 100_000])
            .Sample((kind, edge, distance) =>
            {
                // The steepest rate anywhere is 2.5 %; one fen of rounding either side.
                var bound = (distance * 25 / 1000) + 1;
                var at = Fee(kind, edge, Procedure.Ordinary);
                return at - Fee(kind, Math.Max(0, edge - distance), Procedure.Ordinary) <= bound
                    && Fee(kind, edge + distance, Procedure.Ordinary) - at <= bound;
            });

    [Fact]
    public void The_breakdown_adds_up_to_the_gross_fee_and_reductions_only_reduce() =>
        Gen.Select(Kind, AnyProcedure, Amount)
            .Sample((kind, procedure, amount) =>
            {
                var quote = FeeCalculator.Assess(NationalFeeSchedule.V1, kind, amount, Available(kind, procedure)).Value;
                return quote.Lines.Sum(l => l.FeeFen) == quote.GrossFen && quote.FeeFen <= quote.GrossFen && quote.FeeFen >= 0;
            });

    [Fact]
    public void Small_claims_and_simple_procedure_pay_half_the_ordinary_fee_rounded_half_up() =>
        Amount.Sample(amount =>
        {
            var ordinary = Fee(FeeKind.Property, amount, Procedure.Ordinary);
            return Fee(FeeKind.Property, amount, Procedure.Simple) == (ordinary + 1) / 2
                && Fee(FeeKind.Property, amount, Procedure.SmallClaims) == (ordinary + 1) / 2;
        });
}
