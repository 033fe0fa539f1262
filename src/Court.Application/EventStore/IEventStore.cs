namespace Court.Application.EventStore;

/// <summary>
/// The event store port, shaped like EventStore.Client's EventStoreClient so a KurrentDB adapter can stand in later.
/// Appends are atomic per call and acknowledged only once durable.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> if the stream satisfies <paramref name="expected"/>; otherwise throws
    /// <see cref="WrongExpectedVersionException"/>. Re-appending events whose ids are already stored at the same
    /// place succeeds without writing (EventStoreDB's idempotence); an id stored elsewhere throws
    /// <see cref="DuplicateEventIdException"/>.
    /// </summary>
    Task<AppendResult> AppendToStreamAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Reads one stream from <paramref name="fromVersion"/> (inclusive; for backwards, <c>long.MaxValue</c> means the end). A missing or deleted stream reads as empty.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forwards, long fromVersion = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Reads the global log after <paramref name="afterPosition"/> (exclusive), in position order. Deleted streams' events are included: the log is the archive.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The stream's last version, or -1 when it does not exist (or was deleted and not written since).</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Soft delete: the stream reads as empty; appending to it again continues its versions, as in EventStoreDB. Events stay in the log.</summary>
    Task DeleteStreamAsync(string streamId, ExpectedVersion expected, CancellationToken cancellationToken = default);

    /// <summary>Walks one stream's hash chain, or the whole log when <paramref name="streamId"/> is null, and reports the first broken link.</summary>
    Task<VerificationReport> VerifyAsync(string? streamId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks one stream's hash chain, or the whole log when <paramref name="streamId"/> is null, on one snapshot; a
    /// broken stream is reported once, at its first break, and the walk goes on with the others.
    /// </summary>
    Task<LogVerification> VerifyStreamsAsync(string? streamId = null, IProgress<VerificationProgress>? progress = null, CancellationToken cancellationToken = default);
}
