using System.Data.Common;
using System.Threading.Channels;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// The event store on SQLite or PostgreSQL. All writes go through one writer per process that batches concurrent
/// appends into one transaction (group commit): each append runs in its own savepoint, so a conflicting append fails
/// only its caller, and every caller is acknowledged only after the batch has committed durably. Inline projections
/// run inside the same savepoint, so a read model never disagrees with the log.
/// </summary>
public sealed partial class SqlEventStore : IEventStore, IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly ConnectionFactory connections;
    private readonly TimeProvider clock;
    private readonly EventTypeRegistry registry;
    private readonly IProjection[] inlineProjections;
    private readonly AppendNotifier notifier;
    private readonly ILogger<SqlEventStore> logger;
    private readonly Channel<WriteRequest> requests = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private long committedBatches;

    public SqlEventStore(ConnectionFactory connections, TimeProvider clock, EventTypeRegistry registry, IEnumerable<IProjection> projections, AppendNotifier notifier, ILogger<SqlEventStore> logger)
    {
        this.connections = connections;
        this.clock = clock;
        this.registry = registry;
        this.notifier = notifier;
        this.logger = logger;
        inlineProjections = [.. projections.Where(p => p.Mode == ProjectionMode.Inline)];
        writer = Task.Run(RunWriterAsync);
    }

    /// <summary>How many write batches have committed since start-up (each is one transaction, one durable flush).</summary>
    public long CommittedBatches => Interlocked.Read(ref committedBatches);

    public Task<AppendResult> AppendToStreamAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 1 && events.Select(e => e.EventId).Distinct().Count() != events.Count)
        {
            throw new ArgumentException("The same event id appears twice in one append.", nameof(events));
        }

        var request = new WriteRequest(streamId, expected, events, false);
        return Enqueue(request, cancellationToken);
    }

    public Task DeleteStreamAsync(string streamId, ExpectedVersion expected, CancellationToken cancellationToken = default) =>
        Enqueue(new WriteRequest(streamId, expected, [], true), cancellationToken);

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forwards, long fromVersion = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = direction == ReadDirection.Forwards
            ? """
              SELECT e.position, e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.hash
              FROM events e JOIN streams s ON s.stream_id = e.stream_id
              WHERE e.stream_id = @s AND e.version >= @from AND e.version >= s.truncate_before
              ORDER BY e.version LIMIT @n
              """
            : """
              SELECT e.position, e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.hash
              FROM events e JOIN streams s ON s.stream_id = e.stream_id
              WHERE e.stream_id = @s AND e.version <= @from AND e.version >= s.truncate_before
              ORDER BY e.version DESC LIMIT @n
              """;
        await using var command = connection.Command(null, sql).With("@s", streamId).With("@from", fromVersion).With("@n", (long)maxCount);
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            null,
            """
            SELECT position, stream_id, version, event_id, type, data, metadata, recorded_at, hash
            FROM events WHERE position > @p ORDER BY position LIMIT @n
            """).With("@p", afterPosition).With("@n", (long)maxCount);
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var head = await ReadHeadAsync(connection, null, streamId, cancellationToken);
        return head.EffectiveVersion;
    }

    public async Task<VerificationReport> VerifyAsync(string? streamId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);

        // One snapshot for the walk and the heads: appends running meanwhile must not look like removed events.
        await using var snapshot = await SqlDialect.BeginSnapshotAsync(connection, cancellationToken);
        var chains = new Dictionary<string, (string Hash, long Version)>(StringComparer.Ordinal);
        long checkedEvents = 0;
        long after = 0;
        while (true)
        {
            var sql = streamId is null
                ? "SELECT position, stream_id, version, event_id, type, data, metadata, recorded_at, hash FROM events WHERE position > @p ORDER BY position LIMIT 5000"
                : "SELECT position, stream_id, version, event_id, type, data, metadata, recorded_at, hash FROM events WHERE position > @p AND stream_id = @s ORDER BY position LIMIT 5000";
            await using var command = connection.Command(snapshot, sql).With("@p", after);
            if (streamId is not null)
            {
                command.With("@s", streamId);
            }

            var page = await ReadEventsAsync(command, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page)
            {
                checkedEvents++;
                var (previousHash, previousVersion) = chains.GetValueOrDefault(e.StreamId, ("", -1));
                if (e.Version != previousVersion + 1)
                {
                    return new VerificationReport(checkedEvents, chains.Count, new BrokenLink(e.StreamId, e.Version, e.Position, $"expected version {previousVersion + 1}: an event is missing or out of place"));
                }

                var expected = EventHash.Compute(previousHash, e.StreamId, e.Version, e.EventId, e.Type, e.RecordedAt.ToUnixTimeMilliseconds(), e.Data, e.Metadata);
                if (!string.Equals(expected, e.Hash, StringComparison.Ordinal))
                {
                    return new VerificationReport(checkedEvents, chains.Count, new BrokenLink(e.StreamId, e.Version, e.Position, "the stored event does not match its hash: it was altered"));
                }

                chains[e.StreamId] = (e.Hash, e.Version);
            }

            after = page[^1].Position;
        }

        // Every stream head must match the end of its chain, or a stream's last events (or all of them) could be
        // cut off unnoticed.
        await using (var heads = connection.Command(snapshot, streamId is null
            ? "SELECT stream_id, version, last_hash FROM streams ORDER BY stream_id"
            : "SELECT stream_id, version, last_hash FROM streams WHERE stream_id = @s"))
        {
            if (streamId is not null)
            {
                heads.With("@s", streamId);
            }

            var headed = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await heads.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, headVersion, headHash) = (reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
                headed.Add(id);
                var (hash, version) = chains.GetValueOrDefault(id, ("", -1));
                if (headVersion != version || !string.Equals(headHash, hash, StringComparison.Ordinal))
                {
                    return new VerificationReport(checkedEvents, chains.Count, new BrokenLink(id, version + 1, -1, $"the stream head says version {headVersion} but the log ends at {version}: events were removed"));
                }
            }

            if (chains.Keys.FirstOrDefault(id => !headed.Contains(id)) is { } orphan)
            {
                return new VerificationReport(checkedEvents, chains.Count, new BrokenLink(orphan, chains[orphan].Version, -1, "the log has events for a stream whose head is gone"));
            }
        }

        return new VerificationReport(checkedEvents, chains.Count, null);
    }

    public async ValueTask DisposeAsync()
    {
        requests.Writer.TryComplete();
        await writer;
    }

    private async Task<AppendResult> Enqueue(WriteRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqlEventStore), "The event store is shutting down.");
        }

        // The caller may stop waiting, but the append itself is not withdrawn once queued: its outcome is decided by the batch.
        return await request.Completion.Task.WaitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new RecordedEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.GetString(8)));
        }

        return events;
    }

    private static async Task<StreamHead> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, string streamId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT version, last_hash, truncate_before, deleted FROM streams WHERE stream_id = @s").With("@s", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StreamHead(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3))
            : StreamHead.None;
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<WriteRequest>(MaxBatch);
        DbConnection? connection = null;
        try
        {
            while (await requests.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && requests.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                try
                {
                    connection ??= await connections.OpenAsync();
                    await WriteBatchAsync(connection, batch);
                }
                catch (Exception ex)
                {
                    // The transaction did not commit: nobody in the batch is acknowledged. A broken connection is replaced.
                    LogBatchFailed(logger, batch.Count, ex);
                    foreach (var request in batch)
                    {
                        request.Completion.TrySetException(ex);
                    }

                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task WriteBatchAsync(DbConnection connection, List<WriteRequest> batch)
    {
        var outcomes = new Outcome[batch.Count];
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connections.Dialect.LockAppendsAsync(connection, transaction, CancellationToken.None);
            var session = new SqlDocumentSession(connection, transaction);
            var statements = new Statements(connection, transaction);
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    outcomes[i] = await WriteOneAsync(connection, transaction, statements, session, batch[i]);
                }
            }
            finally
            {
                await statements.DisposeAsync();
            }

            await transaction.CommitAsync();
        }

        Interlocked.Increment(ref committedBatches);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(outcomes[i].Result!);
            }
        }

        notifier.Notify();
    }

    private async Task<Outcome> WriteOneAsync(DbConnection connection, DbTransaction transaction, Statements statements, SqlDocumentSession session, WriteRequest request)
    {
        await transaction.SaveAsync("append");
        try
        {
            var result = request.IsDelete
                ? await DeleteAsync(connection, transaction, request)
                : await AppendAsync(connection, transaction, statements, session, request);
            await session.FlushAsync(CancellationToken.None);
            await transaction.ReleaseAsync("append");
            return new Outcome(result, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            session.DiscardPending();
            await transaction.RollbackAsync("append");
            await transaction.ReleaseAsync("append");
            if (SqlDialect.IsUniqueViolation(ex))
            {
                // Either the same events were already stored (idempotent success) or the ids or versions clash.
                return await ResolveClashAsync(connection, transaction, request);
            }

            return new Outcome(null, ex);
        }
    }

    private async Task<AppendResult> AppendAsync(DbConnection connection, DbTransaction transaction, Statements statements, SqlDocumentSession session, WriteRequest request)
    {
        var head = await ReadHeadAsync(connection, transaction, request.StreamId, CancellationToken.None);
        if (!request.Expected.IsSatisfiedBy(head.EffectiveVersion))
        {
            return await FindStoredAsync(connection, transaction, request)
                ?? throw new WrongExpectedVersionException(request.StreamId, request.Expected, head.EffectiveVersion);
        }

        if (request.Events.Count == 0)
        {
            return new AppendResult(head.EffectiveVersion, -1, false);
        }

        var previousHash = head.LastHash;
        var version = head.Version;
        long position = -1;
        var recordedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var e in request.Events)
        {
            version++;
            var hash = EventHash.Compute(previousHash, request.StreamId, version, e.EventId, e.Type, recordedAt, e.Data, e.Metadata);
            position = await statements.InsertEventAsync(request.StreamId, version, e, recordedAt, hash);
            previousHash = hash;
            await ProjectInlineAsync(session, new RecordedEvent(position, request.StreamId, version, e.EventId, e.Type, e.Data, e.Metadata, DateTimeOffset.FromUnixTimeMilliseconds(recordedAt), hash));
        }

        await statements.UpsertHeadAsync(request.StreamId, version, previousHash);
        return new AppendResult(version, position, false);
    }

    private async Task ProjectInlineAsync(SqlDocumentSession session, RecordedEvent recorded)
    {
        if (inlineProjections.Length == 0 || registry.Deserialize(recorded) is not { } @event)
        {
            return;
        }

        EventEnvelope? envelope = null;
        foreach (var projection in inlineProjections)
        {
            if (!projection.Handles(@event))
            {
                continue;
            }

            envelope ??= new EventEnvelope(recorded, @event, EventTypeRegistry.ReadMetadata(recorded));
            session.Projection = projection.Name;
            session.Position = recorded.Position;
            await projection.ApplyAsync(envelope, session, CancellationToken.None);
        }
    }

    private static async Task<AppendResult> DeleteAsync(DbConnection connection, DbTransaction transaction, WriteRequest request)
    {
        var head = await ReadHeadAsync(connection, transaction, request.StreamId, CancellationToken.None);
        if (!request.Expected.IsSatisfiedBy(head.EffectiveVersion))
        {
            throw new WrongExpectedVersionException(request.StreamId, request.Expected, head.EffectiveVersion);
        }

        if (head.EffectiveVersion < 0)
        {
            return new AppendResult(-1, -1, true);
        }

        await using var command = connection.Command(transaction, "UPDATE streams SET deleted = @d, truncate_before = @tb WHERE stream_id = @s")
            .With("@d", true).With("@tb", head.Version + 1).With("@s", request.StreamId);
        await command.ExecuteNonQueryAsync();
        return new AppendResult(-1, -1, false);
    }

    private static async Task<Outcome> ResolveClashAsync(DbConnection connection, DbTransaction transaction, WriteRequest request)
    {
        try
        {
            if (await FindStoredAsync(connection, transaction, request) is { } replay)
            {
                return new Outcome(replay, null);
            }
        }
        catch (DuplicateEventIdException duplicate)
        {
            return new Outcome(null, duplicate);
        }

        var placed = await LookUpEventIdsAsync(connection, transaction, request.Events);
        if (placed.Count > 0)
        {
            var first = placed.First();
            return new Outcome(null, new DuplicateEventIdException(first.Key, first.Value.StreamId));
        }

        // A version clash: another node appended to this stream first.
        var head = await ReadHeadAsync(connection, transaction, request.StreamId, CancellationToken.None);
        return new Outcome(null, new WrongExpectedVersionException(request.StreamId, request.Expected, head.EffectiveVersion));
    }

    /// <summary>
    /// EventStoreDB's idempotence: if every event of the request is already stored, in order, consecutively in this
    /// stream, where this request would have put them, the append succeeds without writing.
    /// </summary>
    private static async Task<AppendResult?> FindStoredAsync(DbConnection connection, DbTransaction transaction, WriteRequest request)
    {
        if (request.Events.Count == 0)
        {
            return null;
        }

        var placed = await LookUpEventIdsAsync(connection, transaction, request.Events);
        if (placed.Count != request.Events.Count)
        {
            if (placed.Count > 0)
            {
                var first = placed.First();
                throw new DuplicateEventIdException(first.Key, first.Value.StreamId);
            }

            return null;
        }

        var firstPlace = placed[request.Events[0].EventId];
        for (var i = 0; i < request.Events.Count; i++)
        {
            var place = placed[request.Events[i].EventId];
            if (place.StreamId != request.StreamId || place.Version != firstPlace.Version + i)
            {
                throw new DuplicateEventIdException(request.Events[i].EventId, place.StreamId);
            }
        }

        var expected = request.Expected;
        var matchesExpectation = expected.IsAny || expected.IsStreamExists
            || (expected.IsNoStream && firstPlace.Version == 0)
            || (expected.IsExact && firstPlace.Version == expected.Value + 1);
        if (!matchesExpectation)
        {
            throw new DuplicateEventIdException(request.Events[0].EventId, firstPlace.StreamId);
        }

        var last = placed[request.Events[^1].EventId];
        return new AppendResult(last.Version, last.Position, true);
    }

    private static async Task<Dictionary<Guid, (string StreamId, long Version, long Position)>> LookUpEventIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<EventData> events)
    {
        var found = new Dictionary<Guid, (string, long, long)>();
        await using var command = connection.Command(transaction, "SELECT stream_id, version, position FROM events WHERE event_id = @id").With("@id", Guid.Empty);
        foreach (var e in events)
        {
            command.Parameters[0].Value = e.EventId;
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                found[e.EventId] = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An append batch of {Count} requests failed to commit; all were refused")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record WriteRequest(string StreamId, ExpectedVersion Expected, IReadOnlyList<EventData> Events, bool IsDelete)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly record struct Outcome(AppendResult? Result, Exception? Error);

    private sealed record StreamHead(long Version, string LastHash, long TruncateBefore, bool Deleted)
    {
        public static readonly StreamHead None = new(-1, "", 0, false);

        /// <summary>What expected-version checks see: a deleted stream counts as no stream.</summary>
        public long EffectiveVersion => Deleted ? -1 : Version;
    }

    /// <summary>Prepared statements reused across a batch: the hot path of group commit.</summary>
    private sealed class Statements(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private DbCommand? insert;
        private DbCommand? upsertHead;

        public async Task<long> InsertEventAsync(string streamId, long version, EventData e, long recordedAt, string hash)
        {
            insert ??= connection.Command(
                transaction,
                """
                INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at, hash)
                VALUES (@s, @v, @id, @t, @d, @m, @at, @h) RETURNING position
                """).With("@s", "").With("@v", 0L).With("@id", Guid.Empty).With("@t", "").With("@d", "").With("@m", "").With("@at", 0L).With("@h", "");
            insert.Parameters[0].Value = streamId;
            insert.Parameters[1].Value = version;
            insert.Parameters[2].Value = e.EventId;
            insert.Parameters[3].Value = e.Type;
            insert.Parameters[4].Value = e.Data;
            insert.Parameters[5].Value = e.Metadata;
            insert.Parameters[6].Value = recordedAt;
            insert.Parameters[7].Value = hash;
            return Convert.ToInt64(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task UpsertHeadAsync(string streamId, long version, string hash)
        {
            upsertHead ??= connection.Command(
                transaction,
                """
                INSERT INTO streams (stream_id, version, last_hash, truncate_before, deleted) VALUES (@s, @v, @h, 0, @d)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash, deleted = excluded.deleted
                """).With("@s", "").With("@v", 0L).With("@h", "").With("@d", false);
            upsertHead.Parameters[0].Value = streamId;
            upsertHead.Parameters[1].Value = version;
            upsertHead.Parameters[2].Value = hash;
            await upsertHead.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (insert is not null)
            {
                await insert.DisposeAsync();
            }

            if (upsertHead is not null)
            {
                await upsertHead.DisposeAsync();
            }
        }
    }
}
