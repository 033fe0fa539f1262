using System.Data.Common;
using System.Text.Json;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// Documents read from the database in the current transaction, with this session's pending writes laid over them.
/// <see cref="FlushAsync"/> writes the pending changes in that same transaction. One session may serve several
/// transactions in turn on the same connection (set <see cref="Transaction"/>); its statements stay prepared.
/// </summary>
public sealed class SqlDocumentSession(DbConnection connection, DbTransaction? transaction) : IDocumentSession, IAsyncDisposable
{
    private readonly Dictionary<(string Collection, string Id), Pending> pending = [];
    private Dictionary<(string Collection, string Id), object?>? flushed;
    private DbCommand? load;
    private DbCommand? upsert;
    private DbCommand? delete;
    private DbCommand? upsertKey;
    private DbCommand? deleteKeys;
    private readonly Dictionary<int, DbCommand> deleteOtherKeys = [];

    /// <summary>The projection whose writes follow; recorded on each document so a rebuild knows what to delete.</summary>
    public string Projection { get; set; } = "";

    public long Position { get; set; }

    public int PendingCount => pending.Count;

    public DbTransaction? Transaction
    {
        get => transaction;
        set => transaction = value;
    }

    /// <summary>
    /// Remember what was flushed and answer later loads of it from memory. Only for a sole writer of its documents
    /// (a rebuild), or a document changed by someone else would be read stale.
    /// </summary>
    public bool RememberFlushed
    {
        get => flushed is not null;
        set => flushed = value ? flushed ?? [] : null;
    }

    public async ValueTask<T?> LoadAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : class
    {
        var key = (CollectionAttribute.NameOf(typeof(T)), id);
        if (pending.TryGetValue(key, out var change))
        {
            return change.Deleted ? null : (T)change.Document!;
        }

        if (flushed is not null && flushed.TryGetValue(key, out var remembered))
        {
            return (T?)remembered;
        }

        load ??= connection.Command(transaction, "SELECT data FROM documents WHERE collection = @c AND id = @id").With("@c", "").With("@id", "");
        load.Transaction = transaction;
        load.Parameters[0].Value = key.Item1;
        load.Parameters[1].Value = id;
        return await load.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<T>(json, EventTypeRegistry.JsonOptions)
            : null;
    }

    public async ValueTask<IReadOnlyList<T>> QueryAsync<T>(string? partition = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var collection = CollectionAttribute.NameOf(typeof(T));
        var found = await SqlReadModels.ReadAsync<T>(connection, transaction, collection, partition, cancellationToken);
        var byId = found.ToDictionary(f => f.Id, f => f.Document, StringComparer.Ordinal);
        foreach (var ((c, id), change) in pending)
        {
            if (c != collection)
            {
                continue;
            }

            if (change.Deleted || (partition is not null && change.Partition != partition))
            {
                byId.Remove(id);
            }
            else
            {
                byId[id] = (T)change.Document!;
            }
        }

        return [.. byId.Values];
    }

    public void Store<T>(string id, T document, string? partition = null)
        where T : class =>
        pending[(CollectionAttribute.NameOf(typeof(T)), id)] = new Pending(document, typeof(T), partition, Projection, false, Position);

    public void Delete<T>(string id)
        where T : class =>
        pending[(CollectionAttribute.NameOf(typeof(T)), id)] = new Pending(null, typeof(T), null, Projection, true, Position);

    /// <summary>Forgets pending writes, and anything remembered: the transaction they went into is being rolled back.</summary>
    public void DiscardPending()
    {
        pending.Clear();
        flushed?.Clear();
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        upsert ??= connection.Command(
            transaction,
            """
            INSERT INTO documents (collection, id, partition, projection, data, position)
            VALUES (@c, @id, @p, @proj, @data, @pos)
            ON CONFLICT (collection, id) DO UPDATE SET partition = excluded.partition, projection = excluded.projection,
                data = excluded.data, position = excluded.position
            """)
            .With("@c", "").With("@id", "").With("@p", null).With("@proj", "").With("@data", "").With("@pos", 0L);
        delete ??= connection.Command(transaction, "DELETE FROM documents WHERE collection = @c AND id = @id").With("@c", "").With("@id", "");
        upsert.Transaction = transaction;
        delete.Transaction = transaction;
        if (deleteKeys is not null)
        {
            deleteKeys.Transaction = transaction;
        }

        if (upsertKey is not null)
        {
            upsertKey.Transaction = transaction;
        }

        foreach (var ((collection, id), change) in pending)
        {
            if (change.Deleted)
            {
                delete.Parameters[0].Value = collection;
                delete.Parameters[1].Value = id;
                await delete.ExecuteNonQueryAsync(cancellationToken);
                if (typeof(IListed).IsAssignableFrom(change.Type))
                {
                    deleteKeys ??= connection.Command(transaction, "DELETE FROM document_keys WHERE collection = @c AND id = @id").With("@c", "").With("@id", "");
                    deleteKeys.Parameters[0].Value = collection;
                    deleteKeys.Parameters[1].Value = id;
                    await deleteKeys.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            else
            {
                upsert.Parameters[0].Value = collection;
                upsert.Parameters[1].Value = id;
                upsert.Parameters[2].Value = (object?)change.Partition ?? DBNull.Value;
                upsert.Parameters[3].Value = change.Projection;
                upsert.Parameters[4].Value = JsonSerializer.Serialize(change.Document, change.Type, EventTypeRegistry.JsonOptions);
                upsert.Parameters[5].Value = change.Position;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
                if (change.Document is IListed listed)
                {
                    await StoreKeysAsync(collection, id, change.Partition, listed, cancellationToken);
                }
            }

            if (flushed is not null)
            {
                flushed[(collection, id)] = change.Document;
            }
        }

        pending.Clear();
    }

    /// <summary>
    /// Writes the document's list keys beside it. A key whose value and partition did not change is left alone, so
    /// the sort indexes are only touched when a listed value moves (a case document is rewritten on every event).
    /// A key the document no longer produces is deleted: a closed case drops out of the lists sorted by what it no
    /// longer has due.
    /// </summary>
    internal async Task StoreKeysAsync(string collection, string id, string? partition, IListed listed, CancellationToken cancellationToken)
    {
        upsertKey ??= connection.Command(
            transaction,
            """
            INSERT INTO document_keys (collection, id, name, value, partition) VALUES (@c, @id, @n, @v, @p)
            ON CONFLICT (collection, id, name) DO UPDATE SET value = excluded.value, partition = excluded.partition
            WHERE document_keys.value <> excluded.value OR document_keys.partition IS DISTINCT FROM excluded.partition
            """)
            .With("@c", "").With("@id", "").With("@n", "").With("@v", "").With("@p", null);
        upsertKey.Transaction = transaction;
        upsertKey.Parameters[0].Value = collection;
        upsertKey.Parameters[1].Value = id;
        upsertKey.Parameters[4].Value = (object?)partition ?? DBNull.Value;
        var names = new List<string>();
        foreach (var key in listed.ListKeys())
        {
            upsertKey.Parameters[2].Value = key.Name;
            upsertKey.Parameters[3].Value = key.Value;
            await upsertKey.ExecuteNonQueryAsync(cancellationToken);
            names.Add(key.Name);
        }

        // One prepared statement per number of names (a model produces one or two counts), so it stays prepared.
        if (!deleteOtherKeys.TryGetValue(names.Count, out var deleteOthers))
        {
            var parameters = string.Join(", ", Enumerable.Range(0, names.Count).Select(i => "@n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            deleteOthers = connection.Command(transaction, names.Count == 0
                ? "DELETE FROM document_keys WHERE collection = @c AND id = @id"
                : $"DELETE FROM document_keys WHERE collection = @c AND id = @id AND name NOT IN ({parameters})");
            deleteOthers.With("@c", "").With("@id", "");
            for (var i = 0; i < names.Count; i++)
            {
                deleteOthers.With("@n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "");
            }

            deleteOtherKeys[names.Count] = deleteOthers;
        }

        deleteOthers.Transaction = transaction;
        deleteOthers.Parameters[0].Value = collection;
        deleteOthers.Parameters[1].Value = id;
        for (var i = 0; i < names.Count; i++)
        {
            deleteOthers.Parameters[i + 2].Value = names[i];
        }

        await deleteOthers.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { load, upsert, delete, upsertKey, deleteKeys }.Concat(deleteOtherKeys.Values))
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private sealed record Pending(object? Document, Type Type, string? Partition, string Projection, bool Deleted, long Position);
}
