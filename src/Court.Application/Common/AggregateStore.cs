using Court.Application.EventStore;
using Court.Domain.Common;

namespace Court.Application.Common;

/// <summary>A loaded aggregate: its folded state and the stream version it was folded from (-1: new stream).</summary>
public sealed record Loaded<TState>(string StreamId, TState State, long Version)
{
    public bool Exists => Version >= 0;
}

/// <summary>Loads aggregates by folding their streams, and appends a decision's events with the caller's metadata.</summary>
public sealed class AggregateStore(IEventStore store, EventTypeRegistry registry, ICallerContext caller, TimeProvider clock, Workflows.WorkflowExecution execution)
{
    public TimeProvider Clock => clock;

    /// <summary>An id for a new thing: derived from the idempotency key when there is one, so a retry mints the same.</summary>
    public Guid NewId() => execution.NewId();

    public static string StreamIdOf<TState>(string id)
        where TState : IAggregateState<TState> => TState.StreamPrefix + id;

    public async Task<Loaded<TState>> LoadAsync<TState>(string id, CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState>
    {
        var streamId = StreamIdOf<TState>(id);
        var state = TState.Initial;
        long version = -1;
        var boundary = execution.ReplayBoundary(streamId);
        foreach (var recorded in await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken))
        {
            if (recorded.EventId == boundary)
            {
                break;
            }

            state = state.Evolve(registry.DeserializeKnown(recorded));

            version = recorded.Version;
        }

        return new Loaded<TState>(streamId, state, version);
    }

    /// <summary>
    /// Loads, decides and appends at the version it loaded (or <paramref name="expectedVersion"/> when the client
    /// sent If-Match). A decision error becomes a <see cref="DomainException"/>. Returns the stream's new version.
    /// </summary>
    public async Task<long> ExecuteAsync<TState>(
        string id,
        Func<TState, DateTimeOffset, Decision> decide,
        long? expectedVersion = null,
        WorkflowTag? workflow = null,
        CancellationToken cancellationToken = default)
        where TState : IAggregateState<TState>
    {
        var loaded = await LoadAsync<TState>(id, cancellationToken);
        if (expectedVersion is { } ifMatch && ifMatch != loaded.Version)
        {
            throw new WrongExpectedVersionException(loaded.StreamId, ExpectedVersion.Exactly(ifMatch), loaded.Version);
        }

        var events = decide(loaded.State, clock.GetUtcNow()).ThrowIfError();
        if (events.Count == 0)
        {
            return loaded.Version;
        }

        var expected = loaded.Version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(loaded.Version);
        var result = await AppendAsync(loaded.StreamId, expected, events, workflow, cancellationToken);
        return result.NextExpectedVersion;
    }

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<IDomainEvent> events, WorkflowTag? workflow = null, CancellationToken cancellationToken = default)
    {
        var metadata = new EventMetadata(
            caller.CorrelationId,
            caller.CausationId,
            caller.UserId,
            caller.Agency,
            clock.GetUtcNow(),
            workflow?.Id,
            workflow?.Version);
        var ids = execution.NextAppend(streamId);
        var data = events.Select((e, i) => registry.ToEventData(e, metadata, ids(i))).ToList();
        var result = await store.AppendToStreamAsync(streamId, expected, data, cancellationToken);
        execution.Appended(result.LastPosition);
        return result;
    }
}

/// <summary>The workflow definition an event was written under.</summary>
public sealed record WorkflowTag(string Id, int Version);
