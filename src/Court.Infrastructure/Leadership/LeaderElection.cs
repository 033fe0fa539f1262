using Court.Application.Common;
using Court.Infrastructure.Persistence;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.Leadership;

/// <summary>Bound from <c>Court:Leader</c>.</summary>
public sealed class LeaderSettings
{
    /// <summary>How long a follower waits on the lock in one attempt; it takes over as soon as the leader's lock is released.</summary>
    public TimeSpan AcquireWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause after the lock could not be tried at all (database down), and before restarting work that failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the leader checks that the connection holding its lock is still alive.</summary>
    public TimeSpan Keepalive { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Held while this node leads; <see cref="Lost"/> is cancelled if the lock goes away (its connection died).</summary>
public interface ILeaderLease : IAsyncDisposable
{
    CancellationToken Lost { get; }
}

/// <summary>The lock that elects the leader.</summary>
public interface ILeaderLock
{
    /// <summary>
    /// How long a new leader waits before starting work: a deposed leader notices its lost lock only within its
    /// keepalive cadence, and until then its work still runs.
    /// </summary>
    TimeSpan HandoverGrace { get; }

    /// <summary>The lease, or null when another node still holds the lock after <paramref name="wait"/>.</summary>
    Task<ILeaderLease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>
/// PostgreSQL: a session advisory lock on a connection of its own (DistributedLock.Postgres). PostgreSQL releases it
/// when that connection ends, so a node killed with SIGKILL hands over as soon as the server sees the socket close.
/// </summary>
public sealed class PostgresLeaderLock(DatabaseSettings database, LeaderSettings settings) : ILeaderLock
{
    /// <summary>The advisory lock's 64-bit key; next to the append lock's (Database.AppendLockKey) so the two never collide.</summary>
    public const long Key = 7140420220413;

    private readonly PostgresDistributedLock distributedLock = new(
        new PostgresAdvisoryLockKey(Key),
        LockConnectionString(database.ResolveConnectionString()),
        o => o.UseMultiplexing(false).KeepaliveCadence(settings.Keepalive));

    /// <summary>
    /// The lock's connection asks the server to check every second whether its client is still there. The library
    /// watches the lock with a long-running <c>pg_sleep</c>, and a server busy with a query does not notice a killed
    /// node's socket until the query ends: without the check a dead leader held the lock about 30 s (PostgreSQL 14+).
    /// </summary>
    public static string LockConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        return builder.ConnectionString;
    }

    public TimeSpan HandoverGrace => settings.Keepalive;

    public async Task<ILeaderLease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        await distributedLock.TryAcquireAsync(wait, cancellationToken) is { } handle ? new Lease(handle) : null;

    private sealed class Lease(PostgresDistributedLockHandle handle) : ILeaderLease
    {
        public CancellationToken Lost { get; } = handle.HandleLostToken;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }
}

/// <summary>SQLite: one process per database file (docs/decisions/0051), so that process leads.</summary>
public sealed class ProcessLeaderLock : ILeaderLock
{
    public TimeSpan HandoverGrace => TimeSpan.Zero;

    public Task<ILeaderLease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken) => Task.FromResult<ILeaderLease?>(new Lease());

    private sealed class Lease : ILeaderLease
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Campaigns for the leader lock and, while it holds it, runs every registered <see cref="ILeaderWork"/>; when the lock
/// is lost it stops them and campaigns again. Followers keep trying, so one takes over when the leader dies.
/// </summary>
public sealed partial class LeaderElection(ILeaderLock leaderLock, IEnumerable<ILeaderWork> work, LeaderSettings settings, TimeProvider clock, ILogger<LeaderElection> logger) : BackgroundService
{
    private volatile bool leading;

    /// <summary>Whether this node runs the background work now.</summary>
    public bool IsLeader => leading;

    /// <summary>When this node last became leader (null: never).</summary>
    public DateTimeOffset? LeadingSince { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var works = work.ToArray();
        if (works.Length == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            ILeaderLease? lease;
            try
            {
                lease = await leaderLock.TryAcquireAsync(settings.AcquireWait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogCampaignFailed(logger, ex);
                await PauseAsync(settings.RetryDelay, stoppingToken);
                continue;
            }

            if (lease is null)
            {
                continue;
            }

            await LeadAsync(lease, works, stoppingToken);
        }
    }

    private async Task LeadAsync(ILeaderLease lease, ILeaderWork[] works, CancellationToken stoppingToken)
    {
        try
        {
            using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
            await PauseAsync(leaderLock.HandoverGrace, term.Token);
            if (term.IsCancellationRequested)
            {
                return;
            }

            LeadingSince = clock.GetUtcNow();
            leading = true;
            LogLeading(logger, works.Length);
            await Task.WhenAll(works.Select(w => SuperviseAsync(w, term.Token)));
        }
        finally
        {
            leading = false;
            try
            {
                await lease.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The connection holding the lock is already gone, and the lock with it.
                LogReleaseFailed(logger, ex);
            }
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            LogLostLeadership(logger);
        }
    }

    private async Task SuperviseAsync(ILeaderWork item, CancellationToken term)
    {
        // Off the campaign's thread, so one work's synchronous start cannot delay the others.
        await Task.Yield();
        while (!term.IsCancellationRequested)
        {
            try
            {
                await item.RunAsync(term);
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWorkFailed(logger, item.GetType().Name, ex);
            }

            await PauseAsync(settings.RetryDelay, term);
        }
    }

    private static async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping or no longer leading: the caller's loop sees it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node leads: running {Count} background works")]
    private static partial void LogLeading(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node lost the leader lock; background work stopped and it campaigns again")]
    private static partial void LogLostLeadership(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try the leader lock; trying again")]
    private static partial void LogCampaignFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing the leader lock failed (its connection is gone)")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Leader work {Work} failed; it restarts while this node leads")]
    private static partial void LogWorkFailed(ILogger logger, string work, Exception exception);
}
