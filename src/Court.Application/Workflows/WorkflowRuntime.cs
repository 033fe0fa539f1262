using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Workflows;

/// <summary>A trigger the instance's current state does not permit (and that is not already done): 409, naming the state and what is permitted.</summary>
public sealed class WorkflowTriggerNotPermittedException(string streamId, string state, LocalizedText stateTitle, string trigger, IReadOnlyList<WorkflowAction> permitted)
    : Exception($"'{trigger}' is not permitted in state '{state}' ({stateTitle.En}). Permitted now: {(permitted.Count == 0 ? "nothing" : string.Join(", ", permitted.Select(a => $"{a.Trigger} ({a.Title.En})")))}.")
{
    public string StreamId { get; } = streamId;

    public string State { get; } = state;

    public string Trigger { get; } = trigger;

    public LocalizedText StateTitle { get; } = stateTitle;

    /// <summary>The triggers the caller may fire in this state.</summary>
    public IReadOnlyList<string> Permitted { get; } = [.. permitted.Select(a => a.Trigger)];

    /// <summary>The same, with their human titles.</summary>
    public IReadOnlyList<WorkflowAction> PermittedActions { get; } = permitted;
}

/// <summary>
/// An instance with the definition version it is pinned to, the stream version it was read at, the aggregate folded
/// from the same read, and the triggers that moved it so far (for the repeat rule).
/// </summary>
public sealed record WorkflowSnapshot(WorkflowInstance Instance, WorkflowDefinition Definition, long StreamVersion, object? Aggregate, WorkflowHistory History)
{
    public StateDefinition CurrentState => Definition.State(Instance.State);
}

/// <summary>
/// What a decider knows of the step besides the aggregate: the time, the instance's pinned definition, and — when the
/// definition says it before the decision (no guard chooses) — the state the trigger leads to and when that state's
/// deadline runs out. The runtime records the same deadline in the entry, so a document printing <see cref="DueOn"/>
/// and the timer agree.
/// </summary>
public sealed record WorkflowStep(DateTimeOffset Now, WorkflowDefinition Definition, StateDefinition? To, DateTimeOffset? DueAt)
{
    /// <summary>The last day of the entered state's deadline (China date), or null when it has none.</summary>
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);

    /// <summary>The entered state's deadline, for a step whose documents print it: its state must have one in the pinned definition.</summary>
    public DateOnly RequireDueOn() => DueOn
        ?? throw new InvalidOperationException($"The step into '{To?.Name}' prints a deadline, but that state has none in {Definition.Id} v{Definition.Version}.");
}

/// <summary>What a caller may do with an instance now.</summary>
public sealed record WorkflowActions(string StreamId, string WorkflowId, int WorkflowVersion, string State, LocalizedText StateTitle, DateTimeOffset? DueAt, bool IsFinal, long StreamVersion, IReadOnlyList<WorkflowAction> Actions)
{
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);
}

public sealed record WorkflowAction(string Trigger, LocalizedText Title, string To, LocalizedText ToTitle);

/// <summary>The triggers that moved an instance (transitions that changed state), and the one that entered the current state.</summary>
public sealed record WorkflowHistory(IReadOnlySet<string> Moved, string? EnteredBy)
{
    public static WorkflowHistory Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>
    /// The repeat rule for a trigger the current state does not permit: it is already satisfied when it entered the
    /// current state, or when it moved the instance before and the instance has not ended. Otherwise it is impossible.
    /// </summary>
    public bool Satisfies(string trigger, bool isFinal) => EnteredBy == trigger || (!isFinal && Moved.Contains(trigger));
}

/// <summary>
/// Runs the definitions over aggregates' streams — the one command path: load the aggregate and its instance, check
/// the trigger against the pinned definition (state, roles, the repeat rule), let the pure decider decide, work out
/// the transition (guards on the result) and append the events with the transition in one append. Deadlines are
/// computed here, once, when a state is entered, from the pinned version on the working-day calendar.
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
    /// <summary>An id for a new thing: derived from the idempotency key when there is one, so a retry mints the same.</summary>
    public Guid NewId() => execution.NewId();

    /// <summary>Reads a stream: the instance, its pinned definition and (when the subject is registered) the aggregate. Null: no workflow runs there.</summary>
    public async Task<WorkflowSnapshot?> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(streamId, cancellationToken);
        return read.Instance is null ? null : Snapshot(read, catalog.SubjectOfStream(streamId)?.Fold(read.Events));
    }

    /// <summary>The caller's permitted triggers on the instance now (what the UI shows as buttons). Null: no instance.</summary>
    public async Task<WorkflowActions?> GetActionsAsync(string streamId, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(streamId, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var state = snapshot.CurrentState;
        return new WorkflowActions(streamId, snapshot.Definition.Id, snapshot.Definition.Version, state.Name, state.Title, snapshot.Instance.Current.DueAt, state.Final, snapshot.StreamVersion, Permitted(snapshot));
    }

    /// <summary>
    /// The last day of the deadline <paramref name="trigger"/> would start if fired now on <paramref name="snapshot"/>
    /// (for a draft of the documents it prints): the same computation, on the same pinned definition, as the step's.
    /// Null when the trigger leads nowhere certain from here or the state it enters has no deadline.
    /// </summary>
    public DateOnly? DueOnIfFired(WorkflowSnapshot snapshot, string trigger)
    {
        var targets = snapshot.Definition.From(snapshot.Instance.State).Where(t => t.Trigger == trigger).Select(t => t.To).Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count != 1)
        {
            return null;
        }

        var target = snapshot.Definition.State(targets[0]);
        return new WorkflowStep(clock.GetUtcNow(), snapshot.Definition, target, DueAt(target, clock.GetUtcNow(), target.Name == snapshot.Instance.State ? snapshot.Instance : null)).DueOn;
    }

    /// <summary>
    /// The pipeline's early check for a workflow command (before validation): 404 when no instance runs on the
    /// stream, 403 when the current state has the trigger but the caller holds none of its roles. Whether the
    /// trigger is permitted at all is decided, atomically with the append, by <see cref="ExecuteAsync{TState}(IWorkflowCommand{TState}, Func{TState, WorkflowStep, Decision}, CancellationToken)"/>.
    /// </summary>
    public async Task EnsureMayFireAsync(IWorkflowCommand command, CancellationToken cancellationToken = default)
    {
        var snapshot = await LoadAsync(command.WorkflowStreamId, cancellationToken);
        if (snapshot is null && command.MayStartWorkflow)
        {
            var trigger = IWorkflowCommand.TriggerOf(command.GetType());
            var roles = StartRoles(command.WorkflowStreamId, trigger);
            if (!roles.Any(caller.IsInRole))
            {
                throw new ForbiddenException($"'{trigger}' may be sent by {string.Join(", ", roles)} only.");
            }

            return;
        }

        if (snapshot is null && command.WhenNoWorkflow is { } error)
        {
            throw new DomainException(error);
        }

        CheckRoles(snapshot ?? throw new ResourceNotFoundException($"No workflow runs on {command.WorkflowStreamId}."), IWorkflowCommand.TriggerOf(command.GetType()));
    }

    /// <summary>
    /// Whether the caller's roles may start the process on <paramref name="streamId"/> with <typeparamref name="TCommand"/>
    /// (no instance runs yet): the roles of its trigger in the definition it would pin. What the UI offers before an instance exists.
    /// </summary>
    public bool MayStartWith<TCommand>(string streamId)
        where TCommand : IWorkflowCommand => StartRoles(streamId, IWorkflowCommand.TriggerOf(typeof(TCommand))).Any(caller.IsInRole);

    /// <summary>Nothing is pinned yet: the roles of the trigger in the latest definition of the stream's subject, the one it will start.</summary>
    private List<string> StartRoles(string streamId, string trigger)
    {
        var subject = catalog.SubjectOfStream(streamId)?.Subject;
        return catalog.All.Where(d => d.Subject == subject).GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!)
            .SelectMany(d => d.Transitions).Where(t => t.Trigger == trigger).SelectMany(t => t.Roles).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// For a handler whose decider finds <paramref name="command"/> already satisfied before the runtime is asked (a
    /// start command repeated on a running instance): the repeat rule's role check, then the stream version.
    /// </summary>
    public async Task<long> SatisfiedAsync(IWorkflowCommand command, CancellationToken cancellationToken = default)
    {
        var snapshot = await LoadAsync(command.WorkflowStreamId, cancellationToken)
            ?? throw new ResourceNotFoundException($"No workflow runs on {command.WorkflowStreamId}.");
        CheckRoles(snapshot, IWorkflowCommand.TriggerOf(command.GetType()), anywhere: true);
        return snapshot.StreamVersion;
    }

    /// <summary>
    /// Starts the latest version of <paramref name="workflowId"/> on the aggregate <paramref name="id"/>: appends the
    /// decision's events and <see cref="WorkflowStarted"/> (entering the initial state) together. The decider reads
    /// the definition it is about to pin (its named periods, the initial state's deadline). Returns the stream version.
    /// </summary>
    public Task<long> StartAsync<TState>(string workflowId, string id, Func<TState, WorkflowStep, Decision> decide, long? expectedVersion = null, CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState> => StartAsync(workflowId, id, decide, expectedVersion, null, cancellationToken);

    /// <summary>
    /// <see cref="StartAsync{TState}(string, string, Func{TState, WorkflowStep, Decision}, long?, CancellationToken)"/> for a
    /// process whose first deadline runs from a day that may lie before today (a notice published the day before it is
    /// recorded): the initial state's deadline is counted from <paramref name="deadlineFrom"/> instead of now.
    /// </summary>
    public Task<long> StartCountingFromAsync<TState>(string workflowId, string id, DateTimeOffset deadlineFrom, Func<TState, WorkflowStep, Decision> decide, CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState> => StartAsync(workflowId, id, decide, null, deadlineFrom, cancellationToken);

    private async Task<long> StartAsync<TState>(string workflowId, string id, Func<TState, WorkflowStep, Decision> decide, long? expectedVersion, DateTimeOffset? deadlineFrom, CancellationToken cancellationToken)
        where TState : IAggregateState<TState>
    {
        var definition = catalog.Latest(workflowId) ?? throw new InvalidOperationException($"No workflow definition '{workflowId}' is loaded.");
        var streamId = AggregateStore.StreamIdOf<TState>(id);
        var read = await ReadAsync(streamId, cancellationToken);
        CheckExpected(streamId, expectedVersion, read.Version);
        if (read.Instance is not null)
        {
            throw new DomainException(DomainError.Conflict("workflow.already-started", $"Workflow {read.Instance.WorkflowId} already runs on {streamId} (state '{read.Instance.State}')."));
        }

        var state = Fold<TState>(read.Events);
        var now = clock.GetUtcNow();
        var initial = definition.State(definition.InitialState);
        var decided = decide(state, new WorkflowStep(now, definition, initial, DueAt(initial, deadlineFrom ?? now, null))).ThrowIfError();
        var after = decided.Aggregate(state, (s, e) => s.Evolve(e));
        var started = new WorkflowStarted(definition.Id, definition.Version, Entry(definition, definition.InitialState, after, now, null, deadlineFrom));
        return await AppendAsync(streamId, read.Version, [.. decided, started], definition, cancellationToken);
    }

    /// <summary>
    /// Runs a workflow command — the one command path. Reads the stream once; a stale If-Match is 412, no instance 404.
    /// A trigger the current state does not permit is satisfied (nothing appended) or impossible (409 naming the state
    /// and the permitted actions) by <see cref="WorkflowHistory.Satisfies"/>; a caller holding none of the
    /// transition's roles is 403. Then <paramref name="decide"/> (pure, on the aggregate's data) gives the events or a
    /// domain error; no events: already satisfied. The guards see the aggregate after the events and pick the
    /// transition; events and transition are appended together. Returns the stream version.
    /// </summary>
    public Task<long> ExecuteAsync<TState>(IWorkflowCommand<TState> command, Func<TState, WorkflowStep, Decision> decide, CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState> =>
        FireAsync(command.WorkflowStreamId, IWorkflowCommand.TriggerOf(command.GetType()), command, decide, command.IfMatch, cancellationToken);

    private async Task<long> FireAsync<TState>(string streamId, string trigger, object? command, Func<TState, WorkflowStep, Decision> decide, long? expectedVersion, CancellationToken cancellationToken)
        where TState : IAggregateState<TState>
    {
        var read = await ReadAsync(streamId, cancellationToken);
        CheckExpected(streamId, expectedVersion, read.Version);
        if (read.Instance is null)
        {
            throw new ResourceNotFoundException($"No workflow runs on {streamId}.");
        }

        var state = Fold<TState>(read.Events);
        var snapshot = Snapshot(read, state);
        var instance = snapshot.Instance;
        var definition = snapshot.Definition;
        if (!definition.From(instance.State).Any(t => t.Trigger == trigger))
        {
            if (snapshot.History.Satisfies(trigger, snapshot.CurrentState.Final))
            {
                CheckRoles(snapshot, trigger, anywhere: true);
            }

            return snapshot.History.Satisfies(trigger, snapshot.CurrentState.Final)
                ? read.Version
                : throw new WorkflowTriggerNotPermittedException(streamId, instance.State, snapshot.CurrentState.Title, trigger, Permitted(snapshot));
        }

        CheckRoles(snapshot, trigger);
        var now = clock.GetUtcNow();
        var targets = definition.From(instance.State).Where(t => t.Trigger == trigger).Select(t => t.To).Distinct(StringComparer.Ordinal).ToList();
        var target = targets.Count == 1 ? definition.State(targets[0]) : null;
        var decided = decide(state, new WorkflowStep(now, definition, target, target is null ? null : DueAt(target, now, target.Name == instance.State ? instance : null))).ThrowIfError();
        if (decided.Count == 0)
        {
            return read.Version;
        }

        var after = decided.Aggregate(state, (s, e) => s.Evolve(e));
        var machine = new WorkflowMachine(definition, catalog.Guards, instance.State);
        var (to, error) = machine.Fire(trigger, new WorkflowGuardContext(after, command, instance));
        if (error is not null)
        {
            throw new DomainException(error);
        }

        IDomainEvent[] toAppend = to == instance.State
            ? [.. decided]
            : [.. decided, new WorkflowTransitioned(definition.Id, definition.Version, trigger, instance.State, Entry(definition, to!, after, now, null))];
        return await AppendAsync(streamId, read.Version, toAppend, definition, cancellationToken);
    }

    /// <summary>
    /// Moves a running instance to <paramref name="toVersion"/> of its definition, keeping its state (which must exist
    /// there) and its running deadline; recorded as <see cref="WorkflowVersionChanged"/> with the reason and the caller.
    /// </summary>
    public async Task<long> MoveToVersionAsync(string streamId, int toVersion, string reason, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(streamId, cancellationToken);
        CheckExpected(streamId, expectedVersion, read.Version);
        if (read.Instance is not { } instance)
        {
            throw new ResourceNotFoundException($"No workflow runs on {streamId}.");
        }

        var target = catalog.Find(instance.WorkflowId, toVersion)
            ?? throw new DomainException(DomainError.NotFound("workflow.version-not-found", $"Workflow {instance.WorkflowId} has no version {toVersion}."));
        if (toVersion == instance.WorkflowVersion)
        {
            return read.Version;
        }

        if (target.FindState(instance.State) is null)
        {
            throw new DomainException(DomainError.Conflict("workflow.state-missing-in-version", $"State '{instance.State}' does not exist in {instance.WorkflowId} v{toVersion}; the instance cannot move there."));
        }

        var aggregate = catalog.SubjectOfStream(streamId)?.Fold(read.Events);
        var entry = Entry(target, instance.State, aggregate, clock.GetUtcNow(), instance);
        var moved = new WorkflowVersionChanged(instance.WorkflowId, instance.WorkflowVersion, toVersion, reason, entry);
        return await AppendAsync(streamId, read.Version, [moved], target, cancellationToken);
    }

    private WorkflowSnapshot Snapshot(StreamRead read, object? aggregate)
    {
        var instance = read.Instance!;
        var definition = catalog.Find(instance.WorkflowId, instance.WorkflowVersion)
            ?? throw new InvalidOperationException($"Stream {instance.StreamId} runs workflow {instance.WorkflowId} v{instance.WorkflowVersion}, which is not loaded: a definition version must never be removed while instances use it.");
        return new WorkflowSnapshot(instance, definition, read.Version, aggregate, read.History);
    }

    private List<WorkflowAction> Permitted(WorkflowSnapshot snapshot)
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

        return [.. machine.PermittedTransitions(new WorkflowGuardContext(snapshot.Aggregate ?? new object(), null, snapshot.Instance), caller.Roles)
            .Select(t => new WorkflowAction(t.Trigger, t.Title, t.To, snapshot.Definition.State(t.To).Title))];
    }

    /// <param name="anywhere">For a satisfied repeat: the trigger's roles anywhere in the pinned definition decide, so a
    /// repeat never answers 200 to a caller who could not have fired it.</param>
    private void CheckRoles(WorkflowSnapshot snapshot, string trigger, bool anywhere = false)
    {
        var candidates = snapshot.Definition.From(snapshot.Instance.State).Where(t => t.Trigger == trigger).ToList();
        if (candidates.Count == 0 && anywhere)
        {
            candidates = [.. snapshot.Definition.Transitions.Where(t => t.Trigger == trigger)];
        }

        if (candidates.Count > 0 && !candidates.Any(t => t.Roles.Any(caller.IsInRole)))
        {
            var roles = candidates.SelectMany(t => t.Roles).Distinct(StringComparer.Ordinal);
            throw new ForbiddenException($"'{trigger}' in state '{snapshot.Instance.State}' may be fired by {string.Join(", ", roles)} only.");
        }
    }

    /// <summary>When <paramref name="state"/>'s deadline runs out if entered now (or the running one it keeps): the one place a deadline is computed.</summary>
    private DateTimeOffset? DueAt(StateDefinition state, DateTimeOffset now, WorkflowInstance? keepDeadlineOf) =>
        state.Deadline is { } deadline ? keepDeadlineOf?.Current.DueAt ?? calendar.DueAt(now, deadline.Days, deadline.Unit) : null;

    /// <summary>Entering <paramref name="stateName"/> of the pinned <paramref name="definition"/> now.</summary>
    private WorkflowStateEntry Entry(WorkflowDefinition definition, string stateName, object? aggregate, DateTimeOffset now, WorkflowInstance? keepDeadlineOf, DateTimeOffset? deadlineFrom = null)
    {
        var state = definition.State(stateName);
        var due = DueAt(state, deadlineFrom ?? now, keepDeadlineOf);

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
            subject?.WorkflowLabel,
            subject?.TaskSubject);
    }

    private sealed record StreamRead(WorkflowInstance? Instance, List<IDomainEvent> Events, long Version, WorkflowHistory History);

    private async Task<StreamRead> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        WorkflowInstance? instance = null;
        var events = new List<IDomainEvent>();
        var moved = new HashSet<string>(StringComparer.Ordinal);
        string? enteredBy = null;
        long version = -1;
        var boundary = execution.ReplayBoundary(streamId);
        foreach (var recorded in await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken))
        {
            if (recorded.EventId == boundary)
            {
                break;
            }

            version = recorded.Version;
            var @event = registry.DeserializeKnown(recorded);
            events.Add(@event);
            instance = WorkflowInstance.Fold(instance, streamId, @event, recorded.Version, recorded.RecordedAt);
            switch (@event)
            {
                case WorkflowTransitioned t:
                    moved.Add(t.Trigger);
                    enteredBy = t.Trigger;
                    break;
                case WorkflowStarted:
                    enteredBy = null;
                    break;
            }
        }

        return new StreamRead(instance, events, version, new WorkflowHistory(moved, enteredBy));
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
        var ids = execution.NextAppend(streamId);
        var data = events.Select((e, i) => registry.ToEventData(e, metadata, ids(i))).ToList();
        var expected = version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(version);
        var result = await store.AppendToStreamAsync(streamId, expected, data, cancellationToken);
        execution.Appended(result.LastPosition);
        return result.NextExpectedVersion;
    }
}
