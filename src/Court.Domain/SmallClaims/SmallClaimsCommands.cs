using Court.Domain.Calendars;
using Court.Domain.Fees;

namespace Court.Domain.SmallClaims;

/// <summary>The commands of a small-claims case: a closed set, each decided by one arm of <see cref="SmallClaimsDecider"/>.</summary>
public abstract record SmallClaimsCommand;

/// <summary><paramref name="FiledOn"/>: the filing date (立案日期); today when not given, never in the future.</summary>
public sealed record FileSmallClaimsCase(
    string CaseId,
    string CaseNumber,
    string CourtCode,
    string Province,
    string Plaintiff,
    string Defendant,
    string? JudgeId,
    long ClaimFen,
    SmallClaimsCaseType CaseType,
    bool PartiesAgreed,
    DateOnly? FiledOn) : SmallClaimsCommand;

/// <summary>The clerk records a payment: the day it was paid (today when not given) and the receipt's number (票据号).</summary>
public sealed record RecordFeePayment(string NoticeId, DateOnly? PaidOn = null, string? ReceiptNumber = null) : SmallClaimsCommand;

/// <summary>Keeps the number of the document a fee notice was issued as.</summary>
public sealed record RecordFeeNoticeDocument(string NoticeId, string DocumentNumber) : SmallClaimsCommand;

/// <summary>The fee notice numbered <paramref name="DocumentNumber"/> was served on <paramref name="ServedOn"/>; the first service recorded counts.</summary>
public sealed record RecordFeeNoticeServed(string DocumentNumber, DateOnly ServedOn) : SmallClaimsCommand;

public sealed record ConvertProcedure(Procedure To, string Reason) : SmallClaimsCommand;

public sealed record LowerClaim(long NewClaimFen) : SmallClaimsCommand;

public sealed record RecordRefundPaid(string RefundId) : SmallClaimsCommand;

public sealed record RecordService(ServiceMethod Method) : SmallClaimsCommand;

public sealed record OpenHearing : SmallClaimsCommand;

public sealed record EndCourtInvestigation : SmallClaimsCommand;

public sealed record DecideSmallClaimsCase(CaseClosing Closing) : SmallClaimsCommand;

public sealed record ExtendLimit(string Reason) : SmallClaimsCommand;

/// <summary>
/// What a decision reads besides the case: the time, the fee schedules, the threshold in force on the filing date
/// (for filing), the working-day calendar and the periods of the case's pinned workflow definition.
/// </summary>
public sealed record SmallClaimsContext(DateTimeOffset Now, FeeScheduleCatalog Fees, ThresholdPeriod? Threshold, WorkingDayCalendar Calendar, SmallClaimsPeriods Periods)
{
    public DateOnly Today => ChinaTime.DateOf(Now);
}

/// <summary>
/// The small-claims periods, read from the case's pinned workflow definition (workflows/small-claims.v*.json,
/// "periods"): the decision limit and its one extension in months (CPL Art. 168), the fee payment period in days
/// (Fee Measures Art. 22).
/// </summary>
public sealed record SmallClaimsPeriods(int LimitMonths, int ExtensionMonths, int PaymentDays);
