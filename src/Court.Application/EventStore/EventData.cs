namespace Court.Application.EventStore;

/// <summary>An event to append: its id (the idempotency key), stable type name, and UTF-8 JSON data and metadata.</summary>
public sealed record EventData(Guid EventId, string Type, string Data, string Metadata);

/// <summary>An event as stored. <paramref name="Position"/> is the global log position; <paramref name="Version"/> the 0-based place in its stream.</summary>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    string Data,
    string Metadata,
    DateTimeOffset RecordedAt,
    string Hash);

/// <summary>The result of an append: the stream's version after it and the global position of its last event.</summary>
public sealed record AppendResult(long NextExpectedVersion, long LastPosition, bool WasIdempotentReplay);

public enum ReadDirection
{
    Forwards,
    Backwards,
}

/// <summary>The first place where the hash chain does not hold, or none.</summary>
public sealed record VerificationReport(long EventsChecked, long StreamsChecked, BrokenLink? FirstBrokenLink)
{
    public bool IsIntact => FirstBrokenLink is null;
}

public sealed record BrokenLink(string StreamId, long Version, long Position, string Reason);

/// <summary>The whole log checked: every stream's first break (in log order, head mismatches after), or none.</summary>
public sealed record LogVerification(long EventsChecked, long StreamsChecked, IReadOnlyList<BrokenLink> Breaks)
{
    public bool IsIntact => Breaks.Count == 0;
}

/// <summary>How far a verification has come: events checked of those in the log when it started.</summary>
public readonly record struct VerificationProgress(long EventsChecked, long EventsTotal);
