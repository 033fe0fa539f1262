namespace Court.Domain.Fees;

/// <summary>What a fee is charged for: the case kinds of Fee Measures Art. 13 and the applications of Art. 14.</summary>
public enum FeeKind
{
    Property,
    Divorce,
    PersonalityRights,
    OtherNonProperty,
    IntellectualPropertyWithoutAmount,
    Labour,
    AdministrativeTrademarkPatentMaritime,
    AdministrativeOther,
    JurisdictionObjection,
    Enforcement,
    Preservation,
    Bankruptcy,
}

/// <summary>Acceptance fees (案件受理费) are the ones the reductions halve; application fees (申请费) are not.</summary>
public enum FeeCategory
{
    Acceptance,
    Application,
}

public enum Procedure
{
    Ordinary,
    Simple,
    SmallClaims,
}

/// <summary>How a case ended, where that changes its fee (Art. 15).</summary>
public enum CaseClosing
{
    None,
    Mediation,
    Withdrawal,
}

public enum ReductionReason
{
    SimpleProcedure,
    SmallClaimsProcedure,
    Mediation,
    Withdrawal,
}

/// <summary>
/// One band of a cumulative scale: the portion of the amount up to <paramref name="UpToFen"/> (null: no upper end)
/// above the previous band's end pays <paramref name="Rate"/>, or, for the first band only, a fixed amount per case.
/// </summary>
public sealed record FeeBand(long? UpToFen, decimal? Rate = null, long? FixedFen = null)
{
    public static FeeBand Fixed(long upToYuan, long fixedYuan) => new(upToYuan * 100, FixedFen: fixedYuan * 100);

    public static FeeBand Percent(long? upToYuan, decimal percent) => new(upToYuan * 100, Rate: percent / 100m);
}

/// <summary>A per-case amount the law gives as a range; the province (or court) chooses the figure charged.</summary>
public sealed record PerCaseRange(long MinFen, long MaxFen, long ChosenFen)
{
    public static PerCaseRange Yuan(long min, long max, long chosen) => new(min * 100, max * 100, chosen * 100);
}

/// <summary>
/// How one kind is charged: an optional per-case amount, then cumulative bands on the amount; a factor on the
/// result (bankruptcy pays half the property scale) and a cap. <paramref name="WithoutAmount"/> is charged instead
/// when the application names no amount.
/// </summary>
public sealed record FeeScale(
    FeeKind Kind,
    FeeCategory Category,
    IReadOnlyList<FeeBand> Bands,
    PerCaseRange? PerCase = null,
    PerCaseRange? WithoutAmount = null,
    Ratio? Factor = null,
    long? CapFen = null)
{
    public bool SameTermsAs(FeeScale other) =>
        Kind == other.Kind && Category == other.Category && Bands.SequenceEqual(other.Bands) && PerCase == other.PerCase
        && WithoutAmount == other.WithoutAmount && Factor == other.Factor && CapFen == other.CapFen;
}

/// <summary>A reduction of acceptance fees. Reductions do not compound: a case gets the most favourable one that applies.</summary>
public sealed record FeeReduction(ReductionReason Reason, Ratio Factor);

/// <summary>Where a schedule applies: nationally, or at one court; for every procedure, or for one.</summary>
public sealed record FeeScope(string? CourtCode = null, Procedure? Procedure = null)
{
    public static FeeScope National { get; } = new();

    public int Specificity() => (CourtCode is null ? 0 : 2) + (Procedure is null ? 0 : 1);

    public bool Covers(string? courtCode, Procedure procedure) =>
        (CourtCode is null || string.Equals(CourtCode, courtCode, StringComparison.Ordinal)) && (Procedure is null || Procedure == procedure);
}

/// <summary>
/// One published version of a fee schedule. Versions are never edited: a change is a new version with its own
/// effective date, and a case is charged by the version in force on its filing date.
/// </summary>
public sealed record FeeSchedule(
    string Id,
    int Version,
    DateOnly EffectiveFrom,
    string TitleZh,
    string TitleEn,
    FeeScope Scope,
    IReadOnlyList<FeeScale> Scales,
    IReadOnlyList<FeeReduction> Reductions,
    string? Basis = null)
{
    public FeeScale? ScaleFor(FeeKind kind) => Scales.FirstOrDefault(s => s.Kind == kind);

    /// <summary>Same scope, scales and reductions: publishing it again would change nothing.</summary>
    public bool SameTermsAs(FeeSchedule other) =>
        Scope == other.Scope && EffectiveFrom == other.EffectiveFrom
        && Scales.Count == other.Scales.Count && Scales.Zip(other.Scales).All(p => p.First.SameTermsAs(p.Second))
        && Reductions.SequenceEqual(other.Reductions);

    /// <summary>Why this schedule could not be charged by, or an empty list. Checked before it is published.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 80 || !Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Add("The schedule id is 1-80 lower-case letters, digits and hyphens.");
        }

        if (string.IsNullOrWhiteSpace(TitleZh) || string.IsNullOrWhiteSpace(TitleEn))
        {
            problems.Add("A schedule has a Chinese and an English title.");
        }

        if (Scales.Count == 0)
        {
            problems.Add("A schedule has at least one scale.");
        }

        foreach (var duplicate in Scales.GroupBy(s => s.Kind).Where(g => g.Count() > 1))
        {
            problems.Add($"The scale for {duplicate.Key} appears more than once.");
        }

        foreach (var scale in Scales)
        {
            problems.AddRange(ProblemsOf(scale));
        }

        foreach (var reduction in Reductions)
        {
            if (!reduction.Factor.IsReduction())
            {
                problems.Add($"The {reduction.Reason} reduction's factor {reduction.Factor} is not between 0 and 1.");
            }
        }

        return problems;
    }

    private static IEnumerable<string> ProblemsOf(FeeScale scale)
    {
        var kind = scale.Kind;
        if (scale.Bands.Count == 0 && scale.PerCase is null)
        {
            yield return $"The {kind} scale has neither bands nor a per-case amount.";
        }

        long previous = 0;
        for (var i = 0; i < scale.Bands.Count; i++)
        {
            var band = scale.Bands[i];
            if ((band.Rate is null) == (band.FixedFen is null))
            {
                yield return $"Band {i + 1} of the {kind} scale has either a rate or a fixed amount, not both or neither.";
            }

            if (band.FixedFen is { } fixedFen && (i > 0 || fixedFen < 0))
            {
                yield return $"Only the first band of the {kind} scale may be a fixed, non-negative amount.";
            }

            if (band.Rate is { } rate && (rate < 0 || rate > 1))
            {
                yield return $"Band {i + 1} of the {kind} scale has a rate outside 0-100 %.";
            }

            if (band.UpToFen is { } upTo)
            {
                if (upTo <= previous)
                {
                    yield return $"Band {i + 1} of the {kind} scale does not end above the band before it.";
                }

                previous = upTo;
            }
            else if (i != scale.Bands.Count - 1)
            {
                yield return $"Only the last band of the {kind} scale may be open-ended.";
            }
        }

        if (scale.Bands.Count > 0 && scale.Bands[^1].UpToFen is not null)
        {
            yield return $"The last band of the {kind} scale must be open-ended, so every amount is covered.";
        }

        foreach (var range in new[] { scale.PerCase, scale.WithoutAmount })
        {
            if (range is not null && (range.MinFen < 0 || range.MinFen > range.ChosenFen || range.ChosenFen > range.MaxFen))
            {
                yield return $"The {kind} scale's per-case figure must lie within its range.";
            }
        }

        if (scale.Factor is { } factor && !factor.IsReduction())
        {
            yield return $"The {kind} scale's factor {factor} is not between 0 and 1.";
        }

        if (scale.CapFen < 0)
        {
            yield return $"The {kind} scale's cap is negative.";
        }
    }
}
