using System.Collections.Immutable;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Workflows;

namespace Court.Domain.SmallClaims;

/// <summary>
/// A fee notice. <see cref="DueOn"/> counts from <see cref="IssuedOn"/> (the notice handed over when it is issued, as at
/// the filing counter) until a service of it is recorded; from then on it counts from <see cref="ServedOn"/>
/// (Fee Measures Art. 22: 7 days from receipt of the notice).
/// </summary>
public sealed record FeeNotice(string NoticeId, long AmountFen, DateOnly IssuedOn, DateOnly DueOn, bool Paid, string? DocumentNumber = null, DateOnly? ServedOn = null)
{
    public bool Outstanding => !Paid && AmountFen > 0;
}

public sealed record Refund(string RefundId, long AmountFen, bool Paid);

/// <summary>
/// What the decisions need: the case's claim, the claim its fee is computed on (<see cref="FeeBasisFen"/>: lowered
/// only before the end of court investigation, Fee Measures Art. 21), the fee it owes, what was paid and refunded, its limit. Where it is in
/// the procedure is the workflow's step recorded in its stream (<see cref="Step"/>), not a field of its own.
/// </summary>
public sealed record SmallClaimsCase(
    WorkflowStateEntry? Step,
    string CaseId,
    string CourtCode,
    DateOnly FiledOn,
    long ClaimFen,
    Procedure Procedure,
    long AssessedFen,
    ImmutableList<FeeNotice> Notices,
    ImmutableDictionary<string, Refund> Refunds,
    bool InvestigationEnded,
    DateOnly LimitOn,
    bool Extended,
    string CaseNumber = "",
    string? JudgeId = null,
    long FeeBasisFen = 0) : IAggregateState<SmallClaimsCase>, IWorkflowSubject
{
    public static SmallClaimsCase Initial { get; } = new(
        null, "", "", default, 0, Procedure.SmallClaims, 0, [], ImmutableDictionary<string, Refund>.Empty, false, default, false);

    public static string StreamPrefix => "small-claims-case-";

    public bool Exists => CaseId.Length > 0;

    public bool IsOpen => Step is { IsFinal: false };

    public SmallClaimsCase Evolve(IDomainEvent @event) => @event switch
    {
        SmallClaimsCaseFiled e => this with
        {
            CaseId = e.CaseId,
            CourtCode = e.CourtCode,
            FiledOn = e.FiledOn,
            ClaimFen = e.ClaimFen,
            FeeBasisFen = e.ClaimFen,
            AssessedFen = e.Fee.FeeFen,
            LimitOn = e.LimitOn,
            CaseNumber = e.CaseNumber,
            JudgeId = e.JudgeId,
        },
        FeeNoticeIssued e => this with { Notices = Notices.Add(new FeeNotice(e.NoticeId, e.AmountFen, e.IssuedOn, e.DueOn, false)) },
        FeeNoticeDocumentIssued e => this with { Notices = Notices.Select(n => n.NoticeId == e.NoticeId ? n with { DocumentNumber = e.DocumentNumber } : n).ToImmutableList() },
        FeeNoticeServed e => this with { Notices = Notices.Select(n => n.NoticeId == e.NoticeId ? n with { ServedOn = e.ServedOn, DueOn = e.DueOn } : n).ToImmutableList() },
        FeeNoticePaid e => this with { Notices = Notices.Select(n => n.NoticeId == e.NoticeId ? n with { Paid = true } : n).ToImmutableList() },
        ProcedureConverted e => this with { Procedure = e.To, AssessedFen = Math.Max(AssessedFen, e.Fee.FeeFen) },
        ClaimLowered e => (this with
        {
            ClaimFen = e.ToFen,
            FeeBasisFen = e.BeforeInvestigationEnded ? e.ToFen : FeeBasisFen,
            AssessedFen = e.Fee?.FeeFen ?? AssessedFen,
            Notices = Notices.Select(n => e.Amendments.FirstOrDefault(a => a.NoticeId == n.NoticeId) is { } a ? n with { AmountFen = a.ToFen } : n).ToImmutableList(),
        }).WithRefund(e.RefundId, e.RefundFen),
        FeeRefundPaid e => this with { Refunds = Refunds.SetItem(e.RefundId, Refunds[e.RefundId] with { Paid = true }) },
        CourtInvestigationEnded => this with { InvestigationEnded = true },
        SmallClaimsCaseDecided e => (this with { AssessedFen = e.Fee?.FeeFen ?? AssessedFen }).WithRefund(e.RefundId, e.RefundFen),
        SmallClaimsLimitExtended e => this with { LimitOn = e.ToLimit, Extended = true },
        IWorkflowEvent e => this with { Step = e.Entered },
        _ => this,
    };

    /// <summary>The task inbox shows the case number.</summary>
    public string? WorkflowLabel => CaseNumber.Length == 0 ? null : CaseNumber;

    /// <summary>A judge's step goes to the judge the case is assigned to (anyone in the role when none is).</summary>
    public WorkflowAssignment? AssignmentFor(string state, string role) =>
        role == "judge" && JudgeId is not null ? new WorkflowAssignment(UserId: JudgeId) : null;

    private SmallClaimsCase WithRefund(string? refundId, long amountFen) =>
        refundId is null ? this : this with { Refunds = Refunds.SetItem(refundId, new Refund(refundId, amountFen, false)) };
}
