using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;
using Court.Domain.Workflows;

namespace Court.Application.SmallClaims;

/// <summary>A small-claims case as the docket shows it; partitioned by the judge it is assigned to.</summary>
[Collection("small-claims-cases")]
public sealed record SmallClaimsCaseView(
    string Id,
    string CaseNumber,
    string CourtCode,
    string Plaintiff,
    string Defendant,
    string? JudgeId,
    long ClaimFen,
    DateOnly FiledOn,
    DateOnly LimitOn,
    bool Extended,
    string State,
    bool Open,
    Procedure Procedure,
    long FeeFen,
    string ScheduleId,
    int ScheduleVersion,
    long Version) : IListed
{
    /// <summary>Nearest limit first, then by case number.</summary>
    public const string SortByLimit = "limit";

    /// <summary>Most recently filed first when descending.</summary>
    public const string SortByFiled = "filed";

    public const string SortByNumber = "number";

    public const string OpenKey = "open";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByLimit, ListKey.Encode(LimitOn), CaseNumber),
        ListKey.Of(SortByFiled, ListKey.Encode(FiledOn), CaseNumber),
        ListKey.Text(SortByNumber, CaseNumber),
        ListKey.Text(OpenKey, Open ? "true" : "false"),
        ListKey.Search(CaseNumber, Plaintiff, Defendant),
    ];
}

/// <summary>A fee notice the clerk tracks until it is paid.</summary>
[Collection("fee-notices")]
public sealed record FeeNoticeView(
    string NoticeId,
    string CaseId,
    string CaseNumber,
    FeeNoticeReason Reason,
    long AmountFen,
    long IssuedFen,
    DateOnly IssuedOn,
    DateOnly DueOn,
    bool Paid,
    DateOnly? PaidOn,
    string? DocumentNumber = null,
    string? ReceiptNumber = null,
    DateOnly? ServedOn = null) : IListed
{
    public const string SortByDue = "due";

    public const string SortByIssued = "issued";

    /// <summary>The case the notice belongs to: a case's notices are read by this key, not by scanning every case's.</summary>
    public const string CaseKey = "case";

    /// <summary>"true" while an amount is owed.</summary>
    public const string OutstandingKey = "outstanding";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Date(SortByDue, DueOn),
        ListKey.Date(SortByIssued, IssuedOn),
        ListKey.Text(CaseKey, CaseId),
        ListKey.Text(OutstandingKey, !Paid && AmountFen > 0 ? "true" : "false"),
    ];
}

/// <summary>A refund the court owes a party until it is paid out.</summary>
[Collection("fee-refunds")]
public sealed record FeeRefundView(
    string RefundId,
    string CaseId,
    string CaseNumber,
    string Reason,
    long AmountFen,
    DateOnly DueSince,
    bool Paid,
    DateOnly? PaidOn) : IListed
{
    public const string SortByDue = "due";

    public const string CaseKey = "case";

    public const string OutstandingKey = "outstanding";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Date(SortByDue, DueSince),
        ListKey.Text(CaseKey, CaseId),
        ListKey.Text(OutstandingKey, Paid ? "false" : "true"),
    ];
}

/// <summary>Builds the three small-claims read models in the writer's transaction, so the clerk sees her change at once.</summary>
public sealed class SmallClaimsProjection : IProjection
{
    public const string Unassigned = "unassigned";

    public string Name => "small-claims";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is IWorkflowEvent || (@event.GetType().Namespace == typeof(SmallClaimsCaseFiled).Namespace
        && @event is not ThresholdConfirmed and not ThresholdPublished);

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (envelope.Event is SmallClaimsCaseFiled filed)
        {
            Store(session, new SmallClaimsCaseView(
                filed.CaseId, filed.CaseNumber, filed.CourtCode, filed.Plaintiff, filed.Defendant, filed.JudgeId, filed.ClaimFen, filed.FiledOn, filed.LimitOn, false,
                "", true, Procedure.SmallClaims, filed.Fee.FeeFen, filed.Fee.ScheduleId, filed.Fee.ScheduleVersion, envelope.Version));
            return;
        }

        if (!envelope.StreamId.StartsWith(SmallClaimsCase.StreamPrefix, StringComparison.Ordinal))
        {
            return; // another subject's workflow event
        }

        var caseId = envelope.StreamId[SmallClaimsCase.StreamPrefix.Length..];
        if (await session.LoadAsync<SmallClaimsCaseView>(caseId, cancellationToken) is not { } view)
        {
            return;
        }

        view = view with { Version = envelope.Version };
        switch (envelope.Event)
        {
            case FeeNoticeIssued e:
                session.Store(e.NoticeId, new FeeNoticeView(e.NoticeId, caseId, view.CaseNumber, e.Reason, e.AmountFen, e.AmountFen, e.IssuedOn, e.DueOn, false, null));
                break;
            case FeeNoticeDocumentIssued e when await session.LoadAsync<FeeNoticeView>(e.NoticeId, cancellationToken) is { } issued:
                session.Store(e.NoticeId, issued with { DocumentNumber = e.DocumentNumber });
                break;
            case FeeNoticeServed e when await session.LoadAsync<FeeNoticeView>(e.NoticeId, cancellationToken) is { } served:
                session.Store(e.NoticeId, served with { ServedOn = e.ServedOn, DueOn = e.DueOn });
                break;
            case FeeNoticePaid e when await session.LoadAsync<FeeNoticeView>(e.NoticeId, cancellationToken) is { } notice:
                session.Store(e.NoticeId, notice with { Paid = true, PaidOn = e.PaidOn, ReceiptNumber = e.ReceiptNumber });
                break;
            case IWorkflowEvent e:
                view = view with { State = e.Entered.State, Open = !e.Entered.IsFinal };
                break;
            case ProcedureConverted e:
                view = view with { Procedure = e.To, FeeFen = Math.Max(view.FeeFen, e.Fee.FeeFen) };
                break;
            case ClaimLowered e:
                view = view with { ClaimFen = e.ToFen, FeeFen = e.Fee?.FeeFen ?? view.FeeFen };
                foreach (var amendment in e.Amendments)
                {
                    if (await session.LoadAsync<FeeNoticeView>(amendment.NoticeId, cancellationToken) is { } amended)
                    {
                        session.Store(amendment.NoticeId, amended with { AmountFen = amendment.ToFen });
                    }
                }

                AddRefund(session, e.RefundId, e.RefundFen, view, "claim-lowered", e.LoweredOn);
                break;
            case SmallClaimsCaseDecided e:
                view = view with { FeeFen = e.Fee?.FeeFen ?? view.FeeFen };
                AddRefund(session, e.RefundId, e.RefundFen, view, e.Closing.ToString().ToLowerInvariant(), e.DecidedOn);
                break;
            case FeeRefundPaid e when await session.LoadAsync<FeeRefundView>(e.RefundId, cancellationToken) is { } refund:
                session.Store(e.RefundId, refund with { Paid = true, PaidOn = e.PaidOn });
                break;
            case SmallClaimsLimitExtended e:
                view = view with { LimitOn = e.ToLimit, Extended = true };
                break;
        }

        Store(session, view);
    }

    private static void Store(IDocumentSession session, SmallClaimsCaseView view) => session.Store(view.Id, view, view.JudgeId ?? Unassigned);

    private static void AddRefund(IDocumentSession session, string? refundId, long amountFen, SmallClaimsCaseView view, string reason, DateOnly on)
    {
        if (refundId is not null)
        {
            session.Store(refundId, new FeeRefundView(refundId, view.Id, view.CaseNumber, reason, amountFen, on, false, null));
        }
    }
}
