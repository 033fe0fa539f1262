using Court.Domain.Identifiers;

namespace Court.Domain.GovernmentDebtors;

/// <summary>The kinds of special party (特殊主体) whose enforcement cases the government-debtor mechanism supervises.</summary>
public enum SpecialPartyKind
{
    /// <summary>机关: a government organ, from its credit code.</summary>
    GovernmentOrgan,

    /// <summary>事业单位: a public institution, from its credit code.</summary>
    PublicInstitution,

    /// <summary>国有企业: a state-owned enterprise, by the clerk's choice (its code cannot tell).</summary>
    StateOwnedEnterprise,
}

/// <summary>How a party came to be flagged.</summary>
public enum FlaggedBy
{
    /// <summary>From the unified social credit code, at filing or opening.</summary>
    CreditCode,

    /// <summary>The clerk marked an enterprise as state-owned.</summary>
    Clerk,
}

public sealed record SpecialPartyFlag(SpecialPartyKind Kind, FlaggedBy By);

/// <summary>Who is flagged as a special party, decided once, here.</summary>
public static class SpecialParties
{
    /// <summary>
    /// An organ (registration authority 1, category 1) or public institution (1, 2) is flagged from its code; an
    /// enterprise only when the clerk marks it state-owned; anything else (social organisations, individual
    /// businesses, cooperatives) is not a special party.
    /// </summary>
    public static SpecialPartyFlag? Classify(CreditCode code, bool clerkMarksStateOwned) => code.BodyKind switch
    {
        RegisteredBodyKind.GovernmentOrgan => new(SpecialPartyKind.GovernmentOrgan, FlaggedBy.CreditCode),
        RegisteredBodyKind.PublicInstitution => new(SpecialPartyKind.PublicInstitution, FlaggedBy.CreditCode),
        RegisteredBodyKind.Enterprise when clerkMarksStateOwned => new(SpecialPartyKind.StateOwnedEnterprise, FlaggedBy.Clerk),
        _ => null,
    };

    /// <summary>The agency code a flagged unit's own officers sign in with: one per credit code, so a unit sees only its cases.</summary>
    public static string AgencyFor(CreditCode code) => AgencyFor(code.Value);

    public static string AgencyFor(string creditCode) => "unit-" + creditCode;
}
