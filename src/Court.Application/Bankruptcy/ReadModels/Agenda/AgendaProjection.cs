using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>The joint meeting's agenda: one document per item.</summary>
public sealed class AgendaProjection : IProjection
{
    public string Name => "bankruptcy-agenda";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is AgendaItemPlaced or MeetingDecisionRecorded or MeetingActionCompleted or AgendaItemResolved;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var at = envelope.Metadata.OccurredAt;
        var view = envelope.Event is AgendaItemPlaced p
            ? new AgendaItemView { Id = p.ItemId, Reason = p.Reason, SourceId = p.SourceId, EstateId = p.EstateId, CaseNumber = p.CaseNumber, Party = p.Party, Summary = p.Summary, PlacedAt = at }
            : await session.LoadAsync<AgendaItemView>(BankruptcyEvents.IdIn(envelope, AgendaItem.StreamPrefix), cancellationToken);
        if (view is null)
        {
            return;
        }

        switch (envelope.Event)
        {
            case MeetingDecisionRecorded e:
                view.Decisions.Add(new MeetingDecisionView { MeetingOn = e.MeetingOn, Minutes = e.Minutes, By = e.By, At = at });
                view.Actions.AddRange(e.Actions.Select(a => new MeetingActionView { ActionId = a.ActionId, Owner = a.Owner, Description = a.Description, DueOn = a.DueOn }));
                break;
            case MeetingActionCompleted e when view.Actions.Find(a => a.ActionId == e.ActionId) is { } action:
                (action.Completed, action.Note) = (true, e.Note);
                break;
            case AgendaItemResolved e:
                (view.Resolved, view.ResolvedHow, view.ResolvedAt) = (true, e.How, at);
                break;
        }

        view.Version = envelope.Version;
        session.Store(view.Id, view, view.Resolved ? "resolved" : "open");
    }
}
