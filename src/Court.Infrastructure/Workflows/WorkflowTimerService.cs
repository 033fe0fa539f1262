using System.Globalization;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Domain.Workflows;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.Workflows;

/// <summary>
/// Durable deadlines, run on the leader node. (1) Follows the log into the <c>timers</c> table: a state entered with a due time adds a pending
/// timer (its id is deterministic, so adding it twice is harmless) and any state change cancels the stream's other
/// pending timers; the rows and the checkpoint commit together, and the checkpoint only moves from the value read.
/// (2) Claims due timers one at a time with a conditional UPDATE (PostgreSQL: FOR UPDATE SKIP LOCKED) and a lease,
/// and fires each as an ordinary command, as the system caller, with the timer id as idempotency key. So a timer fires
/// once across restarts and across hosts sharing one database: a host that dies mid-fire leaves a lease that expires,
/// and the retry's events carry the same ids, so they cannot be appended twice.
/// </summary>
public sealed partial class WorkflowTimerService(
    ConnectionFactory connections,
    IEventStore store,
    EventTypeRegistry registry,
    IServiceScopeFactory scopes,
    WorkflowCatalog catalog,
    IWorkflowCommandSender sender,
    AppendNotifier notifier,
    WorkflowSettings settings,
    TimeProvider clock,
    ILogger<WorkflowTimerService> logger) : ILeaderWork
{
    public const string CheckpointName = "workflow-timers";
    public const string TimerUserId = SystemCallers.Timers;

    /// <summary>How often a fire that lost an append race is retried before the timer is left to its lease.</summary>
    public const int MaxFireAttempts = 5;

    private static readonly HashSet<string> WorkflowEventTypes = ["workflow.started.v1", "workflow.transitioned.v1", "workflow.version-changed.v1"];

    /// <summary>Names this host in claims, so only the claimer marks a timer fired.</summary>
    public string HostId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task RunAsync(CancellationToken leadership)
    {
        while (!leadership.IsCancellationRequested)
        {
            var wait = notifier.WaitAsync(settings.TimerPollInterval, leadership);
            try
            {
                await RunOnceAsync(leadership);
            }
            catch (OperationCanceledException) when (leadership.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogTimerLoopFailed(logger, ex);
            }

            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Catches the timers table up with the log, then fires every due timer it can claim. Returns how many it fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await FollowPageAsync(cancellationToken) > 0)
        {
        }

        var fired = 0;
        while (!cancellationToken.IsCancellationRequested && await ClaimNextAsync(cancellationToken) is { } timer)
        {
            if (await FireAsync(timer, cancellationToken) == TimerStatus.Fired)
            {
                fired++;
            }
        }

        return fired;
    }

    /// <summary>Applies one page of the log to the timers table; returns how many events it read (0: caught up).</summary>
    public async Task<int> FollowPageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var checkpoint = await ProjectionDaemon.ReadCheckpointAsync(connection, CheckpointName, cancellationToken);
        var page = await store.ReadAllAsync(checkpoint, 500, cancellationToken);
        if (page.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var recorded in page.Where(r => WorkflowEventTypes.Contains(r.Type)))
        {
            if (registry.Deserialize(recorded) is not IWorkflowEvent e)
            {
                continue;
            }

            if (e is WorkflowTransitioned moved && EventTypeRegistry.ReadMetadata(recorded).UserId == TimerUserId)
            {
                // The expiry itself (perhaps appended by a host that died before marking its timer): the timer fired.
                await using var fired = connection.Command(transaction, "UPDATE timers SET status = @fired, fired_at = @at WHERE stream_id = @s AND status = @pending AND state = @from AND trigger = @t")
                    .With("@fired", (int)TimerStatus.Fired).With("@at", recorded.RecordedAt.ToUnixTimeMilliseconds()).With("@s", recorded.StreamId)
                    .With("@pending", (int)TimerStatus.Pending).With("@from", moved.From).With("@t", moved.Trigger);
                await fired.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var cancel = connection.Command(transaction, "UPDATE timers SET status = @cancelled WHERE stream_id = @s AND status = @pending")
                .With("@cancelled", (int)TimerStatus.Cancelled).With("@s", recorded.StreamId).With("@pending", (int)TimerStatus.Pending))
            {
                await cancel.ExecuteNonQueryAsync(cancellationToken);
            }

            if (e.Entered is { IsFinal: false, DueAt: { } due, ExpiryTrigger: { } trigger })
            {
                await using var insert = connection.Command(
                    transaction,
                    """
                    INSERT INTO timers (id, stream_id, workflow_id, workflow_version, state, trigger, due_at, status, claimed_by, claimed_until, fired_at)
                    VALUES (@id, @s, @w, @v, @state, @t, @due, @pending, NULL, 0, NULL)
                    ON CONFLICT (id) DO NOTHING
                    """)
                    .With("@id", WorkflowInstance.TimerIdFor(recorded.StreamId, e.Entered.State, recorded.Version))
                    .With("@s", recorded.StreamId).With("@w", e.WorkflowId).With("@v", e.WorkflowVersion)
                    .With("@state", e.Entered.State).With("@t", trigger).With("@due", due.ToUnixTimeMilliseconds())
                    .With("@pending", (int)TimerStatus.Pending);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (!await ProjectionDaemon.MoveCheckpointAsync(connection, transaction, CheckpointName, checkpoint, page[^1].Position, cancellationToken))
        {
            // Another host applied this page first.
            await transaction.RollbackAsync(cancellationToken);
            return page.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        return page.Count;
    }

    private async Task<ClaimedTimer?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lockClause = connections.Dialect.IsPostgres ? "FOR UPDATE SKIP LOCKED" : "";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var claim = connection.Command(
            null,
            $"""
            UPDATE timers SET claimed_by = @me, claimed_until = @until
            WHERE id = (SELECT id FROM timers WHERE status = @pending AND due_at <= @now AND claimed_until <= @now ORDER BY due_at, id LIMIT 1 {lockClause})
              AND status = @pending AND claimed_until <= @now
            RETURNING id, stream_id, workflow_id, workflow_version, state, trigger, due_at
            """)
            .With("@me", HostId).With("@until", now + (long)settings.TimerLease.TotalMilliseconds)
            .With("@pending", (int)TimerStatus.Pending).With("@now", now);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ClaimedTimer(new TimerFiring(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetInt32(3),
            reader.GetString(4),
            reader.GetString(5),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
    }

    private async Task<TimerStatus> FireAsync(ClaimedTimer timer, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FireOnceAsync(timer.Firing, cancellationToken);
            }
            catch (WrongExpectedVersionException ex)
            {
                // Someone appended to the stream between our read and our append (often the process manager reacting
                // to the same deadline): try again at once on the new version rather than wait out the lease.
                if (attempt == MaxFireAttempts)
                {
                    LogTimerFailed(logger, timer.Firing.TimerId, timer.Firing.Trigger, ex);
                    return TimerStatus.Pending;
                }

                LogTimerRaced(logger, timer.Firing.TimerId, attempt);
            }
        }
    }

    private async Task<TimerStatus> FireOnceAsync(TimerFiring firing, CancellationToken cancellationToken)
    {
        var key = "timer:" + firing.TimerId;
        var caller = new FixedCaller(TimerUserId, null, new HashSet<string>(StringComparer.Ordinal) { Roles.System }, Guid.CreateVersion7());
        try
        {
            await using var scope = scopes.CreateScopeAs(caller);
            scope.ServiceProvider.GetRequiredService<WorkflowExecution>().IdempotencyKey = key;
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var snapshot = await runtime.LoadAsync(firing.StreamId, cancellationToken);
            if (snapshot?.Instance.TimerId != firing.TimerId)
            {
                // The state was left (or the timer already fired before a crash): nothing to do.
                return await FinishAsync(firing, await AlreadyFiredAsync(firing.StreamId, key, cancellationToken) ? TimerStatus.Fired : TimerStatus.Cancelled, cancellationToken);
            }

            if (!catalog.ExpiryCommands.TryGetValue(firing.Trigger, out var registration))
            {
                throw new InvalidOperationException($"No command is registered for expiry trigger '{firing.Trigger}'.");
            }

            await sender.SendAsync(registration.CreateCommand(firing), scope.ServiceProvider, cancellationToken);
            LogTimerFired(logger, firing.TimerId, firing.Trigger);
            return await FinishAsync(firing, TimerStatus.Fired, cancellationToken);
        }
        catch (DuplicateEventIdException)
        {
            return await FinishAsync(firing, TimerStatus.Fired, cancellationToken);
        }
        catch (WorkflowTriggerNotPermittedException)
        {
            return await FinishAsync(firing, await AlreadyFiredAsync(firing.StreamId, key, cancellationToken) ? TimerStatus.Fired : TimerStatus.Cancelled, cancellationToken);
        }
        catch (WrongExpectedVersionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Leave it pending; the lease makes it due again after TimerLease.
            LogTimerFailed(logger, firing.TimerId, firing.Trigger, ex);
            return TimerStatus.Pending;
        }
    }

    private async Task<bool> AlreadyFiredAsync(string streamId, string key, CancellationToken cancellationToken)
    {
        var first = WorkflowExecution.IdFor(key, streamId, 0, 0);
        var events = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);
        return events.Any(e => e.EventId == first);
    }

    private async Task<TimerStatus> FinishAsync(TimerFiring firing, TimerStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var update = connection.Command(null, "UPDATE timers SET status = @status, fired_at = @at WHERE id = @id AND claimed_by = @me AND status = @pending")
            .With("@status", (int)status)
            .With("@at", status == TimerStatus.Fired ? clock.GetUtcNow().ToUnixTimeMilliseconds() : null)
            .With("@id", firing.TimerId).With("@me", HostId).With("@pending", (int)TimerStatus.Pending);
        await update.ExecuteNonQueryAsync(cancellationToken);
        return status;
    }

    private sealed record ClaimedTimer(TimerFiring Firing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {TimerId} fired {Trigger}")]
    private static partial void LogTimerFired(ILogger logger, string timerId, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} could not fire {Trigger}; it will be retried when its lease ends")]
    private static partial void LogTimerFailed(ILogger logger, string timerId, string trigger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {TimerId} lost an append race on attempt {Attempt}; firing again")]
    private static partial void LogTimerRaced(ILogger logger, string timerId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The workflow timer loop failed; it will try again")]
    private static partial void LogTimerLoopFailed(ILogger logger, Exception exception);
}

/// <summary>A timer row as the API and tests read it.</summary>
public sealed record TimerView(string Id, string StreamId, string State, string Trigger, DateTimeOffset DueAt, TimerStatus Status, DateTimeOffset? FiredAt);

public static class TimerQueries
{
    public static async Task<IReadOnlyList<TimerView>> ListTimersAsync(this ConnectionFactory connections, string? streamId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = "SELECT id, stream_id, state, trigger, due_at, status, fired_at FROM timers" + (streamId is null ? "" : " WHERE stream_id = @s") + " ORDER BY due_at, id";
        await using var command = connection.Command(null, sql);
        if (streamId is not null)
        {
            command.With("@s", streamId);
        }

        var rows = new List<TimerView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TimerView(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                (TimerStatus)Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return rows;
    }
}
