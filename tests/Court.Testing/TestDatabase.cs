using Court.Infrastructure.Persistence;
using Xunit;

namespace Court.Testing;

/// <summary>
/// A database of its own for one test class (use as an <c>IClassFixture</c>) or one test: a SQLite file in a temp
/// folder, or a uniquely named PostgreSQL database. <see cref="Settings"/> is the configuration that points the host at it.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Async projections look for other nodes' appends this often in tests (500 ms in production).</summary>
    public const string FastPoll = "00:00:00.020";

    protected const string PollIntervalKey = "Court:Projections:PollInterval";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Configuration keys for <c>AddCourtInfrastructure</c> or a <c>WebApplicationFactory</c>.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public static TestDatabase For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.PostgreSql => new PostgresTestDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A SQLite file (<c>court.db</c>) in a temp folder that is deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly TempDirectory directory = new("court-sqlite");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DataDirectory => directory.Path;

    public string FilePath => directory.File("court.db");

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Court:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
        ["Court:Database:DataDirectory"] = directory.Path,
        [PollIntervalKey] = FastPoll,
    };

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A uniquely named database on the test PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private string? connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public string ConnectionString => connectionString ?? throw new InvalidOperationException("InitializeAsync first.");

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Court:Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
        ["ConnectionStrings:Court"] = ConnectionString,
        [PollIntervalKey] = FastPoll,
    };

    public override async Task InitializeAsync() => connectionString ??= await PostgresServer.CreateDatabaseAsync();

    public override async Task DisposeAsync()
    {
        if (connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
            connectionString = null;
        }
    }
}
