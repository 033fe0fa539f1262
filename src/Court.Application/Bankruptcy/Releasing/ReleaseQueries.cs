using Court.Application.Auditing;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>One release request with its documents (letters, ruling, notices) and the steps the caller may take now. ETag: the request's version.</summary>
public sealed record GetReleaseRequest(string RequestId) : IQuery<ReleaseRequestDetails>, ICaseScoped, IAuditedRead<ReleaseRequestDetails>
{
    string ICaseScoped.CaseScope => CaseLink.ForRequest(RequestId);

    ReadSubject IAuditedRead<ReleaseRequestDetails>.AuditedAs(ReleaseRequestDetails response) =>
        new(ReadSubject.ReleaseRequest, response.Request.Id, Court.Domain.Bankruptcy.Estate.StreamPrefix + response.Request.EstateId);
}

/// <summary>A document of the request, addressable by either: <c>GET /api/documents/{id}</c> or <c>/api/documents/{number}</c>.</summary>
public sealed record ReleaseDocument(Guid Id, string Number, string Title, string Addressee, DateTimeOffset IssuedAt);

public sealed record ReleaseRequestDetails(ReleaseRequestView Request, string DebtorName, AssetView? Asset, IReadOnlyList<ReleaseDocument> Documents, IReadOnlyList<string> Actions);

/// <summary>
/// Release requests the caller follows, a page at a time. Court staff: the judge's queue (waiting for approval, a
/// ruling, or after an agency could not execute), or all with <c>All</c>. An administrator: the requests of his
/// estates. Open first, then the earliest deadline, then the earliest filed (<c>sort=due</c>), or by filing time
/// (<c>sort=requested</c>); <c>q</c> searches the case number, the holding agency and the seizing bodies.
/// </summary>
public sealed record ListReleaseRequests(bool All = false, PageParameters? Page = null) : IQuery<Page<ReleaseRequestView>>, IAnySignedInCaller
{
    public static readonly ListSorts Sorts = new(ReleaseRequestView.SortByDue, ReleaseRequestView.SortByRequested);
}

public sealed class ListReleaseRequestsValidator : FluentValidation.AbstractValidator<ListReleaseRequests>
{
    public ListReleaseRequestsValidator() => RuleFor(q => q.Page).PagedBy(ListReleaseRequests.Sorts);
}

public sealed class ReleaseQueries(IReadModels reads, DocumentIssuer documents, WorkflowRuntime workflows, ICallerContext caller) :
    IQueryHandler<GetReleaseRequest, ReleaseRequestDetails>,
    IQueryHandler<ListReleaseRequests, Page<ReleaseRequestView>>
{
    public async ValueTask<ReleaseRequestDetails> Handle(GetReleaseRequest query, CancellationToken cancellationToken)
    {
        var request = await reads.GetAsync<ReleaseRequestView>(query.RequestId, cancellationToken) ?? throw new ResourceNotFoundException("No such release request.");
        var view = await reads.GetAsync<CaseView>(request.EstateId, cancellationToken);
        var docs = new List<ReleaseDocument>();
        foreach (var record in await documents.ListAsync(BankruptcyWorkflows.ReleaseStream(request.Id), cancellationToken))
        {
            if (await documents.FindAsync(record.Number, cancellationToken) is { } d)
            {
                docs.Add(new ReleaseDocument(d.Id, d.Number, d.Content.Title, d.Content.Addressee, d.IssuedAt));
            }
        }

        if (request.NoticeId is { } noticeId && Guid.TryParse(noticeId, out var id) && await documents.FindByIdAsync(id, cancellationToken) is { } notice)
        {
            docs.Add(new ReleaseDocument(notice.Id, notice.Number, notice.Content.Title, notice.Content.Addressee, notice.IssuedAt));
        }

        var actions = await workflows.GetActionsAsync(BankruptcyWorkflows.ReleaseStream(request.Id), cancellationToken);
        return new ReleaseRequestDetails(request, view?.DebtorName ?? "", view?.Asset(request.AssetId), docs, actions?.Actions.Select(a => a.Trigger).Distinct().ToList() ?? []);
    }

    public async ValueTask<Page<ReleaseRequestView>> Handle(ListReleaseRequests query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListReleaseRequests.Sorts);
        if (Access.IsCourtStaff(caller) || caller.IsInRole(Roles.System))
        {
            // The judge's queue: the requests whose current state the pinned definition gives to a judge.
            if (!query.All)
            {
                request.Filters[ReleaseRequestView.ResponsibleKey] = [Roles.Judge];
            }
        }
        else if (caller.IsInRole(Roles.Administrator))
        {
            // Requests are partitioned by estate: one page over the partitions of her estates.
            request = request with { Partitions = await reads.IdsAsync<CaseView>(caller.UserId, cancellationToken) };
        }
        else
        {
            return new Page<ReleaseRequestView>([], null, request.WithTotal ? 0 : null);
        }

        return await reads.PageAsync<ReleaseRequestView>(request, cancellationToken);
    }
}
