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
            await using var deleteKeys = connection.Command(
                reset,
                "DELETE FROM document_keys WHERE EXISTS (SELECT 1 FROM documents d WHERE d.collection = document_keys.collection AND d.id = document_keys.id AND d.projection = @p)")
                .With("@p", projection.Name);
            await deleteKeys.ExecuteNonQueryAsync(cancellationToken);
            await using var delete = connection.Command(reset, "DELETE FROM documents WHERE projection = @p").With("@p", projection.Name);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            await using var checkpoint = connection.Command(reset, "DELETE FROM projection_checkpoints WHERE name = @p").With("@p", projection.Name);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            await reset.CommitAsync(cancellationToken);
        }

        long after = 0;
        long read = 0;

        // One session for the whole rebuild: the projection's documents were just deleted and nobody else writes them
        // meanwhile, so what this session flushed can be answered from memory on later pages.
        await using var session = new SqlDocumentSession(connection, null) { Projection = projection.Name, RememberFlushed = true };
        await using var move = connection.Command(
            null,
            "INSERT INTO projection_checkpoints (name, position) VALUES (@n, @p) ON CONFLICT (name) DO UPDATE SET position = excluded.position")
            .With("@n", projection.Name).With("@p", 0L);
        // The next page is read while this one is applied.
        var next = store.ReadAllAsync(after, PageSize, cancellationToken);
        try
        {
            while (true)
            {
                var page = await next;
                if (page.Count == 0)
                {
                    break;
                }

                next = store.ReadAllAsync(page[^1].Position, PageSize, cancellationToken);
                var envelopes = PageDecoder.Decode(registry, projection, page);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                session.Transaction = transaction;
                try
                {
                    foreach (var envelope in envelopes)
                    {
                        if (envelope is not null)
                        {
                            session.Position = envelope.Position;
                            await projection.ApplyAsync(envelope, session, cancellationToken);
                        }
                    }

                    await session.FlushAsync(cancellationToken);
                    after = page[^1].Position;
                    move.Transaction = transaction;
                    move.Parameters[1].Value = after;
                    await move.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch
                {
                    session.DiscardPending();
                    throw;
                }

                read += page.Count;
                progress?.Report(read);
            }
        }
        finally
        {
            // Never leave the prefetch running unobserved; after a failure its page is not needed.
            try
            {
                await next;
            }
            catch (Exception)
            {
            }
        }
    }
}
