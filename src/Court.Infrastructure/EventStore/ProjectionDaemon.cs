using System.Data.Common;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// Runs async projections on the leader node: each follows the global log from its checkpoint; a page's document writes and the new
/// checkpoint commit in one transaction, and the checkpoint only moves from the value read, so two nodes running
/// the same projection cannot both apply a page. Appends are serialized by position (see
/// <see cref="SqlDialect.LockAppendsAsync"/>), so the log never shows a later position before an earlier one.
/// </summary>
public sealed partial class ProjectionDaemon(
    ConnectionFactory connections,
    IEventStore store,
    EventTypeRegistry registry,
    IEnumerable<IProjection> projections,
    AppendNotifier notifier,
    ProjectionSettings settings,
    ILogger<ProjectionDaemon> logger) : ILeaderWork
{
    private const int PageSize = 500;

    public async Task RunAsync(CancellationToken leadership)
    {
        var asyncProjections = projections.Where(p => p.Mode == ProjectionMode.Async).ToArray();
        if (asyncProjections.Length == 0)
        {
            return;
        }

        while (!leadership.IsCancellationRequested)
        {
            var wait = notifier.WaitAsync(settings.PollInterval, leadership);
            foreach (var projection in asyncProjections)
            {
                try
                {
                    while (await RunPageAsync(projection, leadership) > 0)
                    {
                    }
                }
                catch (OperationCanceledException) when (leadership.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // One broken projection must not stall the others.
                    LogProjectionFailed(logger, projection.Name, ex);
                }
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

    /// <summary>Applies the next page of the log to one projection; returns how many events it read (0: caught up).</summary>
    public async Task<int> RunPageAsync(IProjection projection, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var checkpoint = await ReadCheckpointAsync(connection, projection.Name, cancellationToken);
        var page = await store.ReadAllAsync(checkpoint, PageSize, cancellationToken);
        if (page.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var session = new SqlDocumentSession(connection, transaction) { Projection = projection.Name };
        foreach (var envelope in PageDecoder.Decode(registry, projection, page))
        {
            if (envelope is not null)
            {
                session.Position = envelope.Position;
                await projection.ApplyAsync(envelope, session, cancellationToken);
            }
        }

        await session.FlushAsync(cancellationToken);
        if (!await MoveCheckpointAsync(connection, transaction, projection.Name, checkpoint, page[^1].Position, cancellationToken))
        {
            // Another node moved it first: drop this page and read again from where it got to.
            await transaction.RollbackAsync(cancellationToken);
            return page.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        return page.Count;
    }

    public static async Task<long> ReadCheckpointAsync(DbConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, "SELECT position FROM projection_checkpoints WHERE name = @n").With("@n", name);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    /// <summary>Moves a checkpoint only from the value read (false: another host moved it first).</summary>
    public static async Task<bool> MoveCheckpointAsync(DbConnection connection, DbTransaction transaction, string name, long from, long to, CancellationToken cancellationToken)
    {
        await using var update = connection.Command(transaction, "UPDATE projection_checkpoints SET position = @to WHERE name = @n AND position = @from")
            .With("@to", to).With("@n", name).With("@from", from);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return true;
        }

        if (from != 0)
        {
            return false;
        }

        await using var insert = connection.Command(transaction, "INSERT INTO projection_checkpoints (name, position) VALUES (@n, @to) ON CONFLICT (name) DO NOTHING")
            .With("@n", name).With("@to", to);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Async projection {Projection} failed; it will retry from its checkpoint")]
    private static partial void LogProjectionFailed(ILogger logger, string projection, Exception exception);
}

/// <summary>Bound from <c>Court:Projections</c>.</summary>
public sealed class ProjectionSettings
{
    /// <summary>How often async projections look for other nodes' appends; this node's own appends wake them at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
