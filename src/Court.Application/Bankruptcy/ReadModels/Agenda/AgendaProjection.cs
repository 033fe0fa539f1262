using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>The joint meeting's agenda: one document per item.</summary>
public sealed class AgendaProjection : IProjection
{
    public string Name => "bankruptcy-agenda";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is AgendaItemPlaced or MeetingDecisionRecorded or MeetingActionCompleted or AgendaItemResolved
        or DocumentIssued { Kind: DocumentKind.MeetingMinutes };

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (envelope.Event is DocumentIssued minutes)
        {
            await LinkMinutesAsync(minutes, session, cancellationToken);
            return;
        }

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
                view.Decisions.Add(new MeetingDecisionView { MeetingOn = e.MeetingOn, Minutes = e.Minutes, By = e.By, At = at, DocumentId = AgendaItemView.MinutesDocumentId(view.Id, envelope.Version) });
                foreach (var a in e.Actions)
                {
                    view.Actions.Add(new MeetingActionView { ActionId = a.ActionId, Owner = a.Owner, MeetingOn = e.MeetingOn, Description = a.Description, DueOn = a.DueOn });
                    OpenTask(envelope, view, a, session);
                }

                break;
            case MeetingActionCompleted e when view.Actions.Find(a => a.ActionId == e.ActionId) is { } action:
                (action.Completed, action.Note, action.CompletedBy) = (true, e.Note, e.By);
                session.Delete<WorkflowTaskDocument>(TaskId(envelope.StreamId, e.ActionId));
                break;
            case AgendaItemResolved e:
                (view.Resolved, view.ResolvedHow, view.ResolvedAt) = (true, e.How, at);
                break;
        }

        view.Version = envelope.Version;
        session.Store(view.Id, view, view.Resolved ? "resolved" : "open");
    }

    /// <summary>The minutes are issued after the decision is recorded: the decision shows their number once they are.</summary>
    private static async ValueTask LinkMinutesAsync(DocumentIssued minutes, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!minutes.SourceStreamId.StartsWith(AgendaItem.StreamPrefix, StringComparison.Ordinal)
            || await session.LoadAsync<AgendaItemView>(minutes.SourceStreamId[AgendaItem.StreamPrefix.Length..], cancellationToken) is not { } view
            || view.Decisions.Find(d => d.DocumentId == minutes.DocumentId) is not { } decision)
        {
            return;
        }

        decision.DocumentNumber = minutes.Number;
        session.Store(view.Id, view, view.Resolved ? "resolved" : "open");
    }

    /// <summary>An action's task in its unit's inbox: beside the item's stream, one per action, closed when it is reported done.</summary>
    public static string TaskId(string itemStreamId, string actionId) => $"{itemStreamId}#action-{actionId}";

    public static readonly LocalizedText ActionTitle = new("联席会议议定事项", "Joint meeting action");

    private static void OpenTask(EventEnvelope envelope, AgendaItemView view, MeetingAction action, IDocumentSession session)
    {
        if (Agencies.Find(action.Owner) is not { } agency)
        {
            return; // recorded before units were agencies: nobody to address it to
        }

        var role = agency.Kind == AgencyKind.Supervision ? Roles.SupervisionOfficer : Roles.AgencyOfficer;
        session.Store(
            TaskId(envelope.StreamId, action.ActionId),
            new WorkflowTaskDocument(
                envelope.StreamId, "joint-meeting", 0, "action", role, agency.Code, null, view.CaseNumber, envelope.Metadata.OccurredAt,
                WorkingDayCalendar.EndOf(action.DueOn), envelope.Version, ActionTitle, action.Description),
            role);
    }
}
