using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Domain.Fees;

/// <summary>One line of a quote: a per-case amount, or one band's portion of the amount and what it pays.</summary>
public sealed record FeeLine(long FromFen, long? ToFen, long PortionFen, decimal? Rate, long? FixedFen, long FeeFen);

/// <summary>Which reduction was applied, and by how much.</summary>
public sealed record AppliedReduction(ReductionReason Reason, Ratio Factor);

/// <summary>
/// A fee worked out band by band. Every stage is money, rounded to the fen half up: each line, the scale factor,
/// the cap, the reduction. <see cref="GrossFen"/> is the sum of the lines.
/// </summary>
public sealed record FeeAssessment(
    string ScheduleId,
    int ScheduleVersion,
    FeeKind Kind,
    long? AmountFen,
    Procedure Procedure,
    CaseClosing Closing,
    IReadOnlyList<FeeLine> Lines,
    long GrossFen,
    Ratio? ScaleFactor,
    long? CapFen,
    bool Capped,
    AppliedReduction? Reduction,
    long FeeFen);

/// <summary>Pure fee arithmetic: a schedule, a kind and an amount in; a fee with its working out.</summary>
public static class FeeCalculator
{
    /// <summary>The acceptance-fee kinds that can be claims for money (CPL Art. 165); a divorce or a personality-rights case never is.</summary>
    private static readonly FeeKind[] SmallClaimsKinds = [FeeKind.Property, FeeKind.Labour];

    public static Result Assess(FeeSchedule schedule, FeeKind kind, long? amountFen, Procedure procedure, CaseClosing closing = CaseClosing.None)
    {
        if (amountFen is < 0 or > Money.MaxFen)
        {
            return DomainError.Invalid("fees.amount-out-of-range", "The amount must be between 0 and 10^12 yuan.");
        }

        if (schedule.ScaleFor(kind) is not { } scale)
        {
            return DomainError.NotFound("fees.no-scale", $"Schedule {schedule.Id} v{schedule.Version} has no scale for {FeeKinds.Code(kind)}.");
        }

        if (procedure == Procedure.SmallClaims && scale.Category == FeeCategory.Acceptance && !SmallClaimsKinds.Contains(kind))
        {
            return DomainError.Invalid("fees.small-claims-not-available", $"A {FeeKinds.Code(kind)} case cannot be heard in small-claims procedure, which is for simple claims for money (CPL Art. 165, 166(1)); quote it under simple or ordinary procedure.");
        }

        var lines = new List<FeeLine>();
        if (amountFen is not { } amount)
        {
            if ((scale.WithoutAmount ?? scale.PerCase) is not { } perCase)
            {
                return DomainError.Invalid("fees.amount-required", $"A {FeeKinds.Code(kind)} fee depends on the amount; give one.");
            }

            lines.Add(new FeeLine(0, null, 0, null, perCase.ChosenFen, perCase.ChosenFen));
        }
        else
        {
            if (scale.PerCase is { } perCase)
            {
                lines.Add(new FeeLine(0, null, 0, null, perCase.ChosenFen, perCase.ChosenFen));
            }

            lines.AddRange(BandLines(scale.Bands, amount));
        }

        var gross = lines.Sum(l => l.FeeFen);
        var fee = scale.Factor is { } factor ? factor.ApplyTo(gross) : gross;
        var capped = scale.CapFen is { } cap && fee > cap;
        if (capped)
        {
            fee = scale.CapFen!.Value;
        }

        var reduction = scale.Category == FeeCategory.Acceptance ? BestReduction(schedule, procedure, closing) : null;
        if (reduction is not null)
        {
            fee = reduction.Factor.ApplyTo(fee);
        }

        return new FeeAssessment(schedule.Id, schedule.Version, kind, amountFen, procedure, closing, lines, gross, scale.Factor, scale.CapFen, capped, reduction, fee);
    }

    private static IEnumerable<FeeLine> BandLines(IReadOnlyList<FeeBand> bands, long amount)
    {
        long from = 0;
        foreach (var band in bands)
        {
            var to = band.UpToFen;
            if (band.FixedFen is { } fixedFen)
            {
                // A fixed first band is the minimum: it is owed whatever the amount.
                yield return new FeeLine(from, to, Math.Min(amount, to ?? amount), null, fixedFen, fixedFen);
            }
            else if (amount > from)
            {
                var portion = Math.Min(amount, to ?? amount) - from;
                yield return new FeeLine(from, to, portion, band.Rate, null, Money.RoundHalfUp(portion * band.Rate!.Value));
            }

            if (to is null || amount <= to)
            {
                yield break;
            }

            from = to.Value;
        }
    }

    /// <summary>The most favourable reduction that applies; they do not compound (a simple-procedure case settled by mediation still pays half).</summary>
    private static AppliedReduction? BestReduction(FeeSchedule schedule, Procedure procedure, CaseClosing closing)
    {
        var reasons = new List<ReductionReason>(2);
        switch (procedure)
        {
            case Procedure.Simple:
                reasons.Add(ReductionReason.SimpleProcedure);
                break;
            case Procedure.SmallClaims:
                // Small claims is a form of simple procedure (Art. 16): a schedule without its own small-claims rule halves it as simple.
                reasons.Add(schedule.Reductions.Any(r => r.Reason == ReductionReason.SmallClaimsProcedure) ? ReductionReason.SmallClaimsProcedure : ReductionReason.SimpleProcedure);
                break;
        }

        switch (closing)
        {
            case CaseClosing.Mediation:
                reasons.Add(ReductionReason.Mediation);
                break;
            case CaseClosing.Withdrawal:
                reasons.Add(ReductionReason.Withdrawal);
                break;
        }

        return schedule.Reductions
            .Where(r => reasons.Contains(r.Reason))
            .OrderBy(r => r.Factor, Comparer<Ratio>.Create((a, b) => a.CompareTo(b)))
            .Select(r => new AppliedReduction(r.Reason, r.Factor))
            .FirstOrDefault();
    }

    /// <summary>An assessment or the reason there is none.</summary>
    public readonly record struct Result(FeeAssessment? Assessment, DomainError? Error)
    {
        public static implicit operator Result(FeeAssessment assessment) => new(assessment, null);

        public static implicit operator Result(DomainError error) => new(null, error);

        public FeeAssessment Value => Assessment ?? throw new DomainException(Error!);
    }
}

/// <summary>The kebab-case names clients use for fee kinds (?kind=property).</summary>
public static class FeeKinds
{
    private static readonly Dictionary<FeeKind, string> Codes = new()
    {
        [FeeKind.Property] = "property",
        [FeeKind.Divorce] = "divorce",
        [FeeKind.PersonalityRights] = "personality-rights",
        [FeeKind.OtherNonProperty] = "other-non-property",
        [FeeKind.IntellectualPropertyWithoutAmount] = "ip-without-amount",
        [FeeKind.Labour] = "labour",
        [FeeKind.AdministrativeTrademarkPatentMaritime] = "administrative-ip-maritime",
        [FeeKind.AdministrativeOther] = "administrative-other",
        [FeeKind.JurisdictionObjection] = "jurisdiction-objection",
        [FeeKind.Enforcement] = "enforcement",
        [FeeKind.Preservation] = "preservation",
        [FeeKind.Bankruptcy] = "bankruptcy",
    };

    public static IReadOnlyCollection<string> All => Codes.Values;

    public static string Code(FeeKind kind) => Codes[kind];

    public static bool TryParse(string? code, out FeeKind kind)
    {
        foreach (var (k, c) in Codes)
        {
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>The kebab-case names of procedures and closings.</summary>
public static class ProcedureCodes
{
    public static string Code(Procedure procedure) => procedure switch
    {
        Procedure.Ordinary => "ordinary",
        Procedure.Simple => "simple",
        Procedure.SmallClaims => "small-claims",
        _ => throw new ArgumentOutOfRangeException(nameof(procedure)),
    };

    public static bool TryParse(string? code, out Procedure procedure)
    {
        foreach (var p in Enum.GetValues<Procedure>())
        {
            if (string.Equals(Code(p), code, StringComparison.OrdinalIgnoreCase))
            {
                procedure = p;
                return true;
            }
        }

        procedure = default;
        return false;
    }

    public static bool TryParseClosing(string? code, out CaseClosing closing)
    {
        closing = code?.ToLowerInvariant() switch
        {
            null or "" or "none" or "judgment" => CaseClosing.None,
            "mediation" => CaseClosing.Mediation,
            "withdrawal" => CaseClosing.Withdrawal,
            _ => (CaseClosing)(-1),
        };
        return Enum.IsDefined(closing);
    }
}
