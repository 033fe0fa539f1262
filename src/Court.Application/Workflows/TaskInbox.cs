using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Workflows;

/// <summary>An open task: an instance waiting in a state whose responsible role is <see cref="Responsible"/>. Partitioned by that role.</summary>
[Collection("workflow-tasks")]
public sealed record WorkflowTaskDocument(
    string StreamId,
    string WorkflowId,
    int WorkflowVersion,
    string State,
    string Responsible,
    string? Agency,
    string? Assignee,
    string? Label,
    DateTimeOffset EnteredAt,
    DateTimeOffset? DueAt,
    long StreamVersion);

/// <summary>
/// The human-task inbox, inline so that whoever moves an instance sees the inbox change at once. Entering a state with
/// a responsible role opens (or replaces) the instance's one task; entering a final state, or one nobody is
/// responsible for, closes it.
/// </summary>
public sealed class TaskInboxProjection : IProjection
{
    public string Name => "workflow-task-inbox";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is IWorkflowEvent;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var e = (IWorkflowEvent)envelope.Event;
        if (e.Entered is { IsFinal: false, Responsible: { } responsible } entry)
        {
            // A version move keeps the state: the task keeps the time it was opened.
            var existing = await session.LoadAsync<WorkflowTaskDocument>(envelope.StreamId, cancellationToken);
            var enteredAt = e is WorkflowVersionChanged && existing?.State == entry.State ? existing.EnteredAt : envelope.Metadata.OccurredAt;
            session.Store(
                envelope.StreamId,
                new WorkflowTaskDocument(envelope.StreamId, e.WorkflowId, e.WorkflowVersion, entry.State, responsible, entry.Agency, entry.Assignee, entry.Label, enteredAt, entry.DueAt, envelope.Version),
                responsible);
        }
        else
        {
            session.Delete<WorkflowTaskDocument>(envelope.StreamId);
        }
    }
}
