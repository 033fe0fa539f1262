using Court.CrashHarness;
using Court.Testing;

namespace Court.Web.Tests.Host;

/// <summary>
/// The short form of the load-and-crash run (docs/reliability.md): 16 clients against the real host as a child
/// process, kill -9 mid-load, restart on the same data; nothing acknowledged is lost, every write left in doubt
/// settles with its Idempotency-Key, and every hash chain verifies. The long form: `Court.CrashHarness load`.
/// </summary>
public sealed class LoadCrashTests
{
    [Fact]
    public async Task Sqlite_keeps_every_acknowledged_write_through_a_kill_under_load()
    {
        using var data = new TempDirectory("court-loadcrash");
        var result = await LoadCrash.RunAsync(new LoadCrashOptions(LoadCrash.FindWebDll(), data.Path, null, Clients: 16, LoadSeconds: 6), TextWriter.Null);

        Assert.True(result.Passed, result + "\n" + result.VerifyOutput);
    }

    [Fact]
    public async Task Postgres_keeps_every_acknowledged_write_through_a_kill_under_load()
    {
        using var data = new TempDirectory("court-loadcrash");
        var connectionString = await PostgresServer.CreateDatabaseAsync("court_loadcrash");
        try
        {
            var result = await LoadCrash.RunAsync(new LoadCrashOptions(LoadCrash.FindWebDll(), data.Path, connectionString, Clients: 16, LoadSeconds: 6), TextWriter.Null);

            Assert.True(result.Passed, result + "\n" + result.VerifyOutput);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
