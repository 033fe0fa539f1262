using Court.Domain.Fees;
using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Fees;

internal static class Yuan
{
    public static long Fen(string yuan) =>
        Money.TryParseYuan(yuan, out var fen, out var error) ? fen : throw new ArgumentException(error, nameof(yuan));

    public static FeeAssessment Quote(FeeKind kind, string? amount, Procedure procedure = Procedure.Ordinary, CaseClosing closing = CaseClosing.None) =>
        FeeCalculator.Assess(NationalFeeSchedule.V1, kind, amount is null ? null : Fen(amount), procedure, closing).Value;

    public static string Fee(FeeKind kind, string? amount, Procedure procedure = Procedure.Ordinary, CaseClosing closing = CaseClosing.None) =>
        Money.Format(Quote(kind, amount, procedure, closing).FeeFen).Replace(",", "", StringComparison.Ordinal);
}
