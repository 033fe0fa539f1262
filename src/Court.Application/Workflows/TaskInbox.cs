using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Workflows;

/// <summary>
/// An open task: an instance waiting in a state whose responsible role is <see cref="Responsible"/>. Partitioned by
/// that role. A slice may add a task of its own beside the state's (a due item inside a state, e.g. a coordination
/// meeting), under an id of its own and with a <see cref="Title"/> saying what is to be done. <see cref="Subject"/>
/// names what the task is about (a notice's number and asset), so two tasks of one process can be told apart.
/// </summary>
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
    long StreamVersion,
    LocalizedText? Title = null,
    string? Subject = null) : IListed
{
    /// <summary>Soonest due first (none last), then the oldest.</summary>
    public const string SortByDue = "due";

    public const string SortByEntered = "entered";

    /// <summary>Who the task is addressed to: its role, agency and user (empty when any) — see <see cref="AudiencesOf"/>.</summary>
    public const string AudienceKey = "audience";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByDue, ListKey.Encode(DueAt), ListKey.Encode(EnteredAt)),
        ListKey.Time(SortByEntered, EnteredAt),
        ListKey.Text(AudienceKey, Audience(Responsible, Agency, Assignee)),
        ListKey.Text("state", State),
        ListKey.Search(Label, Subject, StreamId, State),
    ];

    private static string Audience(string role, string? agency, string? assignee) => $"{role}|{agency}|{assignee}";

    /// <summary>
    /// The audiences whose tasks a caller sees: for each role she holds, tasks for anyone in it, for her agency or for
    /// her. Outside the court a task must be addressed (to an agency or a user), or it would leak across agencies.
    /// </summary>
    public static IReadOnlyList<string> AudiencesOf(IEnumerable<string> roles, string? agency, string userId, Func<string, bool> isCourtRole) =>
    [
        .. roles.SelectMany(role => new[]
        {
            isCourtRole(role) ? Audience(role, null, null) : null,
            agency is null ? null : Audience(role, agency, null),
            Audience(role, null, userId),
            agency is null ? null : Audience(role, agency, userId),
        }).OfType<string>(),
    ];
}

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
                new WorkflowTaskDocument(envelope.StreamId, e.WorkflowId, e.WorkflowVersion, entry.State, responsible, entry.Agency, entry.Assignee, entry.Label, enteredAt, entry.DueAt, envelope.Version, Subject: entry.Subject),
                responsible);
        }
        else
        {
            session.Delete<WorkflowTaskDocument>(envelope.StreamId);
        }
    }
}
