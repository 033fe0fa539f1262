using Court.Application.Projections;
using Court.Domain.Common;

namespace Court.Application.Tests.EventStore;

// A small test-only aggregate, its events and projections: enough to prove the store without any real slice.

[EventType("test.counter-opened.v1")]
public sealed record CounterOpened(string Name) : IDomainEvent;

/// <summary><paramref name="Tag"/> groups the events of one test run for the counting projection.</summary>
[EventType("test.counter-incremented.v1")]
public sealed record CounterIncremented(int By, string? Tag = null) : IDomainEvent;

/// <summary>Makes the gate projection hold the writer inside its batch until the test releases it.</summary>
[EventType("test.gate-reached.v1")]
public sealed record GateReached : IDomainEvent;

public sealed record Counter(bool Opened, int Value) : IAggregateState<Counter>
{
    public static Counter Initial { get; } = new(false, 0);

    public static string StreamPrefix => "counter-";

    public Counter Evolve(IDomainEvent @event) => @event switch
    {
        CounterOpened => this with { Opened = true },
        CounterIncremented i => this with { Value = Value + i.By },
        _ => this,
    };
}

[Court.Application.Projections.Collection("test-counter-summaries")]
public sealed record CounterSummary(string Id, int Value, long Version);

/// <summary>Inline: one document per stream with the running total.</summary>
public sealed class CounterSummaryProjection : IProjection
{
    public string Name => "test-counter-summary";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is CounterIncremented;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var by = ((CounterIncremented)envelope.Event).By;
        var current = await session.LoadAsync<CounterSummary>(envelope.StreamId, cancellationToken);
        session.Store(envelope.StreamId, new CounterSummary(envelope.StreamId, (current?.Value ?? 0) + by, envelope.Version), partition: "counters");
    }
}

/// <summary>Inline, and fails on an increment by -1, after writing a document that must not survive.</summary>
public sealed class FailingProjection : IProjection
{
    public const int Poison = -1;

    public string Name => "test-failing";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is CounterIncremented;

    public ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(envelope.StreamId, new FailingMark(envelope.StreamId));
        return ((CounterIncremented)envelope.Event).By == Poison
            ? throw new InvalidOperationException("The failing projection refuses an increment by -1.")
            : ValueTask.CompletedTask;
    }
}

[Court.Application.Projections.Collection("test-failing-marks")]
public sealed record FailingMark(string Id);

[Court.Application.Projections.Collection("test-event-counts")]
public sealed record EventCount(string Id, long Count, long LastPosition, long Reapplied);

/// <summary>Async: counts increments per tag, and notices any event it is given twice or out of order.</summary>
public sealed class EventCountProjection : IProjection
{
    public string Name => "test-event-count";

    public ProjectionMode Mode => ProjectionMode.Async;

    public bool Handles(IDomainEvent @event) => @event is CounterIncremented { Tag: not null };

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var tag = ((CounterIncremented)envelope.Event).Tag!;
        var count = await session.LoadAsync<EventCount>(tag, cancellationToken) ?? new EventCount(tag, 0, 0, 0);
        session.Store(tag, count with
        {
            Count = count.Count + 1,
            LastPosition = envelope.Position,
            Reapplied = count.Reapplied + (envelope.Position <= count.LastPosition ? 1 : 0),
        });
    }
}

/// <summary>Inline: when it meets <see cref="GateReached"/>, holds the single writer until <see cref="Release"/> is completed.</summary>
public sealed class GateProjection : IProjection
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test-gate";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is GateReached;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await Release.Task;
    }
}
