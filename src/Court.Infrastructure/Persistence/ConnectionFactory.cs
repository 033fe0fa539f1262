using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Court.Infrastructure.Persistence;

/// <summary>
/// Raw ADO.NET connections for the event store's hot paths (appends, stream loads, log reads), which skip EF Core's
/// change tracking; EF Core owns the schema, migrations and Identity.
/// </summary>
public sealed class ConnectionFactory : IAsyncDisposable
{
    private readonly NpgsqlDataSource? npgsql;
    private readonly string connectionString;

    public ConnectionFactory(DatabaseSettings settings)
    {
        Dialect = new SqlDialect(settings.Provider);
        connectionString = settings.ResolveConnectionString();
        if (Dialect.IsPostgres)
        {
            npgsql = NpgsqlDataSource.Create(connectionString);
        }
    }

    public SqlDialect Dialect { get; }

    public string ConnectionString => connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (npgsql is not null)
        {
            return await npgsql.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        SqlitePragmas.Apply(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (npgsql is not null)
        {
            await npgsql.DisposeAsync();
        }
    }
}
