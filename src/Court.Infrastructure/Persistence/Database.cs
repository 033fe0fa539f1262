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

    /// <summary>Where the SQLite file and the key files live. A relative path is under the content root (the application's folder).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The settings from <c>Court:Database</c> and <c>ConnectionStrings:Court</c>, with <see cref="DataDirectory"/> made
    /// absolute against the content root, so the host finds its data wherever it was started from.
    /// </summary>
    public static DatabaseSettings From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var settings = new DatabaseSettings();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Court:Database"), settings);
        settings.ConnectionString = configuration["ConnectionStrings:Court"] is { Length: > 0 } given ? given : settings.ConnectionString;
        var root = configuration["contentRoot"] is { Length: > 0 } contentRoot ? contentRoot : AppContext.BaseDirectory;
        settings.DataDirectory = Path.GetFullPath(settings.DataDirectory, root);
        return settings;
    }

    /// <summary>
    /// Refuses, with one line naming the folder and the permission, a data folder that cannot be created or written
    /// (SQLite file, key files): better than an unhandled exception from deep inside SQLite.
    /// </summary>
    public void EnsureDataDirectoryWritable()
    {
        try
        {
            Directory.CreateDirectory(DataDirectory);
            var probe = Path.Combine(DataDirectory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new DataDirectoryNotWritableException(DataDirectory, e);
        }
    }

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

/// <summary>The data folder cannot be written; the message is the one line an operator needs.</summary>
public sealed class DataDirectoryNotWritableException(string directory, Exception inner) : Exception(
    $"Court cannot write to its data folder {directory} ({inner.Message}): the user running Court needs read, write and execute (rwx) permission on it; set another folder with Court:Database:DataDirectory.",
    inner)
{
    public string Directory { get; } = directory;
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
