namespace Court.Domain.SmallClaims;

/// <summary>What the case is, for the exclusions of CPL 2021 Art. 166. Only a simple money claim may use small claims.</summary>
public enum SmallClaimsCaseType
{
    MonetaryClaim,
    PersonalStatus,
    PropertyTitle,
    NonMonetary,
    ForeignRelated,
    NeedsAppraisal,
    PartyWhereaboutsUnknown,
    Counterclaim,
    OtherUnsuitable,
}

public enum EligibilityOutcome
{
    Mandatory,
    AllowedByAgreement,
    NotAllowed,
}

/// <summary>The rule that excludes a case type, with the article it comes from.</summary>
public sealed record ExclusionRule(SmallClaimsCaseType CaseType, string Article, string RuleZh, string RuleEn);

/// <summary>
/// The answer for one case: the outcome, a stable reason code, the threshold period that decided it (with its
/// wage basis and whether it is confirmed), and the exclusion rule when that was the reason.
/// </summary>
public sealed record EligibilityAssessment(
    EligibilityOutcome Outcome,
    string Reason,
    ThresholdPeriod? Threshold,
    ExclusionRule? Exclusion)
{
    public bool Eligible => Outcome != EligibilityOutcome.NotAllowed;
}

public static class SmallClaimsEligibility
{
    public static IReadOnlyDictionary<SmallClaimsCaseType, ExclusionRule> Exclusions { get; } = new Dictionary<SmallClaimsCaseType, ExclusionRule>
    {
        [SmallClaimsCaseType.PersonalStatus] = new(SmallClaimsCaseType.PersonalStatus, "CPL Art. 166(1)", "人身关系案件不适用小额诉讼程序", "Personal-status cases may not use small-claims procedure."),
        [SmallClaimsCaseType.PropertyTitle] = new(SmallClaimsCaseType.PropertyTitle, "CPL Art. 166(1)", "财产确权案件不适用小额诉讼程序", "Cases to establish title to property may not use small-claims procedure."),
        [SmallClaimsCaseType.NonMonetary] = new(SmallClaimsCaseType.NonMonetary, "CPL Art. 165", "小额诉讼程序只适用于金钱给付案件", "Only claims for payment of money may use small-claims procedure."),
        [SmallClaimsCaseType.ForeignRelated] = new(SmallClaimsCaseType.ForeignRelated, "CPL Art. 166(2)", "涉外案件不适用小额诉讼程序", "Foreign-related cases may not use small-claims procedure."),
        [SmallClaimsCaseType.NeedsAppraisal] = new(SmallClaimsCaseType.NeedsAppraisal, "CPL Art. 166(3)", "需要评估、鉴定或者对诉前评估、鉴定结果有异议的案件不适用小额诉讼程序", "Cases that need valuation or expert appraisal, or dispute a pre-suit one, may not use small-claims procedure."),
        [SmallClaimsCaseType.PartyWhereaboutsUnknown] = new(SmallClaimsCaseType.PartyWhereaboutsUnknown, "CPL Art. 166(4)", "一方当事人下落不明的案件不适用小额诉讼程序", "Cases where a party cannot be found (public notice needed) may not use small-claims procedure."),
        [SmallClaimsCaseType.Counterclaim] = new(SmallClaimsCaseType.Counterclaim, "CPL Art. 166(5)", "当事人提出反诉的案件不适用小额诉讼程序", "Cases with a counterclaim may not use small-claims procedure."),
        [SmallClaimsCaseType.OtherUnsuitable] = new(SmallClaimsCaseType.OtherUnsuitable, "CPL Art. 166(6)", "其他不宜适用小额诉讼程序审理的案件", "Other cases unsuitable for small-claims procedure."),
    };

    /// <summary>
    /// Mandatory up to and including 50 % of the wage; by agreement of both parties above that up to and including twice
    /// it; otherwise not. An excluded type is refused whatever the amount. No threshold in force, or no amount claimed:
    /// not allowed.
    /// </summary>
    public static EligibilityAssessment Assess(ThresholdPeriod? threshold, long claimFen, SmallClaimsCaseType caseType, bool partiesAgreed)
    {
        if (Exclusions.TryGetValue(caseType, out var exclusion))
        {
            return new(EligibilityOutcome.NotAllowed, "excluded-case-type", threshold, exclusion);
        }

        if (threshold is null)
        {
            return new(EligibilityOutcome.NotAllowed, "no-threshold-in-force", null, null);
        }

        if (claimFen <= 0)
        {
            // Small claims is a procedure for a claim to money (CPL Art. 165): without an amount there is nothing it decides.
            return new(EligibilityOutcome.NotAllowed, "no-amount-claimed", threshold, null);
        }

        if (claimFen <= threshold.MandatoryLimitFen)
        {
            return new(EligibilityOutcome.Mandatory, "within-mandatory-limit", threshold, null);
        }

        if (claimFen <= threshold.AgreementLimitFen)
        {
            return partiesAgreed
                ? new(EligibilityOutcome.AllowedByAgreement, "within-agreement-limit", threshold, null)
                : new(EligibilityOutcome.NotAllowed, "parties-have-not-agreed", threshold, null);
        }

        return new(EligibilityOutcome.NotAllowed, "above-agreement-limit", threshold, null);
    }

    public static string Code(SmallClaimsCaseType type) => type switch
    {
        SmallClaimsCaseType.MonetaryClaim => "monetary",
        SmallClaimsCaseType.PersonalStatus => "personal-status",
        SmallClaimsCaseType.PropertyTitle => "property-title",
        SmallClaimsCaseType.NonMonetary => "non-monetary",
        SmallClaimsCaseType.ForeignRelated => "foreign-related",
        SmallClaimsCaseType.NeedsAppraisal => "needs-appraisal",
        SmallClaimsCaseType.PartyWhereaboutsUnknown => "whereabouts-unknown",
        SmallClaimsCaseType.Counterclaim => "counterclaim",
        SmallClaimsCaseType.OtherUnsuitable => "other-unsuitable",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? code, out SmallClaimsCaseType type)
    {
        foreach (var t in Enum.GetValues<SmallClaimsCaseType>())
        {
            if (string.Equals(Code(t), code, StringComparison.OrdinalIgnoreCase))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }
}
