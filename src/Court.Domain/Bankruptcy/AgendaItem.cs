using System.Collections.Immutable;
using Court.Domain.Common;

namespace Court.Domain.Bankruptcy;

/// <summary>Why an item went to the joint court–government meeting (府院联席会议).</summary>
public enum AgendaReason
{
    /// <summary>A seizing body and its superior let their deadlines pass.</summary>
    SeizingBodyIgnoredLetters,
    NoticeNotAcknowledged,
    NoticeNotExecuted,
    NoticeCannotBeExecuted,
}

/// <param name="Owner">The responsible unit's agency code (actions recorded before units were agencies hold its name).</param>
public sealed record MeetingAction(string ActionId, string Owner, string Description, DateOnly DueOn);

[EventType("bankruptcy.agenda-item-placed.v1")]
public sealed record AgendaItemPlaced(
    string ItemId,
    AgendaReason Reason,
    string SourceId,
    string EstateId,
    string CaseNumber,
    string Party,
    string Summary,
    string By,
    DateTimeOffset At) : IDomainEvent;

/// <summary>What the meeting decided, as its minutes (会议纪要) record it, with the actions it assigned.</summary>
[EventType("bankruptcy.meeting-decision-recorded.v1")]
public sealed record MeetingDecisionRecorded(string ItemId, DateOnly MeetingOn, string Minutes, IReadOnlyList<MeetingAction> Actions, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.meeting-action-completed.v1")]
public sealed record MeetingActionCompleted(string ItemId, string ActionId, string Note, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The matter behind the item was settled (e.g. the notice was executed): it leaves the agenda.</summary>
[EventType("bankruptcy.agenda-item-resolved.v1")]
public sealed record AgendaItemResolved(string ItemId, string How, string By, DateTimeOffset At) : IDomainEvent;

public sealed record AgendaItem : IAggregateState<AgendaItem>
{
    public static AgendaItem Initial { get; } = new();

    public static string StreamPrefix => "agenda-item-";

    public string? Id { get; init; }

    public bool Resolved { get; init; }

    public ImmutableDictionary<string, MeetingAction> Actions { get; init; } = ImmutableDictionary<string, MeetingAction>.Empty;

    public ImmutableHashSet<string> CompletedActions { get; init; } = [];

    public AgendaItem Evolve(IDomainEvent @event) => @event switch
    {
        AgendaItemPlaced e => this with { Id = e.ItemId },
        MeetingDecisionRecorded e => this with { Actions = Actions.SetItems(e.Actions.Select(a => KeyValuePair.Create(a.ActionId, a))) },
        MeetingActionCompleted e => this with { CompletedActions = CompletedActions.Add(e.ActionId) },
        AgendaItemResolved => this with { Resolved = true },
        _ => this,
    };

    /// <summary>Agenda items are named for their source and reason, so the timer placing one twice finds it there.</summary>
    public static string IdFor(string sourceId, AgendaReason reason) => $"{sourceId}-{reason}".ToLowerInvariant();
}

public abstract record AgendaCommand
{
    private AgendaCommand()
    {
    }

    public sealed record Place(string ItemId, AgendaReason Reason, string SourceId, string EstateId, string CaseNumber, string Party, string Summary, string By) : AgendaCommand;

    public sealed record RecordDecision(DateOnly MeetingOn, string Minutes, IReadOnlyList<MeetingAction> Actions, string By) : AgendaCommand;

    public sealed record CompleteAction(string ActionId, string Note, string By) : AgendaCommand;

    public sealed record Resolve(string How, string By) : AgendaCommand;
}

public static class AgendaDecider
{
    public static Decision Decide(AgendaItem state, AgendaCommand command, DateTimeOffset now) => (state, command) switch
    {
        ({ Id: null }, AgendaCommand.Place c) => Decision.Emit(new AgendaItemPlaced(c.ItemId, c.Reason, c.SourceId, c.EstateId, c.CaseNumber, c.Party, c.Summary, c.By, now)),
        (_, AgendaCommand.Place) => Decision.Nothing,
        ({ Id: null }, _) => DomainError.NotFound("agenda.not-found", "There is no such agenda item."),
        ({ Resolved: true }, AgendaCommand.Resolve) => Decision.Nothing,
        (_, AgendaCommand.Resolve c) => Decision.Emit(new AgendaItemResolved(state.Id!, c.How, c.By, now)),
        ({ Resolved: true }, AgendaCommand.RecordDecision) => DomainError.Conflict("agenda.resolved", "Cannot record a decision on an item that is already resolved."),
        (_, AgendaCommand.RecordDecision c) => RecordDecision(state, c, now),
        (_, AgendaCommand.CompleteAction c) when !state.Actions.ContainsKey(c.ActionId) => DomainError.NotFound("agenda.action-not-found", $"The item has no action {c.ActionId}."),
        (_, AgendaCommand.CompleteAction c) when state.CompletedActions.Contains(c.ActionId) => Decision.Nothing,
        (_, AgendaCommand.CompleteAction c) => Decision.Emit(new MeetingActionCompleted(state.Id!, c.ActionId, c.Note, c.By, now)),
        _ => DomainError.Conflict("agenda.command-unknown", $"Cannot {command.GetType().Name} on this agenda item."),
    };

    private static Decision RecordDecision(AgendaItem state, AgendaCommand.RecordDecision c, DateTimeOffset now)
    {
        if (c.MeetingOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("agenda.meeting-in-future", $"The meeting date {c.MeetingOn:yyyy-MM-dd} is in the future; record minutes after the meeting.") with { Field = "meetingOn" };
        }

        if (c.Actions.FirstOrDefault(a => a.DueOn < c.MeetingOn) is { } early)
        {
            return DomainError.Invalid("agenda.action-due-before-meeting", $"The action '{early.Description}' is due before the meeting that assigned it.");
        }

        if (c.Actions.FirstOrDefault(a => state.Actions.ContainsKey(a.ActionId)) is { } taken)
        {
            return DomainError.Conflict("agenda.action-id-taken", $"Action id {taken.ActionId} is already used.");
        }

        return Decision.Emit(new MeetingDecisionRecorded(state.Id!, c.MeetingOn, c.Minutes, c.Actions, c.By, now));
    }
}
