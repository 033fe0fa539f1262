using Court.Infrastructure.Persistence;
using Court.Testing;

namespace Court.Web.Tests.Support;

/// <summary>
/// Where a test host keeps its data: a fresh temp data folder (keys, SQLite file) and, when env COURT_TEST_POSTGRES is
/// set (./test.sh sets it), a uniquely named PostgreSQL database instead of the SQLite file; both go away afterwards.
/// </summary>
public sealed class HostData : IAsyncDisposable
{
    private readonly TempDirectory folder = new("court-web");
    private readonly TestDatabase database;

    private HostData(TestDatabase database) => this.database = database;

    public string DataDirectory => folder.Path;

    public DatabaseProvider Provider => database.Provider;

    /// <summary>Configuration keys that point the host at this data.</summary>
    public IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(database.Settings) { ["Court:Database:DataDirectory"] = folder.Path };

    public static DatabaseProvider DefaultProvider =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable)) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public static async Task<HostData> CreateAsync(DatabaseProvider? provider = null)
    {
        var data = new HostData(TestDatabase.For(provider ?? DefaultProvider));
        await data.database.InitializeAsync();
        return data;
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
