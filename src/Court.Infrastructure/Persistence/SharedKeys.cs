namespace Court.Infrastructure.Persistence;

/// <summary>
/// Where the secrets every node must share come from (decision 0113): configuration first; else, on PostgreSQL, the
/// <c>shared_keys</c> table, created once by whichever node needs it first (insert-if-absent, then read what won);
/// else, on SQLite (one node by decision 0051), a file in the data folder. A node that already had a key file
/// brings it into the table when the table has none, so upgrading keeps issued tokens and codes valid.
/// </summary>
public sealed class SharedKeys(ConnectionFactory connections, DatabaseSettings database, TimeProvider clock)
{
    public bool InDatabase => database.Provider == DatabaseProvider.PostgreSql;

    /// <summary>The shared secret <paramref name="name"/>, created from <paramref name="create"/> (or the legacy file's content) if no node made it yet.</summary>
    public string GetOrCreate(string name, string? legacyFile, Func<string> create) =>
        Task.Run(() => GetOrCreateAsync(name, legacyFile, create)).GetAwaiter().GetResult();

    public async Task<string> GetOrCreateAsync(string name, string? legacyFile, Func<string> create, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(name, cancellationToken) is { } stored)
        {
            return stored;
        }

        var value = legacyFile is not null && File.Exists(legacyFile) ? (await File.ReadAllTextAsync(legacyFile, cancellationToken)).Trim() : create();
        await InsertAsync(name, value, cancellationToken);
        return await ReadAsync(name, cancellationToken) ?? throw new InvalidOperationException($"The shared key {name} was stored but cannot be read back.");
    }

    public async Task InsertAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, "INSERT INTO shared_keys (name, value, created_at) VALUES (@n, @v, @t) ON CONFLICT (name) DO NOTHING")
            .With("@n", name).With("@v", value).With("@t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReadPrefixedAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT value FROM shared_keys WHERE name LIKE @p ORDER BY created_at, name").With("@p", prefix + "%");
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT value FROM shared_keys WHERE name = @n").With("@n", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
