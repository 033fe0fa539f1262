using Court.Application.Common;
using Court.Application.Fees;
using Court.Application.Projections;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Mediator;

namespace Court.Application.SmallClaims.Docket;

public sealed record GetSmallClaimsCase(string CaseId) : IQuery<SmallClaimsCaseDetail>, ISmallClaimsCaseMessage, Auditing.IAuditedRead<SmallClaimsCaseDetail>
{
    Auditing.ReadSubject Auditing.IAuditedRead<SmallClaimsCaseDetail>.AuditedAs(SmallClaimsCaseDetail response) =>
        new(Auditing.ReadSubject.SmallClaimsCase, CaseId, Court.Domain.SmallClaims.SmallClaimsCase.StreamPrefix + CaseId);
}

public sealed record SmallClaimsCaseDetail(
    string Id,
    string CaseNumber,
    string Plaintiff,
    string Defendant,
    string? JudgeId,
    decimal Claim,
    DateOnly FiledOn,
    DateOnly LimitOn,
    bool Extended,
    string Status,
    string Procedure,
    decimal Fee,
    string ScheduleId,
    int ScheduleVersion,
    IReadOnlyList<FeeNoticeItem> Notices,
    IReadOnlyList<RefundItem> Refunds,
    long Version,
    bool LimitOnProvisional = false);

public sealed record FeeNoticeItem(string NoticeId, string CaseId, string CaseNumber, string Reason, decimal Amount, decimal Issued, DateOnly IssuedOn, DateOnly DueOn, bool Paid, DateOnly? PaidOn, bool Overdue, string? DocumentNumber, string? ReceiptNumber, DateOnly? ServedOn = null, bool DueOnProvisional = false)
{
    public static FeeNoticeItem From(FeeNoticeView n, DateOnly today, WorkingDayCalendar calendar) =>
        new(n.NoticeId, n.CaseId, n.CaseNumber, n.Reason.ToString().ToLowerInvariant(), Money.ToYuan(n.AmountFen), Money.ToYuan(n.IssuedFen), n.IssuedOn, n.DueOn, n.Paid, n.PaidOn, !n.Paid && n.AmountFen > 0 && today > n.DueOn, n.DocumentNumber, n.ReceiptNumber, n.ServedOn, calendar.IsProvisional(n.DueOn));
}

public sealed record RefundItem(string RefundId, string CaseId, string CaseNumber, string Reason, decimal Amount, DateOnly DueSince, bool Paid, DateOnly? PaidOn)
{
    public static RefundItem From(FeeRefundView r) => new(r.RefundId, r.CaseId, r.CaseNumber, r.Reason, Money.ToYuan(r.AmountFen), r.DueSince, r.Paid, r.PaidOn);
}

/// <summary>The clerk's outstanding fee notices, a page at a time, oldest deadline first; overdue ones are flagged.</summary>
public sealed record ListOutstandingFeeNotices(PageParameters? Page = null) : IQuery<Page<FeeNoticeItem>>
{
    public static readonly ListSorts Sorts = new(FeeNoticeView.SortByDue, FeeNoticeView.SortByIssued);
}

public sealed class ListOutstandingFeeNoticesValidator : FluentValidation.AbstractValidator<ListOutstandingFeeNotices>
{
    public ListOutstandingFeeNoticesValidator() => RuleFor(q => q.Page).PagedBy(ListOutstandingFeeNotices.Sorts);
}

/// <summary>Refunds the court owes and has not paid out, a page at a time, longest due first.</summary>
public sealed record ListRefundsDue(PageParameters? Page = null) : IQuery<Page<RefundItem>>
{
    public static readonly ListSorts Sorts = new(FeeRefundView.SortByDue);
}

public sealed class ListRefundsDueValidator : FluentValidation.AbstractValidator<ListRefundsDue>
{
    public ListRefundsDueValidator() => RuleFor(q => q.Page).PagedBy(ListRefundsDue.Sorts);
}

/// <summary>
/// The open small-claims cases, a page at a time: the calling judge's own; every case of the court for the clerk and
/// the president. Nearest limit first (<c>sort=limit</c>), or by filing date or case number; <c>q</c> searches the case
/// number and the parties.
/// </summary>
public sealed record GetSmallClaimsDocket(PageParameters? Page = null) : IQuery<Page<DocketEntry>>
{
    public static readonly ListSorts Sorts = new(SmallClaimsCaseView.SortByLimit, SmallClaimsCaseView.SortByFiled, SmallClaimsCaseView.SortByNumber);
}

public sealed class GetSmallClaimsDocketValidator : FluentValidation.AbstractValidator<GetSmallClaimsDocket>
{
    public GetSmallClaimsDocketValidator() => RuleFor(q => q.Page).PagedBy(GetSmallClaimsDocket.Sorts);
}

public sealed record DocketEntry(string Id, string CaseNumber, string Plaintiff, string Defendant, string? JudgeId, decimal Claim, string Status, DateOnly FiledOn, DateOnly LimitOn, bool Extended, int DaysLeft, bool Warning, bool Overdue, long Version, bool LimitOnProvisional = false);

public sealed class SmallClaimsQueries(IReadModels readModels, ICallerContext caller, WorkingDayCalendar calendar, TimeProvider clock, FeesSettings settings) :
    IQueryHandler<GetSmallClaimsCase, SmallClaimsCaseDetail>,
    IQueryHandler<ListOutstandingFeeNotices, Page<FeeNoticeItem>>,
    IQueryHandler<ListRefundsDue, Page<RefundItem>>,
    IQueryHandler<GetSmallClaimsDocket, Page<DocketEntry>>
{
    private DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow());

    public async ValueTask<SmallClaimsCaseDetail> Handle(GetSmallClaimsCase query, CancellationToken cancellationToken)
    {
        var view = await readModels.GetAsync<SmallClaimsCaseView>(query.CaseId, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("small-claims.case-not-found", "There is no such small-claims case."));
        var notices = await readModels.AllAsync<FeeNoticeView>(new PageRequest(FeeNoticeView.SortByIssued) { Filters = { [FeeNoticeView.CaseKey] = [view.Id] } }, cancellationToken);
        var refunds = await readModels.AllAsync<FeeRefundView>(new PageRequest(FeeRefundView.SortByDue) { Filters = { [FeeRefundView.CaseKey] = [view.Id] } }, cancellationToken);
        return new SmallClaimsCaseDetail(
            view.Id, view.CaseNumber, view.Plaintiff, view.Defendant, view.JudgeId, Money.ToYuan(view.ClaimFen), view.FiledOn, view.LimitOn, view.Extended,
            view.State.ToLowerInvariant(), ProcedureCodes.Code(view.Procedure), Money.ToYuan(view.FeeFen), view.ScheduleId, view.ScheduleVersion,
            [.. notices.OrderBy(n => n.IssuedOn).Select(n => FeeNoticeItem.From(n, Today, calendar))], [.. refunds.Select(RefundItem.From)], view.Version,
            calendar.IsProvisional(view.LimitOn));
    }

    public async ValueTask<Page<FeeNoticeItem>> Handle(ListOutstandingFeeNotices query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListOutstandingFeeNotices.Sorts);
        request.Filters[FeeNoticeView.OutstandingKey] = ["true"];
        var today = Today;
        return (await readModels.PageAsync<FeeNoticeView>(request, cancellationToken)).Map(n => FeeNoticeItem.From(n, today, calendar));
    }

    public async ValueTask<Page<RefundItem>> Handle(ListRefundsDue query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListRefundsDue.Sorts);
        request.Filters[FeeRefundView.OutstandingKey] = ["true"];
        return (await readModels.PageAsync<FeeRefundView>(request, cancellationToken)).Map(RefundItem.From);
    }

    public async ValueTask<Page<DocketEntry>> Handle(GetSmallClaimsDocket query, CancellationToken cancellationToken)
    {
        // The clerk files and serves every case of the court and the president supervises them all; a judge sees hers.
        var seesAll = caller.IsInRole(Roles.CourtPresident) || caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.System);
        var request = (query.Page ?? new PageParameters()).ToRequest(GetSmallClaimsDocket.Sorts) with { Partitions = seesAll ? null : [caller.UserId] };
        request.Filters[SmallClaimsCaseView.OpenKey] = ["true"];
        var today = Today;
        var page = await readModels.PageAsync<SmallClaimsCaseView>(request, cancellationToken);
        return page.Map(v =>
        {
            var daysLeft = v.LimitOn.DayNumber - today.DayNumber;
            return new DocketEntry(v.Id, v.CaseNumber, v.Plaintiff, v.Defendant, v.JudgeId, Money.ToYuan(v.ClaimFen), v.State.ToLowerInvariant(), v.FiledOn, v.LimitOn, v.Extended,
                daysLeft, daysLeft >= 0 && daysLeft <= settings.DocketWarningDays, daysLeft < 0, v.Version, calendar.IsProvisional(v.LimitOn));
        });
    }
}
