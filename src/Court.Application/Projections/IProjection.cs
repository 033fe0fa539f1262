using Court.Application.EventStore;
using Court.Domain.Common;

namespace Court.Application.Projections;

public enum ProjectionMode
{
    /// <summary>Updated in the append's own transaction: the writer reads her own write at once.</summary>
    Inline,

    /// <summary>Follows the global log from a checkpoint stored in the same transaction as its documents.</summary>
    Async,
}

/// <summary>An event with what a projection needs beside it: where it sits and who caused it when.</summary>
public sealed record EventEnvelope(RecordedEvent Recorded, IDomainEvent Event, EventMetadata Metadata)
{
    public string StreamId => Recorded.StreamId;

    public long Version => Recorded.Version;

    public long Position => Recorded.Position;
}

/// <summary>
/// A read model builder. Deterministic (time comes from metadata), and rebuildable from the log:
/// a rebuild deletes every document the projection owns and replays all events.
/// </summary>
public interface IProjection
{
    /// <summary>Stable name: the checkpoint key and the owner of its documents.</summary>
    string Name { get; }

    ProjectionMode Mode { get; }

    bool Handles(IDomainEvent @event);

    ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken);
}
