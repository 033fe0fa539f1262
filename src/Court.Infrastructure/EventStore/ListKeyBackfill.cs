using System.Text.Json;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// Writes the list keys of listed documents that have none: documents stored before their read model became listed
/// (decision 0160). Run at start-up after the migrations; a document that has keys costs one index probe, so a
/// database that is up to date is checked in one pass and nothing is written.
/// </summary>
public sealed class ListKeyBackfill(ConnectionFactory connections, IEnumerable<IProjection> projections)
{
    private const int BatchSize = 1000;

    /// <summary>The listed document types: those of the projections' assemblies and of the application's.</summary>
    public IReadOnlyList<Type> ListedTypes { get; } =
    [
        .. projections.Select(p => p.GetType().Assembly).Append(typeof(IListed).Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IListed).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>Backfills every listed collection; answers how many documents got their keys.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken = default)
    {
        long written = 0;
        foreach (var type in ListedTypes)
        {
            written += await RunAsync(type, cancellationToken);
        }

        return written;
    }

    public async Task<long> RunAsync(Type type, CancellationToken cancellationToken = default)
    {
        var collection = CollectionAttribute.NameOf(type);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var select = connection.Command(
            null,
            """
            SELECT d.id, d.partition, d.data FROM documents d
            WHERE d.collection = @c AND d.id > @after
              AND NOT EXISTS (SELECT 1 FROM document_keys k WHERE k.collection = d.collection AND k.id = d.id)
            ORDER BY d.id LIMIT @n
            """)
            .With("@c", collection).With("@after", "").With("@n", (long)BatchSize);
        long written = 0;
        var after = "";
        while (true)
        {
            var batch = new List<(string Id, string? Partition, IListed Document)>(BatchSize);
            select.Parameters[1].Value = after;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var document = (IListed)JsonSerializer.Deserialize(reader.GetString(2), type, EventTypeRegistry.JsonOptions)!;
                    batch.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), document));
                }
            }

            if (batch.Count == 0)
            {
                return written;
            }

            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await using var session = new SqlDocumentSession(connection, transaction);
                foreach (var (id, partition, document) in batch)
                {
                    await session.StoreKeysAsync(collection, id, partition, document, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            written += batch.Count;
            after = batch[^1].Id;
        }
    }
}
