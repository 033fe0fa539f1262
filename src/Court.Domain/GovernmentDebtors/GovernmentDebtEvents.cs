using Court.Domain.Common;

namespace Court.Domain.GovernmentDebtors;

/// <summary>The judgment (or other enforcement basis, 执行依据) the case enforces.</summary>
public sealed record Judgment(string Number, DateOnly Date, DateOnly EffectiveOn);

/// <summary>A party as recorded at opening; <see cref="IdentityCode"/> is a credit code or an identity number.</summary>
public sealed record DebtParty(string Name, string? IdentityCode);

/// <summary>Interest ordered by the judgment: simple interest at <see cref="AnnualRatePercent"/> on the unpaid principal from <see cref="From"/>.</summary>
public sealed record InterestOrder(decimal AnnualRatePercent, DateOnly From);

/// <summary>How an obligation was performed, in whole or in part.</summary>
public enum PerformanceKind
{
    Payment,
    InKind,
}

/// <summary>The listing grounds of SPC 法释〔2013〕17号 (2017) Art. 1. Ground 1 has no fixed term (Art. 2).</summary>
public enum ListingGround
{
    /// <summary>(1) able to perform but refuses (有履行能力而拒不履行).</summary>
    AbleButRefuses = 1,

    /// <summary>(2) obstructs enforcement by forged evidence, violence or threats.</summary>
    ObstructsByForgeryOrViolence = 2,

    /// <summary>(3) evades enforcement by false litigation, false arbitration or hiding or transferring property.</summary>
    EvadesByFalseProceedingsOrConcealment = 3,

    /// <summary>(4) breaks the property-reporting rules.</summary>
    BreaksPropertyReporting = 4,

    /// <summary>(5) breaks a consumption-restriction order.</summary>
    BreaksConsumptionRestriction = 5,

    /// <summary>(6) refuses without good reason to perform an enforcement settlement.</summary>
    RefusesSettlement = 6,
}

/// <summary>Why an entry left the list (Art. 10).</summary>
public enum RemovalReason
{
    Performed,
    TermEnded,
    CreditorRequest,
    ListingInError,
    Other,
}

/// <summary>The documents the mechanism issues for a case, through the documents service.</summary>
public enum CaseDocumentPurpose
{
    ReminderLetter,
    EnforcementNotice,
    PushLetter,
    SupervisionLetter,
    PartyCommitteeReport,
    ListingDecision,
    RemovalDecision,
}

/// <summary>
/// An enforcement case (执) against a flagged debtor opened: the judgment, the parties, the amount due in fen (with
/// interest where ordered). <see cref="DebtorAgency"/> is the unit's own sign-in scope.
/// </summary>
[EventType("government-debt.case-opened.v1")]
public sealed record GovernmentDebtCaseOpened(
    string CaseId,
    string CaseNumber,
    string CourtCode,
    Judgment Judgment,
    DebtParty Creditor,
    DebtParty Debtor,
    string DebtorCreditCode,
    SpecialPartyFlag Flag,
    bool DebtorIsLocalGovernment,
    string DebtorAgency,
    string SupervisingUnit,
    long PrincipalFen,
    InterestOrder? Interest,
    string? JudgeId,
    DateOnly OpenedOn) : IDomainEvent;

/// <param name="VerificationCode">The code printed on the document, kept so the public list links each entry to its
/// verification without reading the documents store per entry (decision 0081); null in events recorded before it was kept.</param>
[EventType("government-debt.document-issued.v1")]
public sealed record CaseDocumentIssued(string CaseId, CaseDocumentPurpose Purpose, string DocumentNumber, DateOnly IssuedOn, string? VerificationCode = null) : IDomainEvent;

/// <summary>The enforcement notice with the dishonesty-risk warning (失信风险提示) was served.</summary>
[EventType("government-debt.enforcement-notice-issued.v1")]
public sealed record EnforcementNoticeIssued(string CaseId, DateOnly IssuedOn) : IDomainEvent;

/// <summary>Pushed (推送) to the credit office and the supervising unit; measures and listing not before <see cref="EarliestMeasureOn"/>.</summary>
[EventType("government-debt.pushed.v1")]
public sealed record CasePushed(string CaseId, DateOnly PushedOn, DateOnly? EarliestMeasureOn) : IDomainEvent;

/// <summary>Supervision (督办) began: monthly reports from the debtor unit from <see cref="FirstReportMonth"/>, a meeting by <see cref="FirstMeetingDueOn"/>.</summary>
[EventType("government-debt.supervision-started.v1")]
public sealed record SupervisionStarted(string CaseId, DateOnly StartedOn, DateOnly PerformBy, DateOnly FirstReportMonth, DateOnly FirstMeetingDueOn) : IDomainEvent;

/// <summary>The debtor unit's report for one month; a month with nothing paid still gets a (zero) report.</summary>
[EventType("government-debt.monthly-report-submitted.v1")]
public sealed record MonthlyReportSubmitted(string CaseId, DateOnly Month, long PaidFen, string Progress, string? Plan, DateOnly SubmittedOn, bool Late) : IDomainEvent;

[EventType("government-debt.coordination-meeting-held.v1")]
public sealed record CoordinationMeetingHeld(string CaseId, DateOnly HeldOn, string Summary, DateOnly NextDueOn) : IDomainEvent;

/// <summary>Something was performed: a payment, or a performance in kind valued at <see cref="AmountFen"/>.</summary>
[EventType("government-debt.performance-recorded.v1")]
public sealed record PerformanceRecorded(string CaseId, PerformanceKind Kind, long AmountFen, DateOnly PerformedOn, string Description, long OutstandingFen) : IDomainEvent;

/// <summary>An enforcement settlement (执行和解): what remains is replaced by <see cref="AgreedFen"/>, without further interest.</summary>
[EventType("government-debt.settlement-reached.v1")]
public sealed record SettlementReached(string CaseId, long AgreedFen, string Terms, DateOnly ReachedOn) : IDomainEvent;

/// <summary>Nothing remains outstanding.</summary>
[EventType("government-debt.fully-performed.v1")]
public sealed record FullyPerformed(string CaseId, DateOnly PerformedOn, DateOnly? RemovalDueOn) : IDomainEvent;

/// <summary>The judge found that the debtor has not performed within the supervision period.</summary>
[EventType("government-debt.not-performed.v1")]
public sealed record NonPerformanceFound(string CaseId, DateOnly FoundOn, long OutstandingFen) : IDomainEvent;

/// <summary>Written report to the same-level Party committee and government, copied upward; the organisation department told.</summary>
[EventType("government-debt.reported-to-party-committee.v1")]
public sealed record ReportedToPartyCommittee(string CaseId, DateOnly ReportedOn, string PartyCommittee, string Government, IReadOnlyList<string> CopiedTo, bool OrganisationDepartmentNotified) : IDomainEvent;

[EventType("government-debt.filed-with-supreme-court.v1")]
public sealed record FiledWithSupremeCourt(string CaseId, DateOnly FiledOn, string Reference) : IDomainEvent;

[EventType("government-debt.compulsory-measure-taken.v1")]
public sealed record CompulsoryMeasureTaken(string CaseId, string Measure, string Description, DateOnly TakenOn) : IDomainEvent;

/// <summary>Listed as a dishonest debtor (失信被执行人). <see cref="TermYears"/> null: ground 1, until a removal ground occurs.</summary>
[EventType("government-debt.listed.v1")]
public sealed record ListedAsDishonestDebtor(string CaseId, string ListingId, ListingGround Ground, int? TermYears, DateOnly ListedOn, DateOnly? EndsOn) : IDomainEvent;

[EventType("government-debt.listing-published.v1")]
public sealed record ListingPublished(string CaseId, string ListingId, DateOnly PublishedOn) : IDomainEvent;

[EventType("government-debt.removed.v1")]
public sealed record RemovedFromList(string CaseId, string ListingId, RemovalReason Reason, DateOnly RemovedOn, DateOnly? DueOn, bool Late, DateOnly? RelistingAllowedFrom) : IDomainEvent;

[EventType("government-debt.correction-requested.v1")]
public sealed record CorrectionRequested(string CaseId, string ListingId, string Reason, DateOnly RequestedOn, DateOnly ReviewDueOn) : IDomainEvent;

/// <summary>The court reviewed a correction request; if upheld, the correction is due by <see cref="CorrectBy"/>.</summary>
[EventType("government-debt.correction-decided.v1")]
public sealed record CorrectionDecided(string CaseId, string ListingId, bool Upheld, string Reason, DateOnly DecidedOn, bool Late, DateOnly? CorrectBy, DateOnly? ReconsiderationBy) : IDomainEvent;

[EventType("government-debt.listing-corrected.v1")]
public sealed record ListingCorrected(string CaseId, string ListingId, string Correction, DateOnly CorrectedOn, bool Late) : IDomainEvent;

[EventType("government-debt.reconsideration-requested.v1")]
public sealed record ReconsiderationRequested(string CaseId, string ListingId, string Reason, DateOnly RequestedOn, DateOnly DecisionDueOn) : IDomainEvent;

[EventType("government-debt.reconsideration-decided.v1")]
public sealed record ReconsiderationDecided(string CaseId, string ListingId, bool Upheld, string Reason, DateOnly DecidedOn, bool Late, DateOnly? CorrectBy) : IDomainEvent;
