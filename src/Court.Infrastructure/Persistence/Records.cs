namespace Court.Infrastructure.Persistence;

/// <summary>A row of the events table: the log. Written only by <see cref="EventStore.SqlEventStore"/>, never updated.</summary>
public sealed class EventRecord
{
    public long Position { get; set; }

    public required string StreamId { get; set; }

    public long Version { get; set; }

    public Guid EventId { get; set; }

    public required string Type { get; set; }

    public required string Data { get; set; }

    public required string Metadata { get; set; }

    /// <summary>Unix milliseconds, UTC: sortable on both providers.</summary>
    public long RecordedAt { get; set; }

    public required string Hash { get; set; }
}

/// <summary>One row per stream: its last version and hash (the chain's head), and soft-delete state.</summary>
public sealed class StreamRecord
{
    public required string StreamId { get; set; }

    public long Version { get; set; }

    public required string LastHash { get; set; }

    /// <summary>Versions below this are hidden from stream reads (soft delete).</summary>
    public long TruncateBefore { get; set; }

    public bool Deleted { get; set; }
}

/// <summary>A read-model document. The projection that owns it deletes all its documents on rebuild.</summary>
public sealed class DocumentRecord
{
    public required string Collection { get; set; }

    public required string Id { get; set; }

    public string? Partition { get; set; }

    public required string Projection { get; set; }

    public required string Data { get; set; }

    public long Position { get; set; }
}

/// <summary>
/// A value a listed document is sorted or filtered by (<c>IListed</c>), with the document's partition copied beside it
/// so that a page of one partition is one index range (decision 0120).
/// </summary>
public sealed class DocumentKeyRecord
{
    public required string Collection { get; set; }

    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Value { get; set; }

    public string? Partition { get; set; }
}

public sealed class ProjectionCheckpointRecord
{
    public required string Name { get; set; }

    public long Position { get; set; }
}

/// <summary>A stored response for an Idempotency-Key: replayed for the same body, refused for another.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    /// <summary>0 while the first request is still running.</summary>
    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>The running request that holds the key (a random id per run); it alone may store or free it.</summary>
    public string? Holder { get; set; }

    /// <summary>Unix milliseconds until which the holder's claim stands; a holder that died stops renewing it.</summary>
    public long LeaseUntil { get; set; }
}

public enum TimerStatus
{
    Pending = 0,
    Fired = 1,
    Cancelled = 2,
}

/// <summary>A durable workflow deadline: when it is due, the expiry trigger fires once as a command.</summary>
public sealed class TimerRecord
{
    /// <summary>Deterministic (stream + state + entry version), so recording it twice is harmless.</summary>
    public required string Id { get; set; }

    public required string StreamId { get; set; }

    public required string WorkflowId { get; set; }

    public int WorkflowVersion { get; set; }

    public required string State { get; set; }

    public required string Trigger { get; set; }

    public long DueAt { get; set; }

    public TimerStatus Status { get; set; }

    public string? ClaimedBy { get; set; }

    public long ClaimedUntil { get; set; }

    public long? FiredAt { get; set; }
}

/// <summary>A secret every node must share (token signing key, data-protection keys, document verification key), kept in the database on PostgreSQL.</summary>
public sealed class SharedKeyRecord
{
    public required string Name { get; set; }

    public required string Value { get; set; }

    public long CreatedAt { get; set; }
}
