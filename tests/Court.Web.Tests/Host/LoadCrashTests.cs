using Court.CrashHarness;
using Court.Testing;

namespace Court.Web.Tests.Host;

/// <summary>
/// The short form of the load-and-crash run (docs/reliability.md): 16 clients against the real host as a child
/// process, kill -9 mid-load, restart on the same data; nothing acknowledged is lost, every write left in doubt
/// settles with its Idempotency-Key, and every hash chain verifies; the same with PostgreSQL killed under the running
/// host. The long form: `Court.CrashHarness load`.
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

    [Fact]
    public async Task Postgres_crashed_under_the_running_host_loses_nothing_acknowledged()
    {
        using var data = new TempDirectory("court-loadcrash");
        await using var cluster = await PrivatePostgresCluster.StartAsync();

        var result = await LoadCrash.RunAsync(new LoadCrashOptions(LoadCrash.FindWebDll(), data.Path, cluster.ConnectionString, Clients: 16, LoadSeconds: 6, CrashPostgresCommand: cluster.CrashCommand), TextWriter.Null);

        Assert.True(result.Passed, result + "\n" + result.VerifyOutput);
        Assert.True(result.InDoubt > 0, "the crash left no request in doubt, so it did not happen under load: " + result);
    }

    [Fact]
    public async Task Of_two_nodes_on_postgres_the_survivor_leads_within_seconds_of_the_leader_being_killed_and_nothing_is_lost()
    {
        using var data = new TempDirectory("court-loadcrash");
        var connectionString = await PostgresServer.CreateDatabaseAsync("court_twonodes");
        try
        {
            var result = await LoadCrash.RunAsync(new LoadCrashOptions(LoadCrash.FindWebDll(), data.Path, connectionString, Clients: 8, LoadSeconds: 6, Nodes: 2), TextWriter.Null);

            Assert.True(result.Passed, result + "\n" + result.VerifyOutput);
            // A dead leader's lock outlived it by about 30 s while the server sat in the lock library's pg_sleep.
            Assert.True(result.FailoverSeconds < 15, result.ToString());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
