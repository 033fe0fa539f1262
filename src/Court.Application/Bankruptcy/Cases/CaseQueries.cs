using Court.Application.Auditing;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Workflows;
using Mediator;

namespace Court.Application.Bankruptcy.Cases;

/// <summary>One case with each asset's state and what blocks it. ETag: the case stream's version.</summary>
public sealed record GetBankruptcyCase(string Id) : IQuery<CaseView>, ICaseScoped, IAuditedRead<CaseView>
{
    string ICaseScoped.CaseScope => Id;

    ReadSubject IAuditedRead<CaseView>.AuditedAs(CaseView response) => new(ReadSubject.BankruptcyCase, response.Id, Estate.StreamPrefix + response.Id);
}

/// <summary>
/// The caller's cases a page at a time: an administrator's estates, or the cases of the caller's court for court staff.
/// Last changed first by default (<c>sort=-changed</c>), or by case number or acceptance date; <c>q</c> searches the
/// case number, the debtor, its credit code and the administrator.
/// </summary>
public sealed record ListBankruptcyCases(PageParameters? Page = null) : IQuery<Page<CaseSummary>>, IAnySignedInCaller
{
    public static readonly ListSorts Sorts = new(CaseView.SortByChanged, CaseView.SortByNumber, CaseView.SortByAccepted) { DefaultDescending = true };
}

public sealed class ListBankruptcyCasesValidator : FluentValidation.AbstractValidator<ListBankruptcyCases>
{
    public ListBankruptcyCasesValidator() => RuleFor(q => q.Page).PagedBy(ListBankruptcyCases.Sorts);
}

public sealed record CaseSummary(string Id, string CaseNumber, string DebtorName, string AdministratorName, DateOnly AcceptedOn, int Assets, int AssetsFree, int AssetsBlocked, long EstimatedValueFen, DateTimeOffset LastChangedAt);

/// <summary>Everything that happened in a case, across its streams (estate, requests, notices, disposals, agenda), oldest first.</summary>
public sealed record GetCaseTimeline(string Id) : IQuery<CaseTimeline>, ICaseScoped, IAuditedRead<CaseTimeline>
{
    string ICaseScoped.CaseScope => Id;

    ReadSubject IAuditedRead<CaseTimeline>.AuditedAs(CaseTimeline response) => new(ReadSubject.CaseTimeline, response.CaseId, Estate.StreamPrefix + response.CaseId);
}

public sealed record CaseTimeline(string CaseId, long LastPosition, IReadOnlyList<TimelineEntry> Entries);

/// <param name="Actor">The user id on record (stable, for programs).</param>
/// <param name="ActorName">The person's name as the user store gives it, for people to read ("王建国", not "judge").</param>
public sealed record TimelineEntry(long Position, DateTimeOffset At, string StreamId, long Version, string Type, string Actor, string? Agency, string Zh, string En, string ActorName);

public sealed class BankruptcyCaseQueries(IReadModels reads, IEventStore store, EventTypeRegistry registry, ICallerContext caller, IPeople people, TimeProvider clock, WorkflowSentences workflowSentences) :
    IQueryHandler<GetBankruptcyCase, CaseView>,
    IQueryHandler<ListBankruptcyCases, Page<CaseSummary>>,
    IQueryHandler<GetCaseTimeline, CaseTimeline>
{
    public async ValueTask<CaseView> Handle(GetBankruptcyCase query, CancellationToken cancellationToken) =>
        (await reads.GetAsync<CaseView>(query.Id, cancellationToken) ?? throw new ResourceNotFoundException("No such case.")).AsOf(clock.GetUtcNow());

    public async ValueTask<Page<CaseSummary>> Handle(ListBankruptcyCases query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListBankruptcyCases.Sorts);
        var partition = Access.PartitionOf(caller);
        if (partition is not null && !caller.IsInRole(Roles.Administrator))
        {
            return new Page<CaseSummary>([], null, request.WithTotal ? 0 : null);
        }

        // An administrator sees her estates whichever court appointed her; court staff see their own court's cases.
        request = request with { Partitions = partition is null ? null : [partition] };
        if (partition is null && caller.Court is { } court)
        {
            request.Filters[CaseView.CourtKey] = [court];
        }

        var now = clock.GetUtcNow();
        var page = await reads.PageAsync<CaseView>(request, cancellationToken);
        return page.Map(view =>
        {
            var c = view.AsOf(now);
            return new CaseSummary(
                c.Id, c.CaseNumber, c.DebtorName, c.AdministratorName, c.AcceptedOn, c.Assets.Count,
                c.Assets.Count(a => a.IsFree), c.Assets.Count(a => a.BlockedBy.Count > 0), c.EstimatedValueFen, c.LastChangedAt);
        });
    }

    public async ValueTask<CaseTimeline> Handle(GetCaseTimeline query, CancellationToken cancellationToken)
    {
        var view = await reads.GetAsync<CaseView>(query.Id, cancellationToken) ?? throw new ResourceNotFoundException("No such case.");
        var streams = new List<string> { Estate.StreamPrefix + view.Id };
        streams.AddRange(view.ReleaseRequestIds.Select(BankruptcyWorkflows.ReleaseStream));
        streams.AddRange(view.NoticeIds.Select(BankruptcyWorkflows.NoticeStream));
        streams.AddRange(view.Assets.Where(a => a.Disposal is not null).Select(a => BankruptcyWorkflows.DisposalStream(a.Id)));
        streams.AddRange(view.AgendaItemIds.Select(id => AgendaItem.StreamPrefix + id));

        var entries = new List<TimelineEntry>();
        foreach (var stream in streams)
        {
            foreach (var recorded in await store.ReadStreamAsync(stream, cancellationToken: cancellationToken))
            {
                if (registry.Deserialize(recorded) is not { } e)
                {
                    continue;
                }

                var metadata = EventTypeRegistry.ReadMetadata(recorded);
                var (zh, en) = e is IWorkflowEvent w ? workflowSentences.Describe(w) : BankruptcySentences.Describe(e);
                entries.Add(new TimelineEntry(recorded.Position, metadata.OccurredAt, recorded.StreamId, recorded.Version, recorded.Type, metadata.UserId, metadata.Agency, zh, en, metadata.UserId));
            }
        }

        entries.Sort((a, b) => a.Position.CompareTo(b.Position));
        var names = await people.NamesAsync(entries.Select(e => e.Actor), cancellationToken);
        return new CaseTimeline(view.Id, entries.Count == 0 ? 0 : entries[^1].Position, [.. entries.Select(e => e with { ActorName = names[e.Actor] })]);
    }
}
