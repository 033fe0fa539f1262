using Court.Application.Auditing;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Documents;
using Mediator;

namespace Court.Application.Bankruptcy.Notices;

/// <summary>
/// The caller's inbox a page at a time: an agency officer's notices (his agency's only); court staff see all, or one
/// agency's. Open first, overdue first among them, then by deadline and issue time (<c>sort=due</c>), or by issue time
/// (<c>sort=issued</c>); <c>q</c> searches the document number, case number and asset.
/// </summary>
public sealed record ListNotices(string? Agency = null, bool OpenOnly = false, PageParameters? Page = null) : IQuery<Page<NoticeView>>, IAnySignedInCaller
{
    public static readonly ListSorts Sorts = new(NoticeView.SortByDue, NoticeView.SortByIssued);
}

public sealed class ListNoticesValidator : FluentValidation.AbstractValidator<ListNotices>
{
    public ListNoticesValidator() => RuleFor(q => q.Page).PagedBy(ListNotices.Sorts);
}

/// <summary>One notice with its document (number, verification code, status) and the actions the caller may take now.</summary>
public sealed record GetNotice(string NoticeId) : IQuery<NoticeDetails>, INoticeScoped, IAuditedRead<NoticeDetails>
{
    ReadSubject IAuditedRead<NoticeDetails>.AuditedAs(NoticeDetails response) =>
        new(ReadSubject.Notice, response.Notice.Id, Court.Domain.Bankruptcy.Estate.StreamPrefix + response.Notice.EstateId);
}

public sealed record NoticeDocument(string Number, string VerificationCode, DocumentStatus Status, DateTimeOffset IssuedAt);

public sealed record NoticeDetails(NoticeView Notice, NoticeDocument? Document, IReadOnlyList<string> Actions, bool Overdue);

public sealed class NoticeQueries(IReadModels reads, DocumentIssuer documents, WorkflowRuntime workflows, BankruptcyPermissions permissions, ICallerContext caller, TimeProvider clock) :
    IQueryHandler<ListNotices, Page<NoticeView>>,
    IQueryHandler<GetNotice, NoticeDetails>
{
    public async ValueTask<Page<NoticeView>> Handle(ListNotices query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListNotices.Sorts);
        string? partition;
        if (caller.IsInRole(Roles.AgencyOfficer))
        {
            partition = caller.Agency ?? "";
        }
        else if (Access.IsCourtStaff(caller) || caller.IsInRole(Roles.System))
        {
            partition = query.Agency;
        }
        else
        {
            return new Page<NoticeView>([], null, request.WithTotal ? 0 : null);
        }

        request = request with { Partitions = partition is null ? null : [partition] };
        if (query.OpenOnly)
        {
            request.Filters[NoticeView.StateKey] = ["open"];
        }

        return await reads.PageAsync<NoticeView>(request, cancellationToken);
    }

    public async ValueTask<NoticeDetails> Handle(GetNotice query, CancellationToken cancellationToken)
    {
        var notice = await reads.GetAsync<NoticeView>(query.NoticeId, cancellationToken) ?? throw new ResourceNotFoundException("No such notice.");
        var document = Guid.TryParse(notice.Id, out var id) && await documents.FindByIdAsync(id, cancellationToken) is { } d
            ? new NoticeDocument(d.Number, d.VerificationCode, d.Status, d.IssuedAt)
            : null;
        var actions = await workflows.GetActionsAsync(BankruptcyWorkflows.NoticeStream(notice.Id), cancellationToken);
        var permitted = actions?.Actions.Select(a => a.Trigger).Distinct().ToList() ?? [];
        if (await permissions.MayAsync(new QueryNotice(null) { NoticeId = notice.Id }, cancellationToken))
        {
            // A query is not a workflow step (the notice's definition does not list it): its own rule says who may write.
            permitted.Add(nameof(QueryNotice));
        }

        return new NoticeDetails(notice, document, permitted, notice.IsOverdueAt(clock.GetUtcNow()));
    }
}
