using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>One release request with its documents (letters, ruling, notices) and the steps the caller may take now. ETag: the request's version.</summary>
public sealed record GetReleaseRequest(string RequestId) : IQuery<ReleaseRequestDetails>, ICaseScoped
{
    string ICaseScoped.CaseScope => CaseLink.ForRequest(RequestId);
}

public sealed record ReleaseDocument(string Number, string Title, string Addressee, DateTimeOffset IssuedAt);

public sealed record ReleaseRequestDetails(ReleaseRequestView Request, string DebtorName, AssetView? Asset, IReadOnlyList<ReleaseDocument> Documents, IReadOnlyList<string> Actions);

/// <summary>
/// Release requests the caller follows. Court staff: the judge's queue (waiting for approval, a ruling, or after an
/// agency could not execute), or all with <c>All</c>. An administrator: the requests of his estates.
/// </summary>
public sealed record ListReleaseRequests(bool All = false) : IQuery<IReadOnlyList<ReleaseRequestView>>, IAnySignedInCaller;

public sealed class ReleaseQueries(IReadModels reads, DocumentIssuer documents, WorkflowRuntime workflows, ICallerContext caller) :
    IQueryHandler<GetReleaseRequest, ReleaseRequestDetails>,
    IQueryHandler<ListReleaseRequests, IReadOnlyList<ReleaseRequestView>>
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
                docs.Add(new ReleaseDocument(d.Number, d.Content.Title, d.Content.Addressee, d.IssuedAt));
            }
        }

        if (request.NoticeId is { } noticeId && Guid.TryParse(noticeId, out var id) && await documents.FindByIdAsync(id, cancellationToken) is { } notice)
        {
            docs.Add(new ReleaseDocument(notice.Number, notice.Content.Title, notice.Content.Addressee, notice.IssuedAt));
        }

        var actions = await workflows.GetActionsAsync(BankruptcyWorkflows.ReleaseStream(request.Id), cancellationToken);
        return new ReleaseRequestDetails(request, view?.DebtorName ?? "", view?.Asset(request.AssetId), docs, actions?.Actions.Select(a => a.Trigger).Distinct().ToList() ?? []);
    }

    public async ValueTask<IReadOnlyList<ReleaseRequestView>> Handle(ListReleaseRequests query, CancellationToken cancellationToken)
    {
        IEnumerable<ReleaseRequestView> requests;
        if (Access.IsCourtStaff(caller) || caller.IsInRole(Roles.System))
        {
            // The judge's queue: the requests whose current state the pinned definition gives to a judge.
            requests = (await reads.ListAsync<ReleaseRequestView>(null, cancellationToken))
                .Where(r => query.All || r.Responsible == Roles.Judge);
        }
        else if (caller.IsInRole(Roles.Administrator))
        {
            var mine = new List<ReleaseRequestView>();
            foreach (var estate in await reads.ListAsync<CaseView>(caller.UserId, cancellationToken))
            {
                mine.AddRange(await reads.ListAsync<ReleaseRequestView>(estate.Id, cancellationToken));
            }

            requests = mine;
        }
        else
        {
            return [];
        }

        return [.. requests.OrderBy(r => r.IsFinal).ThenBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.RequestedAt)];
    }
}
