using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// Rebuilds a projection from the log: deletes its documents, replays every event, and leaves its checkpoint at the
/// end. Run it while no other process writes (the CLI verb does), or inline projections may see events twice.
/// </summary>
public sealed class ProjectionRebuilder(ConnectionFactory connections, IEventStore store, EventTypeRegistry registry, IEnumerable<IProjection> projections)
{
    private const int PageSize = 2000;

    public IReadOnlyList<IProjection> Projections { get; } = [.. projections];

    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT COUNT(*) FROM events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rebuilds <paramref name="projection"/>; <paramref name="progress"/> gets the number of events read so far.</summary>
    public async Task RebuildAsync(IProjection projection, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var reset = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var delete = connection.Command(reset, "DELETE FROM documents WHERE projection = @p").With("@p", projection.Name);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            await using var checkpoint = connection.Command(reset, "DELETE FROM projection_checkpoints WHERE name = @p").With("@p", projection.Name);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            await reset.CommitAsync(cancellationToken);
        }

        long after = 0;
        long read = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var session = new SqlDocumentSession(connection, transaction) { Projection = projection.Name };
            foreach (var recorded in page)
            {
                if (registry.Deserialize(recorded) is { } @event && projection.Handles(@event))
                {
                    session.Position = recorded.Position;
                    await projection.ApplyAsync(new EventEnvelope(recorded, @event, EventTypeRegistry.ReadMetadata(recorded)), session, cancellationToken);
                }
            }

            await session.FlushAsync(cancellationToken);
            after = page[^1].Position;
            await using var move = connection.Command(
                transaction,
                "INSERT INTO projection_checkpoints (name, position) VALUES (@n, @p) ON CONFLICT (name) DO UPDATE SET position = excluded.position")
                .With("@n", projection.Name).With("@p", after);
            await move.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            read += page.Count;
            progress?.Report(read);
        }
    }
}
