using Court.Domain.Common;

namespace Court.Domain.Workflows;

/// <summary>
/// What entering a workflow state means for the people and timers that watch it: who must act (a role, narrowed to
/// an agency or a user when the aggregate says so), until when, and what fires when that time passes.
/// <see cref="Label"/> (the case number) and <see cref="Subject"/> (what the task is about) are what the inbox shows.
/// </summary>
public sealed record WorkflowStateEntry(
    string State,
    bool IsFinal,
    string? Responsible = null,
    DateTimeOffset? DueAt = null,
    string? ExpiryTrigger = null,
    string? Agency = null,
    string? Assignee = null,
    string? Label = null,
    string? Subject = null);

/// <summary>
/// A workflow fact in an aggregate's own stream, written by the workflow runtime beside the slice's domain events
/// in the same append. Folding these gives the instance's state and pinned version (<see cref="WorkflowInstance"/>).
/// </summary>
public interface IWorkflowEvent : IDomainEvent
{
    string WorkflowId { get; }

    int WorkflowVersion { get; }

    WorkflowStateEntry Entered { get; }
}

/// <summary>The instance began, pinned to the definition version that was current then.</summary>
[EventType("workflow.started.v1")]
public sealed record WorkflowStarted(string WorkflowId, int WorkflowVersion, WorkflowStateEntry Entered) : IWorkflowEvent;

/// <summary>A trigger moved the instance from one state to another (triggers that stay in their state record nothing here).</summary>
[EventType("workflow.transitioned.v1")]
public sealed record WorkflowTransitioned(string WorkflowId, int WorkflowVersion, string Trigger, string From, WorkflowStateEntry Entered) : IWorkflowEvent;

/// <summary>An operator moved a running instance to another version of its definition, keeping its state: audited.</summary>
[EventType("workflow.version-changed.v1")]
public sealed record WorkflowVersionChanged(string WorkflowId, int FromVersion, int WorkflowVersion, string Reason, WorkflowStateEntry Entered) : IWorkflowEvent;

/// <summary>An instance as its stream tells it: definition, pinned version, current state and when it was entered.</summary>
public sealed record WorkflowInstance(string StreamId, string WorkflowId, int WorkflowVersion, WorkflowStateEntry Current, long EnteredAtVersion, DateTimeOffset EnteredAt)
{
    public string State => Current.State;

    /// <summary>The id of the deadline timer of the current state, if it has one: deterministic, so it is recorded and fired once.</summary>
    public string? TimerId => Current.DueAt is null ? null : TimerIdFor(StreamId, State, EnteredAtVersion);

    public static string TimerIdFor(string streamId, string state, long enteredAtVersion) =>
        FormattableString.Invariant($"{streamId}/{state}/{enteredAtVersion}");

    /// <summary>Folds one event of the stream (at <paramref name="streamVersion"/>, recorded at <paramref name="at"/>); non-workflow events change nothing.</summary>
    public static WorkflowInstance? Fold(WorkflowInstance? instance, string streamId, IDomainEvent @event, long streamVersion, DateTimeOffset at) =>
        @event is IWorkflowEvent w
            ? new WorkflowInstance(streamId, w.WorkflowId, w.WorkflowVersion, w.Entered, streamVersion, at)
            : instance;
}

/// <summary>Narrows a task from "anyone in the role" to one agency's officers or one user (an appointed administrator).</summary>
public sealed record WorkflowAssignment(string? Agency = null, string? UserId = null);

/// <summary>
/// Optional, on an aggregate's state: how its tasks are labelled and addressed in the inbox. Without it, a task goes to
/// everyone holding the responsible role and is labelled with the stream id.
/// </summary>
public interface IWorkflowSubject
{
    /// <summary>Shown in the task inbox, e.g. the case number.</summary>
    string? WorkflowLabel { get; }

    /// <summary>What a task on this aggregate is about, beside the process's title (e.g. a notice's number and its asset); null: the title alone.</summary>
    string? TaskSubject => null;

    /// <summary>Who in <paramref name="role"/> must act in <paramref name="state"/>; null: anyone in the role.</summary>
    WorkflowAssignment? AssignmentFor(string state, string role);
}
