using Npgsql;

namespace Court.Testing;

/// <summary>
/// The PostgreSQL server the tests use. Its admin connection string comes from <c>COURT_TEST_POSTGRES</c> (./test.sh
/// sets it to a throwaway cluster); without it, the local dev server at 127.0.0.1:55432 is used when one answers.
/// Each test class gets its own database, created here and dropped after.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "COURT_TEST_POSTGRES";
    public const string DevServer = "Host=127.0.0.1;Port=55432;Username=postgres";

    private static readonly Lazy<Task<string>> Admin = new(FindAdminConnectionStringAsync);

    /// <summary>The admin connection string, or an exception saying how to get a server.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => Admin.Value;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "court_test")
    {
        var admin = await GetAdminConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Generous timeouts: with builds running beside the suite, creating a database at host start has taken over 30 s.
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing any connection still open to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(await GetAdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> FindAdminConnectionStringAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var candidate = new NpgsqlConnectionStringBuilder(DevServer) { Timeout = 3, Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(candidate);
            await connection.OpenAsync();
            return DevServer;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL server for the tests: {EnvironmentVariable} is not set and nothing answers at {DevServer}. " +
                "Run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster and sets it.",
                ex);
        }
    }
}
