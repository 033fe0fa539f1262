using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.Workflows;

/// <summary>
/// Carries out the follow-up steps of the registered reactions: follows the log from its checkpoint
/// (<see cref="CheckpointName"/> in projection_checkpoints), runs each reaction of an event in a scope acting as the
/// process manager (role system), and moves the checkpoint past the event only when all of them succeeded. A crash
/// anywhere leaves the checkpoint before the event, so its reactions run again — which they tolerate, being
/// idempotent — and nothing is lost. One pass at a time per host.
/// </summary>
public sealed partial class ProcessManager(
    ConnectionFactory connections,
    IEventStore store,
    EventTypeRegistry registry,
    IServiceScopeFactory scopes,
    IEnumerable<ReactionRegistration> reactions,
    ProcessManagerFaults faults,
    ILogger<ProcessManager> logger) : IProcessManager, IDisposable
{
    public const string CheckpointName = "process-manager";

    private readonly SemaphoreSlim pass = new(1, 1);
    private readonly Dictionary<string, ReactionRegistration[]> byEventType = reactions
        .GroupBy(r => registry.NameOf(r.EventType), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private long caughtUpTo;

    // Completed (and replaced) each time caughtUpTo moves, so a command waiting for its follow-ups wakes when they are
    // done instead of polling: a poll's timer tick cost every command about 10 ms.
    private TaskCompletionSource moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The log position every reaction has been carried out up to (as this host last saw it).</summary>
    public long CaughtUpTo => Volatile.Read(ref caughtUpTo);

    private void Advance(long position)
    {
        Volatile.Write(ref caughtUpTo, position);
        Interlocked.Exchange(ref moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            var handled = 0;
            while (await PageAsync(cancellationToken) is { } page && page.Read > 0)
            {
                handled += page.Handled;
            }

            return handled;
        }
        finally
        {
            pass.Release();
        }
    }

    /// <summary>One page of the log: reactions event by event, the checkpoint moved after each event that had some (and at the page's end).</summary>
    private async Task<(int Read, int Handled)?> PageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var checkpoint = await ProjectionDaemon.ReadCheckpointAsync(connection, CheckpointName, cancellationToken);
        Advance(checkpoint);
        var page = await store.ReadAllAsync(checkpoint, 500, cancellationToken);
        var handled = 0;
        foreach (var recorded in page)
        {
            if (!byEventType.TryGetValue(recorded.Type, out var registered) || registry.Deserialize(recorded) is not { } @event)
            {
                continue;
            }

            foreach (var reaction in registered)
            {
                await ReactAsync(reaction, recorded, @event, cancellationToken);
            }

            handled++;
            if (!await MoveAsync(connection, checkpoint, recorded.Position, cancellationToken))
            {
                return (page.Count, handled); // another host moved it: start again from where it is
            }

            checkpoint = recorded.Position;
            Advance(checkpoint);
        }

        if (page.Count > 0 && page[^1].Position > checkpoint && await MoveAsync(connection, checkpoint, page[^1].Position, cancellationToken))
        {
            Advance(page[^1].Position);
        }

        return (page.Count, handled);
    }

    /// <summary>
    /// Returns once the reactions of everything up to <paramref name="position"/> are carried out, or after
    /// <paramref name="timeout"/> (they still happen, later). When the background loop is not running on this host
    /// (start-up seeding, tools), the pass runs here.
    /// </summary>
    public async Task WaitForAsync(long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (CaughtUpTo >= position)
        {
            return;
        }

        if (!InBackground)
        {
            try
            {
                await CatchUpAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The caller's own write is durable; a failing follow-up is retried from the checkpoint on the next pass.
                LogFollowUpDeferred(logger, ex);
            }

            return;
        }

        // A bound on real waiting, not domain time: elapsed time, so a test's fake clock cannot stretch or skip it.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout && InBackground)
        {
            // Take the signal before checking, so a move between the check and the wait still wakes this caller.
            var signal = Volatile.Read(ref moved).Task;
            if (CaughtUpTo >= position)
            {
                return;
            }

            // Bounded, so losing the lead (InBackground false) or the timeout is noticed without a signal.
            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (TimeoutException)
            {
                // look again
            }
        }
    }

    /// <summary>Set by <see cref="ProcessManagerService"/> while its loop runs here (on the leader).</summary>
    internal bool InBackground { get; set; }

    private async Task ReactAsync(ReactionRegistration reaction, RecordedEvent recorded, Court.Domain.Common.IDomainEvent @event, CancellationToken cancellationToken)
    {
        if (faults.BeforeReaction is { } before)
        {
            await before(recorded, reaction.Name);
        }

        var caller = new FixedCaller(ReactionContext.UserId, null, new HashSet<string>(StringComparer.Ordinal) { Roles.System }, EventTypeRegistry.ReadMetadata(recorded).CorrelationId);
        await using (var scope = scopes.CreateScopeAs(caller))
        {
            try
            {
                await reaction.React(@event, new ReactionContext(scope.ServiceProvider, recorded, reaction.Name), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReactionFailed(logger, reaction.Name, recorded.StreamId, recorded.Version, ex);
                throw;
            }
        }

        if (faults.AfterReaction is { } after)
        {
            await after(recorded, reaction.Name);
        }
    }

    private static async Task<bool> MoveAsync(System.Data.Common.DbConnection connection, long from, long to, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ProjectionDaemon.MoveCheckpointAsync(connection, transaction, CheckpointName, from, to, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public void Dispose() => pass.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A follow-up step failed after the command that caused it; it will be retried from the checkpoint")]
    private static partial void LogFollowUpDeferred(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reaction {Reaction} to {StreamId}@{Version} failed; it will be retried from the checkpoint")]
    private static partial void LogReactionFailed(ILogger logger, string reaction, string streamId, long version, Exception exception);
}

/// <summary>
/// Runs the process manager on the leader node (<see cref="ILeaderWork"/>), woken by appends and every poll interval;
/// a failing pass is retried from the checkpoint with back-off.
/// </summary>
public sealed partial class ProcessManagerService(ProcessManager manager, AppendNotifier notifier, WorkflowSettings settings, ILogger<ProcessManagerService> logger) : ILeaderWork
{
    public async Task RunAsync(CancellationToken leadership)
    {
        manager.InBackground = true;
        var failures = 0;
        try
        {
            while (!leadership.IsCancellationRequested)
            {
                var wait = notifier.WaitAsync(failures == 0 ? settings.TimerPollInterval : Backoff(failures), leadership);
                try
                {
                    await manager.CatchUpAsync(leadership);
                    failures = 0;
                }
                catch (OperationCanceledException) when (leadership.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    failures++;
                    LogPassFailed(logger, ex);
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
        finally
        {
            manager.InBackground = false;
        }
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromMilliseconds(Math.Min(30_000, 100 * (1 << Math.Min(failures, 9))));

    [LoggerMessage(Level = LogLevel.Error, Message = "A process-manager pass failed; it will retry from its checkpoint")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
