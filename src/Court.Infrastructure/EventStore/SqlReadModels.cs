using System.Data.Common;
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
