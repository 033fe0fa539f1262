using System.Data.Common;
using System.Text.Json;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// Brings the list keys of listed collections up to the key names their read models now produce (decision 0160):
/// documents stored before their model became listed, or before it gained or lost a key. Run at start-up after the
/// migrations, under the start-up lock. Each collection is probed through its last document by id: when the names that
/// document now produces equal its stored key names, the collection is taken as current and nothing is read further;
/// otherwise every document's key rows are rewritten in id order, so the probe document is the last to change and an
/// interrupted rewrite is found again at the next start.
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

    /// <summary>Brings every listed collection up to date; answers how many documents got their keys rewritten.</summary>
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
        if (await IsCurrentAsync(connection, collection, type, cancellationToken))
        {
            return 0;
        }

        await using var select = connection.Command(
            null,
            "SELECT id, partition, data FROM documents WHERE collection = @c AND id > @after ORDER BY id LIMIT @n")
            .With("@c", collection).With("@after", "").With("@n", (long)BatchSize);
        await using var clear = connection.Command(null, "DELETE FROM document_keys WHERE collection = @c AND id > @after AND id <= @last")
            .With("@c", collection).With("@after", "").With("@last", "");
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
                    batch.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), Read(reader.GetString(2), type)));
                }
            }

            if (batch.Count == 0)
            {
                return written;
            }

            // Clearing the batch's id range first drops the names the model no longer produces (and stray rows of
            // documents since deleted) without knowing which they are.
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                clear.Transaction = transaction;
                clear.Parameters[1].Value = after;
                clear.Parameters[2].Value = batch[^1].Id;
                await clear.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>One document and its key rows: whether the names it produces now are the names stored (an empty collection is current).</summary>
    private static async Task<bool> IsCurrentAsync(DbConnection connection, string collection, Type type, CancellationToken cancellationToken)
    {
        string id;
        IListed document;
        await using (var last = connection.Command(null, "SELECT id, data FROM documents WHERE collection = @c ORDER BY id DESC LIMIT 1").With("@c", collection))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return true;
            }

            (id, document) = (reader.GetString(0), Read(reader.GetString(1), type));
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var names = connection.Command(null, "SELECT name FROM document_keys WHERE collection = @c AND id = @id").With("@c", collection).With("@id", id))
        await using (var reader = await names.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetString(0));
            }
        }

        return stored.SetEquals(document.ListKeys().Select(k => k.Name));
    }

    private static IListed Read(string json, Type type) => (IListed)JsonSerializer.Deserialize(json, type, EventTypeRegistry.JsonOptions)!;
}
