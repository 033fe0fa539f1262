using Npgsql;

namespace Court.Web.Tests.Support;

/// <summary>
/// Where a test host keeps its data: always a fresh temp folder (keys, SQLite file); with env COURT_TEST_POSTGRES set
/// (an admin connection string), also a uniquely named PostgreSQL database that is dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COURT_TEST_POSTGRES";

    private TestDatabase(string directory, string? postgresAdmin, string? databaseName)
    {
        DataDirectory = directory;
        PostgresAdmin = postgresAdmin;
        DatabaseName = databaseName;
    }

    public string DataDirectory { get; }

    public string? PostgresAdmin { get; }

    public string? DatabaseName { get; }

    public bool IsPostgres => DatabaseName is not null;

    public string? ConnectionString => IsPostgres
        ? new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = DatabaseName }.ToString()
        : null;

    /// <summary>Configuration keys that point the host at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => IsPostgres
        ? new Dictionary<string, string?>
        {
            ["Court:Database:DataDirectory"] = DataDirectory,
            ["Court:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Court"] = ConnectionString,
        }
        : new Dictionary<string, string?> { ["Court:Database:DataDirectory"] = DataDirectory };

    public static async Task<TestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "court-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return new TestDatabase(directory, null, null);
        }

        var name = "court_test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(directory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the OS temp cleaner takes it.
        }
    }
}
