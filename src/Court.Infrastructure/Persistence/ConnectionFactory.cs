using System.Collections.Concurrent;
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
    /// <summary>Idle SQLite read connections kept open; more may be open at once, the extra ones are closed on return.</summary>
    private const int MaxIdleReaders = 16;

    private readonly NpgsqlDataSource? npgsql;
    private readonly string connectionString;
    private readonly ConcurrentBag<ConnectionLease> idle = [];
    private int idleCount;
    private bool disposed;

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

    /// <summary>A new connection, with SQLite's durability pragmas applied. The caller disposes it.</summary>
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

    /// <summary>After a connection-level failure the pools may hold more dead connections (a server restart): drop them.</summary>
    public async ValueTask ForgetPooledConnectionsAsync()
    {
        npgsql?.Clear();
        Npgsql.NpgsqlConnection.ClearAllPools();
        while (idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref idleCount);
            await lease.CloseAsync();
        }
    }

    /// <summary>
    /// A connection for reads outside any transaction. On SQLite it is an open connection kept between uses with its
    /// statements prepared (opening one and applying the pragmas costs more than a stream load); on PostgreSQL a
    /// connection from Npgsql's pool.
    /// </summary>
    public async ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken = default)
    {
        if (npgsql is null && idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref idleCount);
            return lease;
        }

        return new ConnectionLease(this, await OpenAsync(cancellationToken), pooled: npgsql is null);
    }

    internal async ValueTask ReturnAsync(ConnectionLease lease)
    {
        if (!disposed && lease.Pooled && lease.Connection.State == System.Data.ConnectionState.Open)
        {
            if (Interlocked.Increment(ref idleCount) <= MaxIdleReaders)
            {
                idle.Add(lease);
                return;
            }

            Interlocked.Decrement(ref idleCount);
        }

        await lease.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        while (idle.TryTake(out var lease))
        {
            await lease.CloseAsync();
        }

        if (npgsql is not null)
        {
            await npgsql.DisposeAsync();
        }
    }
}

/// <summary>A rented read connection; <see cref="Command"/> hands out statements that stay prepared while it is pooled.</summary>
public sealed class ConnectionLease : IAsyncDisposable
{
    private readonly ConnectionFactory owner;
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    internal ConnectionLease(ConnectionFactory owner, DbConnection connection, bool pooled)
    {
        this.owner = owner;
        Connection = connection;
        Pooled = pooled;
    }

    public DbConnection Connection { get; }

    internal bool Pooled { get; }

    /// <summary>The command for <paramref name="sql"/> with parameters named <paramref name="parameters"/>, created once per connection; set the values by index.</summary>
    public DbCommand Command(string sql, params string[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            if (commands.Count >= 64)
            {
                // Statement texts are meant to be few and fixed; should a caller vary them, do not hoard them.
                foreach (var old in commands.Values)
                {
                    old.Dispose();
                }

                commands.Clear();
            }

            command = Connection.Command(null, sql);
            foreach (var name in parameters)
            {
                command.With(name, null);
            }

            if (Pooled)
            {
                // Compiled once and kept: Microsoft.Data.Sqlite otherwise compiles the statement again on every execution.
                command.Prepare();
            }

            commands[sql] = command;
        }

        return command;
    }

    public ValueTask DisposeAsync() => owner.ReturnAsync(this);

    internal async ValueTask CloseAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }

        commands.Clear();
        await Connection.DisposeAsync();
    }
}
