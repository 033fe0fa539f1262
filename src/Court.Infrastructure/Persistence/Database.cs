using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Court.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database, where. Bound from <c>Court:Database</c> and <c>ConnectionStrings:Court</c>.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, built from <see cref="DataDirectory"/> when not given.</summary>
    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException("Court:Database:Provider is PostgreSql but ConnectionStrings:Court is empty.");
        }

        Directory.CreateDirectory(DataDirectory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "court.db"), Pooling = true }.ToString();
    }
}

/// <summary>The few places where SQLite and PostgreSQL differ for hand-written SQL.</summary>
public sealed class SqlDialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    public bool IsPostgres => Provider == DatabaseProvider.PostgreSql;

    public static bool IsUniqueViolation(Exception ex) => ex switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && (s.SqliteExtendedErrorCode is 2067 or 1555),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };

    public static string? ConstraintOf(Exception ex) => ex switch
    {
        PostgresException p => p.ConstraintName,
        SqliteException s => s.Message,
        _ => null,
    };

    /// <summary>A read-only transaction that sees one consistent snapshot of the database for all its statements.</summary>
    public static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>
    /// On PostgreSQL, serializes position assignment across all writers (every node), so positions become visible
    /// in order and a log follower can never pass over an event that commits later with a lower position.
    /// SQLite has a single writer already.
    /// </summary>
    public const long AppendLockKey = 7140420220412;

    public async Task LockAppendsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({AppendLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Durability settings for every SQLite connection: WAL, synchronous=FULL, a busy timeout instead of failing at once.</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

public static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
