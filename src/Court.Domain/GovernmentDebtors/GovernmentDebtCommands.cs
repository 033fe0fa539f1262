using Court.Domain.Identifiers;

namespace Court.Domain.GovernmentDebtors;

/// <summary>The commands of a government-debtor enforcement case: a closed set, each decided by one arm of <see cref="GovernmentDebtDecider"/>.</summary>
public abstract record GovernmentDebtCommand;

/// <summary>
/// Opens the enforcement case with its own parties; the debtor is flagged from its credit code (organ, public
/// institution) or by <paramref name="MarkStateOwned"/> (an enterprise the clerk knows is state-owned).
/// </summary>
public sealed record OpenGovernmentDebtCase(
    string CaseId,
    CaseNumber CaseNumber,
    Judgment Judgment,
    DebtParty Creditor,
    string DebtorName,
    CreditCode DebtorCode,
    bool MarkStateOwned,
    bool DebtorIsLocalGovernment,
    string SupervisingUnit,
    long PrincipalFen,
    InterestOrder? Interest,
    string? JudgeId,
    DateOnly? OpenedOn = null) : GovernmentDebtCommand;

/// <summary>Keeps the number of a document issued for the case.</summary>
public sealed record RecordCaseDocument(CaseDocumentPurpose Purpose, string DocumentNumber, string? VerificationCode = null) : GovernmentDebtCommand;

public sealed record IssueEnforcementNotice : GovernmentDebtCommand;

/// <summary><paramref name="PushedOn"/>: the day the push went out when it is recorded afterwards; today when absent.</summary>
public sealed record PushCase(DateOnly? PushedOn = null) : GovernmentDebtCommand;

public sealed record StartSupervision(DateOnly PerformBy, DateOnly? StartedOn = null) : GovernmentDebtCommand;

public sealed record SubmitMonthlyReport(DateOnly Month, long PaidFen, string Progress, string? Plan) : GovernmentDebtCommand;

public sealed record HoldCoordinationMeeting(DateOnly? HeldOn, string Summary) : GovernmentDebtCommand;

public sealed record RecordPerformance(PerformanceKind Kind, long AmountFen, DateOnly? PerformedOn, string Description) : GovernmentDebtCommand;

public sealed record RecordSettlement(long AgreedFen, string Terms, DateOnly? ReachedOn) : GovernmentDebtCommand;

public sealed record FindNonPerformance : GovernmentDebtCommand;

public sealed record ReportToPartyCommittee(string PartyCommittee, string Government, IReadOnlyList<string> CopiedTo, bool OrganisationDepartmentNotified) : GovernmentDebtCommand;

public sealed record FileWithSupremeCourt(string Reference) : GovernmentDebtCommand;

public sealed record TakeCompulsoryMeasure(string Measure, string Description) : GovernmentDebtCommand;

/// <summary><paramref name="ExtensionYears"/>: for grounds 2–6 in serious cases, 1 to 3 years more than the fixed term.</summary>
public sealed record ListDebtor(ListingGround Ground, int? ExtensionYears) : GovernmentDebtCommand;

public sealed record PublishListing : GovernmentDebtCommand;

public sealed record RemoveListing(RemovalReason Reason) : GovernmentDebtCommand;

public sealed record RequestCorrection(string Reason) : GovernmentDebtCommand;

public sealed record DecideCorrection(bool Upheld, string Reason) : GovernmentDebtCommand;

public sealed record CorrectListing(string Correction) : GovernmentDebtCommand;

public sealed record RequestReconsideration(string Reason) : GovernmentDebtCommand;

public sealed record DecideReconsideration(bool Upheld, string Reason) : GovernmentDebtCommand;
