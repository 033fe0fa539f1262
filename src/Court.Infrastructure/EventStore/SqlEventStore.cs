using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// The event store on SQLite or PostgreSQL. All writes go through one writer per process that batches concurrent
/// appends into one transaction (group commit); every caller is acknowledged only after its batch has committed
/// durably, and an append that fails fails only its caller. Inline projections run in the same transaction, so a
/// read model never disagrees with the log.
/// </summary>
/// <remarks>
/// A batch first runs without savepoints: version conflicts and idempotent replays are found by reading before any
/// write, so most batches never need one. If an append fails after it has written (a duplicate event id, a failing
/// inline projection), the batch is rolled back and run again with a savepoint around each append, which isolates
/// the failure. Inline projections may therefore be applied twice to the same event, once in the abandoned attempt:
/// they must only write documents, never keep state of their own.
/// </remarks>
public sealed partial class SqlEventStore : IEventStore, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int MaxRowsPerInsert = 16;
    private static readonly TimeSpan StragglerWait = TimeSpan.FromMicroseconds(250);
    private const string Columns = "position, stream_id, version, event_id, type, data, metadata, recorded_at, hash";

    // The stream head's truncate_before hides what a soft delete removed. Whole-stream reads (loading an aggregate)
    // go without a LIMIT: see LimitSql.
    private const string ReadForwardsSql = """
        SELECT e.position, e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.hash
        FROM events e JOIN streams s ON s.stream_id = e.stream_id
        WHERE e.stream_id = @s AND e.version >= @from AND e.version >= s.truncate_before
        ORDER BY e.version
        """;

    private const string ReadBackwardsSql = """
        SELECT e.position, e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.hash
        FROM events e JOIN streams s ON s.stream_id = e.stream_id
        WHERE e.stream_id = @s AND e.version <= @from AND e.version >= s.truncate_before
        ORDER BY e.version DESC
        """;

    // A LIMIT bound to a parameter made SQLite's 20-event stream load a third slower than the same query without it.
    private const string LimitSql = " LIMIT @n";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> ReadAllSql = new();

    private readonly ConnectionFactory connections;
    private readonly TimeProvider clock;
    private readonly EventTypeRegistry registry;
    private readonly IProjection[] inlineProjections;
    private readonly AppendNotifier notifier;
    private readonly ILogger<SqlEventStore> logger;
    private readonly Channel<WriteRequest> requests = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private int queued;
    private volatile Exception? writerFailure;
    private long committedBatches;
    private long committedRequests;
    private long isolatedBatches;

    // Set just before a batch's COMMIT goes out: a failure before it provably applied nothing.
    private bool commitSent;

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

    /// <summary>
    /// When a batch last failed because the store could not be used (disk full, server gone), unless a batch has
    /// committed since: readiness reports it, because a full disk can still take the probe's one-row update into
    /// space it already has while every append, which needs new pages, fails.
    /// </summary>
    public DateTimeOffset? LastAppendFailure => Volatile.Read(ref lastAppendFailure) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private long lastAppendFailure;

    /// <summary>Tries of a batch that provably applied nothing because its connection was dead.</summary>
    private const int StaleConnectionAttempts = 3;

    /// <summary>Appends and deletes waiting for the writer right now.</summary>
    public int Queued => Volatile.Read(ref queued);

    /// <summary>How many appends and deletes those batches held, failed ones included.</summary>
    public long CommittedRequests => Interlocked.Read(ref committedRequests);

    /// <summary>How many batches had to be run again with a savepoint per append to isolate a failure.</summary>
    public long IsolatedBatches => Interlocked.Read(ref isolatedBatches);

    public Task<AppendResult> AppendToStreamAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (HasDuplicateIds(events))
        {
            throw new ArgumentException("The same event id appears twice in one append.", nameof(events));
        }

        return Enqueue(new WriteRequest(streamId, expected, events, false), cancellationToken);
    }

    public Task DeleteStreamAsync(string streamId, ExpectedVersion expected, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        return Enqueue(new WriteRequest(streamId, expected, [], true), cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forwards, long fromVersion = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var lease = await connections.RentAsync(cancellationToken);
        var forwards = direction == ReadDirection.Forwards;
        var limited = maxCount < int.MaxValue;
        var command = limited
            ? lease.Command(forwards ? ReadForwardsSql + LimitSql : ReadBackwardsSql + LimitSql, "@s", "@from", "@n")
            : lease.Command(forwards ? ReadForwardsSql : ReadBackwardsSql, "@s", "@from");
        command.Parameters[0].Value = streamId;
        command.Parameters[1].Value = fromVersion;
        if (limited)
        {
            command.Parameters[2].Value = (long)maxCount;
        }

        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var lease = await connections.RentAsync(cancellationToken);
        // The page size is written into the statement (a handful of sizes are used), for the reason given at LimitSql.
        var sql = ReadAllSql.GetOrAdd(maxCount, n => $"SELECT {Columns} FROM events WHERE position > @p ORDER BY position LIMIT {n}");
        var command = lease.Command(sql, "@p");
        command.Parameters[0].Value = afterPosition;
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var lease = await connections.RentAsync(cancellationToken);
        var command = lease.Command("SELECT version, deleted FROM streams WHERE stream_id = @s", "@s");
        command.Parameters[0].Value = streamId;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.GetBoolean(1) ? reader.GetInt64(0) : -1;
    }

    public async Task<VerificationReport> VerifyAsync(string? streamId = null, CancellationToken cancellationToken = default)
    {
        var walk = await VerifyStreamsAsync(streamId, null, cancellationToken);
        return new VerificationReport(walk.EventsChecked, walk.StreamsChecked, walk.Breaks.Count == 0 ? null : walk.Breaks[0]);
    }

    public async Task<LogVerification> VerifyStreamsAsync(string? streamId = null, IProgress<VerificationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);

        // One snapshot for the walk and the heads: appends running meanwhile must not look like removed events.
        await using var snapshot = await SqlDialect.BeginSnapshotAsync(connection, cancellationToken);
        long total;
        await using (var count = connection.Command(snapshot, streamId is null ? "SELECT COUNT(*) FROM events" : "SELECT COUNT(*) FROM events WHERE stream_id = @s"))
        {
            if (streamId is not null)
            {
                count.With("@s", streamId);
            }

            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var chains = new Dictionary<string, (string Hash, long Version)>(StringComparer.Ordinal);
        var breaks = new List<BrokenLink>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        long checkedEvents = 0;
        long after = 0;
        progress?.Report(new VerificationProgress(0, total));
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
                if (broken.Contains(e.StreamId))
                {
                    continue;
                }

                var (previousHash, previousVersion) = chains.GetValueOrDefault(e.StreamId, ("", -1));
                if (e.Version != previousVersion + 1)
                {
                    Break(new BrokenLink(e.StreamId, e.Version, e.Position, $"expected version {previousVersion + 1}: an event is missing or out of place"));
                    continue;
                }

                var expected = EventHash.Compute(previousHash, e.StreamId, e.Version, e.EventId, e.Type, e.RecordedAt.ToUnixTimeMilliseconds(), e.Data, e.Metadata);
                if (!string.Equals(expected, e.Hash, StringComparison.Ordinal))
                {
                    Break(new BrokenLink(e.StreamId, e.Version, e.Position, "the stored event does not match its hash: it was altered"));
                    continue;
                }

                chains[e.StreamId] = (e.Hash, e.Version);
            }

            after = page[^1].Position;
            progress?.Report(new VerificationProgress(checkedEvents, Math.Max(total, checkedEvents)));
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
                if (broken.Contains(id))
                {
                    continue;
                }

                var (hash, version) = chains.GetValueOrDefault(id, ("", -1));
                if (headVersion != version || !string.Equals(headHash, hash, StringComparison.Ordinal))
                {
                    Break(new BrokenLink(id, version + 1, -1, $"the stream head says version {headVersion} but the log ends at {version}: events were removed"));
                }
            }

            foreach (var orphan in chains.Keys.Where(id => !headed.Contains(id) && !broken.Contains(id)).Order(StringComparer.Ordinal).ToList())
            {
                Break(new BrokenLink(orphan, chains[orphan].Version, -1, "the log has events for a stream whose head is gone"));
            }
        }

        return new LogVerification(checkedEvents, chains.Keys.Union(broken).Count(), breaks);

        void Break(BrokenLink link)
        {
            breaks.Add(link);
            broken.Add(link.StreamId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        requests.Writer.TryComplete();
        await writer;
    }

    private static bool HasDuplicateIds(IReadOnlyList<EventData> events)
    {
        if (events.Count > 16)
        {
            return events.Select(e => e.EventId).Distinct().Count() != events.Count;
        }

        // A command appends a few events: comparing them pairwise allocates nothing.
        for (var i = 1; i < events.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (events[i].EventId == events[j].EventId)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async Task<AppendResult> Enqueue(WriteRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref queued);
        if (!requests.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref queued);
            throw writerFailure is { } failure
                ? new InvalidOperationException("The event store's writer has stopped.", failure)
                : new ObjectDisposedException(nameof(SqlEventStore), "The event store is shutting down.");
        }

        // The caller may stop waiting, but the append itself is not withdrawn once queued: its outcome is decided by the batch.
        return await request.Completion.Task.WaitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        if (command is Microsoft.Data.Sqlite.SqliteCommand)
        {
            // Microsoft.Data.Sqlite's async methods run synchronously anyway; calling the synchronous ones skips
            // their task machinery, which is a measurable share of a 20-event stream load.
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events.Add(ReadEvent(reader));
            }

            return events;
        }

        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(ReadEvent(reader));
            }
        }

        return events;
    }

    private static RecordedEvent ReadEvent(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetGuid(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        reader.GetString(8));

    private async Task RunWriterAsync()
    {
        var batch = new List<WriteRequest>(MaxBatch);
        WriterConnection? connection = null;
        var expected = 0;
        try
        {
            while (await requests.Reader.WaitToReadAsync())
            {
                AwaitStragglers(expected);
                batch.Clear();
                while (batch.Count < MaxBatch && requests.Reader.TryRead(out var request))
                {
                    Interlocked.Decrement(ref queued);
                    batch.Add(request);
                }

                try
                {
                    connection ??= new WriterConnection(await connections.OpenAsync());
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            commitSent = false;
                            await WriteBatchAsync(connection, batch);
                            break;
                        }
                        catch (Exception stale) when (!commitSent && StoreFaults.IsUnavailable(stale) && attempt < StaleConnectionAttempts)
                        {
                            // Not applied (the commit was never sent): most likely a connection the server dropped
                            // while idle (a restart). Again on a fresh connection: right after a restart the pool can
                            // still hand out a connection that was in use while it was cleared.
                            LogBatchRetried(logger, batch.Count, stale);
                            await connections.ForgetPooledConnectionsAsync();
                            await connection.DisposeAsync();
                            connection = null;
                            connection = new WriterConnection(await connections.OpenAsync());
                        }
                    }

                    Volatile.Write(ref lastAppendFailure, 0);

                    // The callers just acknowledged are likely to append again at once (a client issuing commands in
                    // a loop, a saga's next step): together with those already waiting, that is the next batch.
                    expected = Math.Min(MaxBatch, batch.Count + Volatile.Read(ref queued));
                }
                catch (Exception ex)
                {
                    // The transaction did not commit: nobody in the batch is acknowledged. A broken connection is replaced.
                    LogBatchFailed(logger, batch.Count, ex);
                    if (StoreFaults.IsUnavailable(ex))
                    {
                        Volatile.Write(ref lastAppendFailure, clock.GetUtcNow().UtcTicks);
                    }

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
        catch (Exception ex)
        {
            // A bug in the loop itself: never leave callers waiting on a writer that is gone.
            writerFailure = ex;
            LogWriterStopped(logger, ex);
            requests.Writer.TryComplete(ex);
            foreach (var request in batch)
            {
                request.Completion.TrySetException(ex);
            }

            while (requests.Reader.TryRead(out var left))
            {
                left.Completion.TrySetException(ex);
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

    /// <summary>
    /// Group commit's one heuristic: when fewer appends are waiting than the last batch suggests are in flight, give
    /// the others a moment (at most <see cref="StragglerWait"/>) to arrive, so that one durable commit serves them all
    /// instead of two. A lone caller never waits: it is the only one expected.
    /// </summary>
    private void AwaitStragglers(int expected)
    {
        if (Volatile.Read(ref queued) >= expected)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref queued) < expected && Stopwatch.GetElapsedTime(started) < StragglerWait)
        {
            Thread.Yield();
        }
    }

    private async Task WriteBatchAsync(WriterConnection connection, List<WriteRequest> batch)
    {
        var outcomes = new Outcome[batch.Count];
        if (!await TryWriteBatchAsync(connection, batch, outcomes, isolate: false))
        {
            Interlocked.Increment(ref isolatedBatches);
            await TryWriteBatchAsync(connection, batch, outcomes, isolate: true);
        }

        Interlocked.Increment(ref committedBatches);
        Interlocked.Add(ref committedRequests, batch.Count);
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

    /// <summary>
    /// Runs the batch in one transaction and commits it. Without <paramref name="isolate"/>, an append that fails after
    /// writing rolls the whole transaction back and returns false; with it, each append has its own savepoint.
    /// </summary>
    private async Task<bool> TryWriteBatchAsync(WriterConnection connection, List<WriteRequest> batch, Outcome[] outcomes, bool isolate)
    {
        await using var transaction = await connection.Connection.BeginTransactionAsync();
        connection.Enlist(transaction);
        await connections.Dialect.LockAppendsAsync(connection.Connection, transaction, CancellationToken.None);
        var session = connection.Session;
        session.Transaction = transaction;
        for (var i = 0; i < batch.Count; i++)
        {
            if (isolate)
            {
                outcomes[i] = await WriteIsolatedAsync(connection, batch[i]);
                continue;
            }

            try
            {
                outcomes[i] = await WriteOneAsync(connection, batch[i]);
                await session.FlushAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                session.DiscardPending();
                await transaction.RollbackAsync();
                return false;
            }
        }

        commitSent = true;
        await transaction.CommitAsync();
        return true;
    }

    private async Task<Outcome> WriteIsolatedAsync(WriterConnection connection, WriteRequest request)
    {
        await connection.SavepointAsync();
        try
        {
            var outcome = await WriteOneAsync(connection, request);
            await connection.Session.FlushAsync(CancellationToken.None);
            await connection.ReleaseAsync();
            return outcome;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            connection.Session.DiscardPending();
            await connection.RollbackToSavepointAsync();
            if (SqlDialect.IsUniqueViolation(ex))
            {
                // Either the same events were already stored (idempotent success) or the ids or versions clash.
                return await ResolveClashAsync(connection, request);
            }

            return new Outcome(null, ex);
        }
    }

    /// <summary>
    /// Checks before writing, so that a conflict or a replay is an outcome, not an exception; throws only when a write
    /// fails, after which the transaction (or savepoint) must be rolled back.
    /// </summary>
    private async Task<Outcome> WriteOneAsync(WriterConnection connection, WriteRequest request)
    {
        var head = await connection.ReadHeadAsync(request.StreamId);
        if (!request.Expected.IsSatisfiedBy(head.EffectiveVersion))
        {
            try
            {
                return await FindStoredAsync(connection, request) is { } replay
                    ? new Outcome(replay, null)
                    : new Outcome(null, new WrongExpectedVersionException(request.StreamId, request.Expected, head.EffectiveVersion));
            }
            catch (DuplicateEventIdException duplicate)
            {
                return new Outcome(null, duplicate);
            }
        }

        if (request.IsDelete)
        {
            if (head.EffectiveVersion < 0)
            {
                return new Outcome(new AppendResult(-1, -1, true), null);
            }

            await connection.MarkDeletedAsync(request.StreamId, head.Version + 1);
            return new Outcome(new AppendResult(-1, -1, false), null);
        }

        if (request.Events.Count == 0)
        {
            return new Outcome(new AppendResult(head.EffectiveVersion, -1, false), null);
        }

        var recordedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = new PendingRow[request.Events.Count];
        var previousHash = head.LastHash;
        for (var i = 0; i < rows.Length; i++)
        {
            var e = request.Events[i];
            var version = head.Version + 1 + i;
            previousHash = EventHash.Compute(previousHash, request.StreamId, version, e.EventId, e.Type, recordedAt, e.Data, e.Metadata);
            rows[i] = new PendingRow(version, e, previousHash);
        }

        var positions = await connection.InsertAsync(request.StreamId, rows, recordedAt);
        await connection.UpsertHeadAsync(request.StreamId, rows[^1].Version, rows[^1].Hash);
        if (inlineProjections.Length > 0)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var e = rows[i].Event;
                await ProjectInlineAsync(connection.Session, new RecordedEvent(positions[i], request.StreamId, rows[i].Version, e.EventId, e.Type, e.Data, e.Metadata, DateTimeOffset.FromUnixTimeMilliseconds(recordedAt), rows[i].Hash));
            }
        }

        return new Outcome(new AppendResult(rows[^1].Version, positions[^1], false), null);
    }

    private async Task ProjectInlineAsync(SqlDocumentSession session, RecordedEvent recorded)
    {
        if (registry.Deserialize(recorded) is not { } @event)
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

    private static async Task<Outcome> ResolveClashAsync(WriterConnection connection, WriteRequest request)
    {
        try
        {
            if (await FindStoredAsync(connection, request) is { } replay)
            {
                return new Outcome(replay, null);
            }
        }
        catch (DuplicateEventIdException duplicate)
        {
            return new Outcome(null, duplicate);
        }

        var placed = await connection.LookUpEventIdsAsync(request.Events);
        if (placed.Count > 0)
        {
            var first = placed.First();
            return new Outcome(null, new DuplicateEventIdException(first.Key, first.Value.StreamId));
        }

        // A version clash: another node appended to this stream first.
        var head = await connection.ReadHeadAsync(request.StreamId);
        return new Outcome(null, new WrongExpectedVersionException(request.StreamId, request.Expected, head.EffectiveVersion));
    }

    /// <summary>
    /// EventStoreDB's idempotence: if every event of the request is already stored, in order, consecutively in this
    /// stream, where this request would have put them, the append succeeds without writing.
    /// </summary>
    private static async Task<AppendResult?> FindStoredAsync(WriterConnection connection, WriteRequest request)
    {
        if (request.Events.Count == 0)
        {
            return null;
        }

        var placed = await connection.LookUpEventIdsAsync(request.Events);
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

    [LoggerMessage(Level = LogLevel.Critical, Message = "The event store's writer stopped; every append is refused until restart")]
    private static partial void LogWriterStopped(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An append batch of {Count} requests failed before its commit on an unavailable connection; it runs once more on a new one")]
    private static partial void LogBatchRetried(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An append batch of {Count} requests failed to commit; all were refused")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record WriteRequest(string StreamId, ExpectedVersion Expected, IReadOnlyList<EventData> Events, bool IsDelete)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly record struct Outcome(AppendResult? Result, Exception? Error);

    private readonly record struct PendingRow(long Version, EventData Event, string Hash);

    private sealed record StreamHead(long Version, string LastHash, bool Deleted)
    {
        public static readonly StreamHead None = new(-1, "", false);

        /// <summary>What expected-version checks see: a deleted stream counts as no stream.</summary>
        public long EffectiveVersion => Deleted ? -1 : Version;
    }

    /// <summary>The writer's one connection, with its statements prepared once and reused by every batch: the hot path of group commit.</summary>
    private sealed class WriterConnection(DbConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<int, DbCommand> inserts = [];
        private readonly List<DbCommand> all = [];
        private DbCommand? readHead;
        private DbCommand? upsertHead;
        private DbCommand? markDeleted;
        private DbCommand? lookUpId;
        private DbCommand? savepoint;
        private DbCommand? release;
        private DbCommand? rollbackTo;
        private readonly bool synchronous = connection is Microsoft.Data.Sqlite.SqliteConnection;
        private DbTransaction? transaction;

        public DbConnection Connection => connection;

        public SqlDocumentSession Session { get; } = new(connection, null);

        public void Enlist(DbTransaction current)
        {
            transaction = current;
            foreach (var command in all)
            {
                command.Transaction = current;
            }
        }

        public async Task<StreamHead> ReadHeadAsync(string streamId)
        {
            readHead ??= Create("SELECT version, last_hash, deleted FROM streams WHERE stream_id = @s", "@s");
            readHead.Parameters[0].Value = streamId;
            await using var reader = await ExecuteReaderAsync(readHead);
            return await ReadAsync(reader)
                ? new StreamHead(reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2))
                : StreamHead.None;
        }

        /// <summary>Inserts the rows in one statement and returns their global positions in row order.</summary>
        public async Task<long[]> InsertAsync(string streamId, PendingRow[] rows, long recordedAt)
        {
            var positions = new long[rows.Length];
            for (var offset = 0; offset < rows.Length; offset += MaxRowsPerInsert)
            {
                var count = Math.Min(MaxRowsPerInsert, rows.Length - offset);
                if (!inserts.TryGetValue(count, out var insert))
                {
                    var values = string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@s, @v{i}, @id{i}, @t{i}, @d{i}, @m{i}, @at, @h{i})"));
                    var names = new List<string> { "@s", "@at" };
                    names.AddRange(Enumerable.Range(0, count).SelectMany(i => new[] { $"@v{i}", $"@id{i}", $"@t{i}", $"@d{i}", $"@m{i}", $"@h{i}" }));
                    insert = Create($"INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at, hash) VALUES {values} RETURNING position, version", [.. names]);
                    inserts[count] = insert;
                }

                insert.Parameters[0].Value = streamId;
                insert.Parameters[1].Value = recordedAt;
                for (var i = 0; i < count; i++)
                {
                    var row = rows[offset + i];
                    var at = 2 + (i * 6);
                    insert.Parameters[at].Value = row.Version;
                    insert.Parameters[at + 1].Value = row.Event.EventId;
                    insert.Parameters[at + 2].Value = row.Event.Type;
                    insert.Parameters[at + 3].Value = row.Event.Data;
                    insert.Parameters[at + 4].Value = row.Event.Metadata;
                    insert.Parameters[at + 5].Value = row.Hash;
                }

                // The order of RETURNING rows is not promised: place each by its version.
                var first = rows[0].Version;
                await using var reader = await ExecuteReaderAsync(insert);
                while (await ReadAsync(reader))
                {
                    positions[reader.GetInt64(1) - first] = reader.GetInt64(0);
                }
            }

            return positions;
        }

        public async Task UpsertHeadAsync(string streamId, long version, string hash)
        {
            upsertHead ??= Create(
                """
                INSERT INTO streams (stream_id, version, last_hash, truncate_before, deleted) VALUES (@s, @v, @h, 0, @d)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash, deleted = excluded.deleted
                """,
                "@s",
                "@v",
                "@h",
                "@d");
            upsertHead.Parameters[0].Value = streamId;
            upsertHead.Parameters[1].Value = version;
            upsertHead.Parameters[2].Value = hash;
            upsertHead.Parameters[3].Value = false;
            await ExecuteAsync(upsertHead);
        }

        public async Task MarkDeletedAsync(string streamId, long truncateBefore)
        {
            markDeleted ??= Create("UPDATE streams SET deleted = @d, truncate_before = @tb WHERE stream_id = @s", "@d", "@tb", "@s");
            markDeleted.Parameters[0].Value = true;
            markDeleted.Parameters[1].Value = truncateBefore;
            markDeleted.Parameters[2].Value = streamId;
            await ExecuteAsync(markDeleted);
        }

        public async Task<Dictionary<Guid, (string StreamId, long Version, long Position)>> LookUpEventIdsAsync(IReadOnlyList<EventData> events)
        {
            lookUpId ??= Create("SELECT stream_id, version, position FROM events WHERE event_id = @id", "@id");
            var found = new Dictionary<Guid, (string, long, long)>();
            foreach (var e in events)
            {
                lookUpId.Parameters[0].Value = e.EventId;
                await using var reader = await ExecuteReaderAsync(lookUpId);
                if (await ReadAsync(reader))
                {
                    found[e.EventId] = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
                }
            }

            return found;
        }

        public ValueTask SavepointAsync() => ExecuteAsync(savepoint ??= Create("SAVEPOINT append"));

        public ValueTask ReleaseAsync() => ExecuteAsync(release ??= Create("RELEASE SAVEPOINT append"));

        public ValueTask RollbackToSavepointAsync() => ExecuteAsync(rollbackTo ??= Create("ROLLBACK TO SAVEPOINT append"));

        public async ValueTask DisposeAsync()
        {
            await Session.DisposeAsync();
            foreach (var command in all)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
        }

        // Microsoft.Data.Sqlite's async methods run synchronously anyway: on the writer's hot path the synchronous ones
        // save the task machinery. PostgreSQL goes over the network and stays asynchronous.
        private async ValueTask<DbDataReader> ExecuteReaderAsync(DbCommand command) =>
            synchronous ? command.ExecuteReader() : await command.ExecuteReaderAsync();

        private async ValueTask<bool> ReadAsync(DbDataReader reader) => synchronous ? reader.Read() : await reader.ReadAsync();

        private async ValueTask ExecuteAsync(DbCommand command)
        {
            if (synchronous)
            {
                command.ExecuteNonQuery();
            }
            else
            {
                await command.ExecuteNonQueryAsync();
            }
        }

        private DbCommand Create(string sql, params string[] parameters)
        {
            var command = connection.Command(transaction, sql);
            foreach (var name in parameters)
            {
                command.With(name, null);
            }

            all.Add(command);
            return command;
        }
    }
}
