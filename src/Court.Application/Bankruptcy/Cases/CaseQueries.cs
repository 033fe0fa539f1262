using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Mediator;

namespace Court.Application.Bankruptcy.Cases;

/// <summary>One case with each asset's state and what blocks it. ETag: the case stream's version.</summary>
public sealed record GetBankruptcyCase(string Id) : IQuery<CaseView>, ICaseScoped
{
    string ICaseScoped.CaseScope => Id;
}

/// <summary>The caller's cases: an administrator's estates, or every case for court staff.</summary>
public sealed record ListBankruptcyCases : IQuery<IReadOnlyList<CaseSummary>>, IAnySignedInCaller;

public sealed record CaseSummary(string Id, string CaseNumber, string DebtorName, string AdministratorName, DateOnly AcceptedOn, int Assets, int AssetsFree, int AssetsBlocked, long EstimatedValueFen, DateTimeOffset LastChangedAt);

/// <summary>Everything that happened in a case, across its streams (estate, requests, notices, disposals, agenda), oldest first.</summary>
public sealed record GetCaseTimeline(string Id) : IQuery<CaseTimeline>, ICaseScoped
{
    string ICaseScoped.CaseScope => Id;
}

public sealed record CaseTimeline(string CaseId, long LastPosition, IReadOnlyList<TimelineEntry> Entries);

/// <param name="Actor">The user id on record (stable, for programs).</param>
/// <param name="ActorName">The person's name as the user store gives it, for people to read ("王建国", not "judge").</param>
public sealed record TimelineEntry(long Position, DateTimeOffset At, string StreamId, long Version, string Type, string Actor, string? Agency, string Zh, string En, string ActorName);

public sealed class BankruptcyCaseQueries(IReadModels reads, IEventStore store, EventTypeRegistry registry, ICallerContext caller, IPeople people, TimeProvider clock) :
    IQueryHandler<GetBankruptcyCase, CaseView>,
    IQueryHandler<ListBankruptcyCases, IReadOnlyList<CaseSummary>>,
    IQueryHandler<GetCaseTimeline, CaseTimeline>
{
    public async ValueTask<CaseView> Handle(GetBankruptcyCase query, CancellationToken cancellationToken) =>
        (await reads.GetAsync<CaseView>(query.Id, cancellationToken) ?? throw new ResourceNotFoundException("No such case.")).AsOf(clock.GetUtcNow());

    public async ValueTask<IReadOnlyList<CaseSummary>> Handle(ListBankruptcyCases query, CancellationToken cancellationToken)
    {
        var partition = Access.PartitionOf(caller);
        if (partition is not null && !caller.IsInRole(Roles.Administrator))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var cases = (await reads.ListAsync<CaseView>(partition, cancellationToken)).Select(c => c.AsOf(now));
        return [.. cases
            .Where(c => caller.Court is null || c.CourtCode == caller.Court || partition is not null)
            .OrderByDescending(c => c.LastChangedAt)
            .Select(c => new CaseSummary(
                c.Id, c.CaseNumber, c.DebtorName, c.AdministratorName, c.AcceptedOn, c.Assets.Count,
                c.Assets.Count(a => a.IsFree), c.Assets.Count(a => a.BlockedBy.Count > 0), c.EstimatedValueFen, c.LastChangedAt))];
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
                var (zh, en) = BankruptcySentences.Describe(e);
                entries.Add(new TimelineEntry(recorded.Position, metadata.OccurredAt, recorded.StreamId, recorded.Version, recorded.Type, metadata.UserId, metadata.Agency, zh, en, metadata.UserId));
            }
        }

        entries.Sort((a, b) => a.Position.CompareTo(b.Position));
        var names = await people.NamesAsync(entries.Select(e => e.Actor), cancellationToken);
        return new CaseTimeline(view.Id, entries.Count == 0 ? 0 : entries[^1].Position, [.. entries.Select(e => e with { ActorName = names[e.Actor] })]);
    }
}
