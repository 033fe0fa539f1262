using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;

namespace Court.Infrastructure.EventStore;

/// <summary>The query side: reads committed documents.</summary>
public sealed class SqlReadModels(ConnectionFactory connections) : IReadModels
{
    public async Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var lease = await connections.RentAsync(cancellationToken);
        var command = lease.Command("SELECT data FROM documents WHERE collection = @c AND id = @id", "@c", "@id");
        command.Parameters[0].Value = CollectionAttribute.NameOf(typeof(T));
        command.Parameters[1].Value = id;
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<T>(json, EventTypeRegistry.JsonOptions)
            : null;
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string? partition = null, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var lease = await connections.RentAsync(cancellationToken);
        var rows = await ReadAsync<T>(lease.Connection, null, CollectionAttribute.NameOf(typeof(T)), partition, cancellationToken);
        return [.. rows.Select(r => r.Document)];
    }

    public async Task<IReadOnlyList<string>> IdsAsync<T>(string partition, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var lease = await connections.RentAsync(cancellationToken);
        await using var command = lease.Connection.Command(null, "SELECT id FROM documents WHERE collection = @c AND partition = @p ORDER BY id")
            .With("@c", CollectionAttribute.NameOf(typeof(T))).With("@p", partition);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Keyset paging over <c>document_keys</c>: the sort key's rows in (value, id) order, from just after the cursor,
    /// joined to the documents; each filter and the search is one more key row of the same document. The limit plus
    /// one row is read, to know whether another page follows.
    /// </summary>
    public async Task<Page<T>> PageAsync<T>(PageRequest request, CancellationToken cancellationToken = default)
        where T : class, IListed
    {
        if (request.Limit is < 1 or > PageRequest.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, $"A page holds 1 to {PageRequest.MaxLimit} documents.");
        }

        (string Value, string Id)? after = request.After is null ? null : PageCursor.Decode(request.After, request.Sort, request.Descending)
            ?? throw new ArgumentException("The cursor was not made by this list and sort.", nameof(request));

        await using var lease = await connections.RentAsync(cancellationToken);
        await using var command = lease.Connection.CreateCommand();
        if (Select<T>(command, request) is not ({ } from, { } where))
        {
            return new Page<T>([], null, request.WithTotal ? 0 : null);
        }

        long? total = null;
        if (request.WithTotal)
        {
            command.CommandText = $"SELECT COUNT(*) {from} {where}";
            total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var direction = request.Descending ? "DESC" : "ASC";
        if (after is { } cursor)
        {
            where.Append(request.Descending ? " AND (s.value, s.id) < (@av, @aid)" : " AND (s.value, s.id) > (@av, @aid)");
            command.With("@av", cursor.Value).With("@aid", cursor.Id);
        }

        command.With("@n", (long)request.Limit + 1);
        command.CommandText = $"""
            SELECT s.value, s.id, d.data {from} JOIN documents d ON d.collection = s.collection AND d.id = s.id
            {where} ORDER BY s.value {direction}, s.id {direction} LIMIT @n
            """;
        var items = new List<T>(request.Limit);
        string? next = null;
        string lastValue = "", lastId = "";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (items.Count == request.Limit)
                {
                    next = PageCursor.Encode(request.Sort, request.Descending, lastValue, lastId);
                    break;
                }

                lastValue = reader.GetString(0);
                lastId = reader.GetString(1);
                items.Add(JsonSerializer.Deserialize<T>(reader.GetString(2), EventTypeRegistry.JsonOptions)!);
            }
        }

        return new Page<T>(items, next, total);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByAsync<T>(PageRequest request, string? groupBy = null, CancellationToken cancellationToken = default)
        where T : class, IListed
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var lease = await connections.RentAsync(cancellationToken);
        await using var command = lease.Connection.CreateCommand();
        if (Select<T>(command, request) is not ({ } from, { } where))
        {
            return counts;
        }

        var group = "s.partition";
        if (groupBy is not null)
        {
            from.Append(" JOIN document_keys g ON g.collection = s.collection AND g.id = s.id AND g.name = @gn");
            command.With("@gn", groupBy);
            group = "g.value";
        }

        command.CommandText = $"SELECT {group}, COUNT(*) {from} {where} GROUP BY {group}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.IsDBNull(0) ? "" : reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public async Task<string?> ValueAtAsync<T>(PageRequest request, long index, CancellationToken cancellationToken = default)
        where T : class, IListed
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        await using var lease = await connections.RentAsync(cancellationToken);
        await using var command = lease.Connection.CreateCommand();
        if (Select<T>(command, request) is not ({ } from, { } where))
        {
            return null;
        }

        var direction = request.Descending ? "DESC" : "ASC";
        command.With("@offset", index);
        command.CommandText = $"SELECT s.value {from} {where} ORDER BY s.value {direction}, s.id {direction} LIMIT 1 OFFSET @offset";
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// The FROM and WHERE of a request's matches: the sort key's rows, narrowed by range, partitions, filters and
    /// search (each one more key row of the same document); null when an empty set of values matches nothing.
    /// </summary>
    private static (StringBuilder From, StringBuilder Where)? Select<T>(DbCommand command, PageRequest request)
    {
        var from = new StringBuilder("FROM document_keys s");
        var where = new StringBuilder("WHERE s.collection = @c AND s.name = @sort");
        command.With("@c", CollectionAttribute.NameOf(typeof(T))).With("@sort", request.Sort);
        if (request.Below is { } below)
        {
            where.Append(" AND s.value < @below");
            command.With("@below", below);
        }

        if (request.Partitions is { } partitions)
        {
            if (partitions.Count == 0)
            {
                return null;
            }

            where.Append(" AND s.partition IN (").Append(Parameters(command, "p", partitions)).Append(')');
        }

        var f = 0;
        foreach (var (name, values) in request.Filters)
        {
            if (values.Count == 0)
            {
                return null;
            }

            var alias = "f" + f.ToString(CultureInfo.InvariantCulture);
            from.Append(CultureInfo.InvariantCulture, $" JOIN document_keys {alias} ON {alias}.collection = s.collection AND {alias}.id = s.id AND {alias}.name = @{alias}n");
            from.Append(CultureInfo.InvariantCulture, $" AND {alias}.value IN ({Parameters(command, alias + "v", values)})");
            command.With("@" + alias + "n", name);
            f++;
        }

        if (request.Search is { Length: > 0 } search)
        {
            from.Append(" JOIN document_keys q ON q.collection = s.collection AND q.id = s.id AND q.name = @qn AND q.value LIKE @q ESCAPE '\\'");
            command.With("@qn", ListKey.SearchName).With("@q", "%" + EscapeLike(search.ToLowerInvariant()) + "%");
        }

        return (from, where);
    }

    private static string Parameters(DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "@" + prefix + i.ToString(CultureInfo.InvariantCulture);
            command.With(names[i], values[i]);
        }

        return string.Join(", ", names);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    internal static async Task<List<(string Id, T Document)>> ReadAsync<T>(DbConnection connection, DbTransaction? transaction, string collection, string? partition, CancellationToken cancellationToken)
    {
        var sql = partition is null
            ? "SELECT id, data FROM documents WHERE collection = @c ORDER BY id"
            : "SELECT id, data FROM documents WHERE collection = @c AND partition = @p ORDER BY id";
        await using var command = connection.Command(transaction, sql).With("@c", collection);
        if (partition is not null)
        {
            command.With("@p", partition);
        }

        var result = new List<(string, T)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetString(0), JsonSerializer.Deserialize<T>(reader.GetString(1), EventTypeRegistry.JsonOptions)!));
        }

        return result;
    }
}
