using System.Security.Cryptography;
using System.Text;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Workflows;

/// <summary>A trigger the instance's current state does not permit: 409, naming the state and what is permitted.</summary>
public sealed class WorkflowTriggerNotPermittedException(string streamId, string state, string trigger, IReadOnlyList<string> permitted)
    : Exception($"'{trigger}' is not permitted in state '{state}'. Permitted now: {(permitted.Count == 0 ? "nothing" : string.Join(", ", permitted))}.")
{
    public string StreamId { get; } = streamId;

    public string State { get; } = state;

    public string Trigger { get; } = trigger;

    /// <summary>The triggers the caller may fire in this state.</summary>
    public IReadOnlyList<string> Permitted { get; } = permitted;
}

/// <summary>An instance with the definition version it is pinned to, the stream version it was read at, and the aggregate folded from the same read.</summary>
public sealed record WorkflowSnapshot(WorkflowInstance Instance, WorkflowDefinition Definition, long StreamVersion, object? Aggregate)
{
    public StateDefinition CurrentState => Definition.State(Instance.State);
}

/// <summary>What a caller may do with an instance now.</summary>
public sealed record WorkflowActions(string StreamId, string WorkflowId, int WorkflowVersion, string State, LocalizedText StateTitle, DateTimeOffset? DueAt, bool IsFinal, long StreamVersion, IReadOnlyList<WorkflowAction> Actions);

public sealed record WorkflowAction(string Trigger, string To, LocalizedText ToTitle);

/// <summary>
/// Runs the definitions over aggregates' streams: starts instances (pinned to the latest version), checks and fires
/// triggers (appending the slice's events and the transition in one append), lists a caller's permitted triggers and
/// moves an instance to another version. Deadlines are computed on the working-day calendar.
/// </summary>
public sealed class WorkflowRuntime(
    IEventStore store,
    EventTypeRegistry registry,
    ICallerContext caller,
    WorkflowExecution execution,
    TimeProvider clock,
    WorkflowCatalog catalog,
    WorkingDayCalendar calendar)
{
    /// <summary>Reads a stream: the instance, its pinned definition and (when the subject is registered) the aggregate. Null: no workflow runs there.</summary>
    public async Task<WorkflowSnapshot?> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var (instance, events, version) = await ReadAsync(streamId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var definition = catalog.Find(instance.WorkflowId, instance.WorkflowVersion)
            ?? throw new InvalidOperationException($"Stream {streamId} runs workflow {instance.WorkflowId} v{instance.WorkflowVersion}, which is not loaded: a definition version must never be removed while instances use it.");
        var aggregate = catalog.SubjectOfStream(streamId)?.Fold(events);
        return new WorkflowSnapshot(instance, definition, version, aggregate);
    }

    /// <summary>The caller's permitted triggers on the instance now (what the UI shows as buttons). Null: no instance.</summary>
    public async Task<WorkflowActions?> GetActionsAsync(string streamId, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(streamId, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var permitted = Permitted(snapshot);
        var state = snapshot.CurrentState;
        var actions = permitted.Select(trigger =>
        {
            var to = snapshot.Definition.From(state.Name).First(t => t.Trigger == trigger).To;
            return new WorkflowAction(trigger, to, snapshot.Definition.State(to).Title);
        }).ToList();
        return new WorkflowActions(streamId, snapshot.Definition.Id, snapshot.Definition.Version, state.Name, state.Title, snapshot.Instance.Current.DueAt, state.Final, snapshot.StreamVersion, actions);
    }

    /// <summary>
    /// The pipeline's check for a workflow command: 404 when no instance runs on the stream, 409 when the state has
    /// no transition on the trigger, 403 when the caller holds none of its roles.
    /// </summary>
    public async Task<WorkflowSnapshot> EnsurePermittedAsync(IWorkflowCommand command, CancellationToken cancellationToken = default)
    {
        var snapshot = await LoadAsync(command.WorkflowStreamId, cancellationToken)
            ?? throw new ResourceNotFoundException($"No workflow runs on {command.WorkflowStreamId}.");
        Check(snapshot, command.Trigger);
        return snapshot;
    }

    /// <summary>
    /// Starts the latest version of <paramref name="workflowId"/> on the aggregate <paramref name="id"/>: appends the
    /// decision's events and <see cref="WorkflowStarted"/> (entering the initial state) together. Returns the stream version.
    /// </summary>
    public async Task<long> StartAsync<TState>(string workflowId, string id, Func<TState, DateTimeOffset, Decision> decide, long? expectedVersion = null, CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState>
    {
        var definition = catalog.Latest(workflowId) ?? throw new InvalidOperationException($"No workflow definition '{workflowId}' is loaded.");
        var streamId = AggregateStore.StreamIdOf<TState>(id);
        var (instance, events, version) = await ReadAsync(streamId, cancellationToken);
        CheckExpected(streamId, expectedVersion, version);
        if (instance is not null)
        {
            throw new DomainException(DomainError.Conflict("workflow.already-started", $"Workflow {instance.WorkflowId} already runs on {streamId} (state '{instance.State}')."));
        }

        var state = Fold<TState>(events);
        var now = clock.GetUtcNow();
        var decided = decide(state, now).ThrowIfError();
        var after = decided.Aggregate(state, (s, e) => s.Evolve(e));
        var started = new WorkflowStarted(definition.Id, definition.Version, Entry(definition, definition.InitialState, after, streamId, now, null));
        return await AppendAsync(streamId, version, [.. decided, started], definition, cancellationToken);
    }

    /// <summary>
    /// Fires <paramref name="command"/>'s trigger: checks it (409/403 as the pipeline does, now atomically with the
    /// append), asks the slice's decider, evaluates the guards on the aggregate after its events, and appends the
    /// events with the transition. A decision with no events changes nothing (the command was already satisfied).
    /// Returns the stream version.
    /// </summary>
    public async Task<long> FireAsync<TState>(IWorkflowCommand command, Func<TState, DateTimeOffset, Decision> decide, long? expectedVersion = null, CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState>
    {
        var streamId = command.WorkflowStreamId;
        var (instance, events, version) = await ReadAsync(streamId, cancellationToken);
        CheckExpected(streamId, expectedVersion, version);
        if (instance is null)
        {
            throw new ResourceNotFoundException($"No workflow runs on {streamId}.");
        }

        var definition = catalog.Find(instance.WorkflowId, instance.WorkflowVersion)
            ?? throw new InvalidOperationException($"Workflow {instance.WorkflowId} v{instance.WorkflowVersion} is not loaded.");
        var state = Fold<TState>(events);
        var snapshot = new WorkflowSnapshot(instance, definition, version, state);
        Check(snapshot, command.Trigger);

        var now = clock.GetUtcNow();
        var decided = decide(state, now).ThrowIfError();
        if (decided.Count == 0)
        {
            return version;
        }

        var after = decided.Aggregate(state, (s, e) => s.Evolve(e));
        var machine = new WorkflowMachine(definition, catalog.Guards, instance.State);
        var (to, error) = machine.Fire(command.Trigger, new WorkflowGuardContext(after, command, instance));
        if (error is not null)
        {
            throw new DomainException(error);
        }

        IDomainEvent[] toAppend = to == instance.State
            ? [.. decided]
            : [.. decided, new WorkflowTransitioned(definition.Id, definition.Version, command.Trigger, instance.State, Entry(definition, to!, after, streamId, now, null))];
        return await AppendAsync(streamId, version, toAppend, definition, cancellationToken);
    }

    /// <summary>
    /// Moves a running instance to <paramref name="toVersion"/> of its definition, keeping its state (which must exist
    /// there) and its running deadline; recorded as <see cref="WorkflowVersionChanged"/> with the reason and the caller.
    /// </summary>
    public async Task<long> MoveToVersionAsync(string streamId, int toVersion, string reason, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var (instance, events, version) = await ReadAsync(streamId, cancellationToken);
        CheckExpected(streamId, expectedVersion, version);
        if (instance is null)
        {
            throw new ResourceNotFoundException($"No workflow runs on {streamId}.");
        }

        var target = catalog.Find(instance.WorkflowId, toVersion)
            ?? throw new DomainException(DomainError.NotFound("workflow.version-not-found", $"Workflow {instance.WorkflowId} has no version {toVersion}."));
        if (toVersion == instance.WorkflowVersion)
        {
            return version;
        }

        if (target.FindState(instance.State) is null)
        {
            throw new DomainException(DomainError.Conflict("workflow.state-missing-in-version", $"State '{instance.State}' does not exist in {instance.WorkflowId} v{toVersion}; the instance cannot move there."));
        }

        var aggregate = catalog.SubjectOfStream(streamId)?.Fold(events);
        var entry = Entry(target, instance.State, aggregate, streamId, clock.GetUtcNow(), instance);
        var moved = new WorkflowVersionChanged(instance.WorkflowId, instance.WorkflowVersion, toVersion, reason, entry);
        return await AppendAsync(streamId, version, [moved], target, cancellationToken);
    }

    private IReadOnlyList<string> Permitted(WorkflowSnapshot snapshot)
    {
        if (snapshot.CurrentState.Final)
        {
            return [];
        }

        var machine = new WorkflowMachine(snapshot.Definition, catalog.Guards, snapshot.Instance.State);
        var usesGuards = snapshot.Definition.From(snapshot.Instance.State).Any(t => t.Guard is not null);
        if (usesGuards && snapshot.Aggregate is null)
        {
            throw new InvalidOperationException($"Stream {snapshot.Instance.StreamId} has guarded transitions but no registered subject to evaluate them on.");
        }

        return machine.PermittedTriggers(new WorkflowGuardContext(snapshot.Aggregate ?? new object(), null, snapshot.Instance), caller.Roles);
    }

    private void Check(WorkflowSnapshot snapshot, string trigger)
    {
        var candidates = snapshot.Definition.From(snapshot.Instance.State).Where(t => t.Trigger == trigger).ToList();
        if (candidates.Count == 0)
        {
            throw new WorkflowTriggerNotPermittedException(snapshot.Instance.StreamId, snapshot.Instance.State, trigger, Permitted(snapshot));
        }

        if (!candidates.Any(t => t.Roles.Any(caller.IsInRole)))
        {
            var roles = candidates.SelectMany(t => t.Roles).Distinct(StringComparer.Ordinal);
            throw new ForbiddenException($"'{trigger}' in state '{snapshot.Instance.State}' may be fired by {string.Join(", ", roles)} only.");
        }
    }

    private WorkflowStateEntry Entry(WorkflowDefinition definition, string stateName, object? aggregate, string streamId, DateTimeOffset now, WorkflowInstance? keepDeadlineOf)
    {
        var state = definition.State(stateName);
        DateTimeOffset? due = null;
        if (state.Deadline is { } deadline)
        {
            due = keepDeadlineOf?.Current.DueAt ?? calendar.DueAt(now, deadline.Days, deadline.Unit);
        }

        var subject = aggregate as IWorkflowSubject;
        var assignment = state.Responsible is { } role && !state.Final ? subject?.AssignmentFor(stateName, role) : null;
        return new WorkflowStateEntry(
            stateName,
            state.Final,
            state.Final ? null : state.Responsible,
            due,
            state.Deadline?.OnExpiry,
            assignment?.Agency,
            assignment?.UserId,
            subject?.WorkflowLabel);
    }

    private async Task<(WorkflowInstance? Instance, List<IDomainEvent> Events, long Version)> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        WorkflowInstance? instance = null;
        var events = new List<IDomainEvent>();
        long version = -1;
        foreach (var recorded in await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken))
        {
            version = recorded.Version;
            if (registry.Deserialize(recorded) is not { } @event)
            {
                continue;
            }

            events.Add(@event);
            instance = WorkflowInstance.Fold(instance, streamId, @event, recorded.Version, recorded.RecordedAt);
        }

        return (instance, events, version);
    }

    private static TState Fold<TState>(IEnumerable<IDomainEvent> events)
        where TState : IAggregateState<TState> =>
        events.Aggregate(TState.Initial, (s, e) => s.Evolve(e));

    private static void CheckExpected(string streamId, long? expected, long actual)
    {
        if (expected is { } ifMatch && ifMatch != actual)
        {
            throw new WrongExpectedVersionException(streamId, ExpectedVersion.Exactly(ifMatch), actual);
        }
    }

    private async Task<long> AppendAsync(string streamId, long version, IReadOnlyList<IDomainEvent> events, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var metadata = new EventMetadata(caller.CorrelationId, caller.CausationId, caller.UserId, caller.Agency, clock.GetUtcNow(), definition.Id, definition.Version);
        var key = execution.IdempotencyKey;
        var data = events.Select((e, i) => registry.ToEventData(e, metadata, key is null ? null : DeterministicId(key, i))).ToList();
        var expected = version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(version);
        var result = await store.AppendToStreamAsync(streamId, expected, data, cancellationToken);
        return result.NextExpectedVersion;
    }

    /// <summary>The same key and index always give the same event id, so a retried timer's append is recognised as a repeat.</summary>
    public static Guid DeterministicId(string key, int index)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{key}#{index}")), hash);
        var bytes = hash[..16].ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), as laid out by Guid(byte[])
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
