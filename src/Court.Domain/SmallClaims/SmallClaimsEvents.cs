using Court.Domain.Common;
using Court.Domain.Fees;

namespace Court.Domain.SmallClaims;

public enum FeeNoticeReason
{
    Filing,
    Conversion,
}

/// <summary>How a document was served. Public notice is refused in small claims (SPC Interpretation Art. 140).</summary>
public enum ServiceMethod
{
    Direct,
    Electronic,
    Postal,
    LeftAtResidence,
    Delegated,
    PublicNotice,
}

/// <summary>A case filed under small-claims procedure, charged by the schedule in force on <see cref="FiledOn"/>.</summary>
[EventType("small-claims.case-filed.v1")]
public sealed record SmallClaimsCaseFiled(
    string CaseId,
    string CaseNumber,
    string CourtCode,
    string Province,
    string Plaintiff,
    string Defendant,
    string? JudgeId,
    long ClaimFen,
    DateOnly FiledOn,
    EligibilityOutcome Eligibility,
    DateOnly ThresholdEffectiveFrom,
    FeeAssessment Fee,
    DateOnly LimitOn) : IDomainEvent;

/// <summary>A fee notice: pay <see cref="AmountFen"/> by <see cref="DueOn"/> (7 days, Fee Measures Art. 22).</summary>
[EventType("small-claims.fee-notice-issued.v1")]
public sealed record FeeNoticeIssued(string CaseId, string NoticeId, FeeNoticeReason Reason, long AmountFen, DateOnly IssuedOn, DateOnly DueOn) : IDomainEvent;

/// <summary>The fee notice was issued as a numbered court document (交纳诉讼费用通知书).</summary>
[EventType("small-claims.fee-notice-document-issued.v1")]
public sealed record FeeNoticeDocumentIssued(string CaseId, string NoticeId, string DocumentNumber) : IDomainEvent;

/// <summary>The fee notice was served (its service file's record): the payment period now runs from <see cref="ServedOn"/> to <see cref="DueOn"/>.</summary>
[EventType("small-claims.fee-notice-served.v1")]
public sealed record FeeNoticeServed(string CaseId, string NoticeId, DateOnly ServedOn, DateOnly DueOn) : IDomainEvent;

[EventType("small-claims.fee-notice-paid.v1")]
public sealed record FeeNoticePaid(string CaseId, string NoticeId, long AmountFen, DateOnly PaidOn, string? ReceiptNumber = null) : IDomainEvent;

[EventType("small-claims.procedure-converted.v1")]
public sealed record ProcedureConverted(string CaseId, Procedure From, Procedure To, string Reason, FeeAssessment Fee, long DifferenceFen, DateOnly ConvertedOn) : IDomainEvent;

/// <summary>An outstanding notice whose amount a lowered claim reduced.</summary>
public sealed record NoticeAmendment(string NoticeId, long FromFen, long ToFen);

/// <summary>
/// The claim was lowered. Before the end of court investigation the fee is reassessed: unpaid notices shrink first,
/// the rest is refunded (Fee Measures Art. 21). After it, the fee stays and nothing is refunded.
/// </summary>
[EventType("small-claims.claim-lowered.v1")]
public sealed record ClaimLowered(
    string CaseId,
    long FromFen,
    long ToFen,
    bool BeforeInvestigationEnded,
    FeeAssessment? Fee,
    IReadOnlyList<NoticeAmendment> Amendments,
    string? RefundId,
    long RefundFen,
    DateOnly LoweredOn) : IDomainEvent;

[EventType("small-claims.refund-paid.v1")]
public sealed record FeeRefundPaid(string CaseId, string RefundId, long AmountFen, DateOnly PaidOn) : IDomainEvent;

[EventType("small-claims.served.v1")]
public sealed record SmallClaimsServed(string CaseId, ServiceMethod Method, DateOnly ServedOn) : IDomainEvent;

[EventType("small-claims.hearing-opened.v1")]
public sealed record SmallClaimsHearingOpened(string CaseId, DateOnly OpenedOn) : IDomainEvent;

[EventType("small-claims.investigation-ended.v1")]
public sealed record CourtInvestigationEnded(string CaseId, DateOnly EndedOn) : IDomainEvent;

/// <summary>Decided (judgment, mediation or withdrawal). A closing that lowers the fee refunds the difference under <see cref="RefundId"/>.</summary>
[EventType("small-claims.decided.v1")]
public sealed record SmallClaimsCaseDecided(string CaseId, CaseClosing Closing, DateOnly DecidedOn, FeeAssessment? Fee, string? RefundId, long RefundFen) : IDomainEvent;

/// <summary>The court president extended the limit once, by one month (CPL Art. 168).</summary>
[EventType("small-claims.limit-extended.v1")]
public sealed record SmallClaimsLimitExtended(string CaseId, DateOnly FromLimit, DateOnly ToLimit, string Reason) : IDomainEvent;
