using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Application.Timeline;
using Court.Domain.Common;
using Court.Domain.Workflows;
using FluentValidation;
using Mediator;

namespace Court.Application.GovernmentDebtors;

/// <summary>
/// The history of one case, oldest first, in words: who did what and when, never an event's type name. Paged on the
/// server by the case stream's version (the order events happened in), so a long case costs a page, not the stream.
/// </summary>
public sealed record GetGovernmentDebtHistory(string CaseId, PageParameters? Page = null) : IQuery<Page<GovernmentDebtHistoryEntry>>, IGovernmentDebtCaseMessage, Auditing.IAuditedRead<Page<GovernmentDebtHistoryEntry>>
{
    Auditing.ReadSubject Auditing.IAuditedRead<Page<GovernmentDebtHistoryEntry>>.AuditedAs(Page<GovernmentDebtHistoryEntry> response) =>
        new(Auditing.ReadSubject.GovernmentDebtCase, CaseId, Court.Domain.GovernmentDebtors.GovernmentDebtCase.StreamPrefix + CaseId);

    public static readonly ListSorts Sorts = new("order");
}

/// <param name="Number">The event's place in the case (1 the opening), for clients that want to cite it.</param>
/// <param name="Who">The person's name; the system's own steps (documents issued, deadlines run) as "the system".</param>
/// <param name="Agency">The acting person's agency code, where the record has one (pages show its name).</param>
public sealed record GovernmentDebtHistoryEntry(long Number, DateTimeOffset At, string Who, string? Agency, string What);

public sealed class GetGovernmentDebtHistoryValidator : AbstractValidator<GetGovernmentDebtHistory>
{
    public GetGovernmentDebtHistoryValidator() => RuleFor(q => q.Page).PagedBy(GetGovernmentDebtHistory.Sorts);
}

public sealed class GovernmentDebtHistoryHandler(IReadModels readModels, TimelineReader timeline, EventTypeRegistry registry, IPeople people) : IQueryHandler<GetGovernmentDebtHistory, Page<GovernmentDebtHistoryEntry>>
{
    /// <summary>The runtime's own record of each step (trigger and state codes): the case's event beside it says the same in words.</summary>
    private readonly HashSet<string> bookkeeping = [registry.NameOf(typeof(WorkflowStarted)), registry.NameOf(typeof(WorkflowTransitioned))];

    public async ValueTask<Page<GovernmentDebtHistoryEntry>> Handle(GetGovernmentDebtHistory query, CancellationToken cancellationToken)
    {
        _ = await readModels.GetAsync<GovernmentDebtCaseView>(query.CaseId, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("government-debt.case-not-found", "没有这件政府机关失信执行案件。", "There is no such government-debtor enforcement case."));
        var request = (query.Page ?? new PageParameters()).ToRequest(GetGovernmentDebtHistory.Sorts);
        var after = request.After is { } cursor && PageCursor.Decode(cursor, GetGovernmentDebtHistory.Sorts.Default, false) is { } at && long.TryParse(at.Value, out var version) ? version : -1;

        // One more than the page: whether there is a next page without counting the stream.
        var stream = Domain.GovernmentDebtors.GovernmentDebtCase.StreamPrefix + query.CaseId;
        var entries = new List<TimelineEntry>();
        while (entries.Count <= request.Limit)
        {
            var chunk = await timeline.ReadForwardAsync(stream, after, request.Limit + 1, cancellationToken: cancellationToken);
            entries.AddRange(chunk.Where(e => !bookkeeping.Contains(e.EventType)));
            if (chunk.Count <= request.Limit)
            {
                break;
            }

            after = chunk[^1].Version;
        }

        var page = entries.Take(request.Limit).ToList();
        var names = await people.NamesAsync(page.Select(e => e.UserId), cancellationToken);
        var next = entries.Count > request.Limit
            ? PageCursor.Encode(GetGovernmentDebtHistory.Sorts.Default, false, page[^1].Version.ToString(System.Globalization.CultureInfo.InvariantCulture), query.CaseId)
            : null;
        return new Page<GovernmentDebtHistoryEntry>(
            [.. page.Select(e => new GovernmentDebtHistoryEntry(
                e.Version + 1, e.OccurredAt, names[e.UserId], e.Agency, e.Sentence))],
            next);
    }
}
