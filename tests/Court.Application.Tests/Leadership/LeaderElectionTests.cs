using System.Diagnostics;
using Court.Application.Common;
using Court.Infrastructure.Leadership;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Court.Application.Tests.Leadership;

/// <summary>Leader-only background work on several nodes sharing one PostgreSQL database, and on SQLite.</summary>
public sealed class LeaderElectionTests
{
    private static readonly Dictionary<string, string?> FastElection = new()
    {
        ["Court:Leader:AcquireWait"] = "00:00:00.200",
        ["Court:Leader:RetryDelay"] = "00:00:00.100",
        ["Court:Leader:Keepalive"] = "00:00:00.200",
    };

    [Fact]
    public async Task Of_two_nodes_on_one_PostgreSQL_database_one_runs_the_work_and_the_other_takes_over_when_it_stops()
    {
        await using var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        var tracker = new WorkTracker();
        var first = await Node.StartAsync(database, tracker, "a");
        await using var second = await Node.StartAsync(database, tracker, "b");

        await tracker.WaitUntilAsync(() => tracker.Running.Count == 1, "one node leading");
        await Task.Delay(500); // the follower keeps campaigning meanwhile
        Assert.Single(tracker.Running);
        var leader = tracker.Running.Single() == "a" ? first : second;
        var follower = leader == first ? second : first;
        Assert.True(leader.Election.IsLeader);
        Assert.False(follower.Election.IsLeader);

        var stopwatch = Stopwatch.StartNew();
        await leader.DisposeAsync();
        await tracker.WaitUntilAsync(() => tracker.Running.SequenceEqual([follower.Name]), "the follower taking over");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"fail-over took {stopwatch.Elapsed}");
        Assert.Equal(1, tracker.MaxConcurrent);
        Assert.True(follower.Election.IsLeader);
        if (leader != first)
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_leader_whose_lock_connection_is_killed_stops_its_work_and_leadership_is_taken_again()
    {
        await using var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        var tracker = new WorkTracker();
        await using var first = await Node.StartAsync(database, tracker, "a");
        await using var second = await Node.StartAsync(database, tracker, "b");
        await tracker.WaitUntilAsync(() => tracker.Running.Count == 1, "one node leading");
        var terms = tracker.Started;

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand(
                // Only the leader lock: a node appending at this moment holds the append lock too, briefly.
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND ((classid::bigint << 32) | objid::bigint) = @key AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                connection);
            kill.Parameters.AddWithValue("key", PostgresLeaderLock.Key);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await tracker.WaitUntilAsync(() => tracker.Started > terms && tracker.Running.Count == 1, "a new term after the lock was lost");
        Assert.Equal(1, tracker.MaxConcurrent);
        Assert.True(tracker.Cancelled >= 1, "the old leader's work was cancelled");
    }

    [Fact]
    public async Task On_SQLite_the_one_process_leads_at_once()
    {
        await using var database = new SqliteTestDatabase();
        var tracker = new WorkTracker();
        await using var node = await Node.StartAsync(database, tracker, "only");

        await tracker.WaitUntilAsync(() => tracker.Running.Count == 1, "the process leading");
        Assert.True(node.Election.IsLeader);
    }

    private sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider services;
        private readonly IAsyncDisposable hosted;
        private bool disposed;

        private Node(string name, ServiceProvider services, IAsyncDisposable hosted)
        {
            Name = name;
            this.services = services;
            this.hosted = hosted;
        }

        public string Name { get; }

        public LeaderElection Election => services.GetRequiredService<LeaderElection>();

        public static async Task<Node> StartAsync(TestDatabase database, WorkTracker tracker, string name)
        {
            var services = await CourtServices.BuildAsync(database, s => s.AddLeaderWork<TrackedWork>().AddSingleton(new TrackedWork(tracker, name)), FastElection);
            return new Node(name, services, await services.StartHostedServicesAsync());
        }

        public async ValueTask DisposeAsync()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            await hosted.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    private sealed class TrackedWork(WorkTracker tracker, string node) : ILeaderWork
    {
        public async Task RunAsync(CancellationToken leadership)
        {
            tracker.Enter(node);
            try
            {
                await Task.Delay(Timeout.Infinite, leadership);
            }
            finally
            {
                tracker.Leave(node, leadership.IsCancellationRequested);
            }
        }
    }

    private sealed class WorkTracker
    {
        private readonly Lock gate = new();
        private readonly List<string> running = [];

        public int MaxConcurrent { get; private set; }

        public int Started { get; private set; }

        public int Cancelled { get; private set; }

        public IReadOnlyList<string> Running
        {
            get
            {
                lock (gate)
                {
                    return [.. running];
                }
            }
        }

        public void Enter(string node)
        {
            lock (gate)
            {
                running.Add(node);
                Started++;
                MaxConcurrent = Math.Max(MaxConcurrent, running.Count);
            }
        }

        public void Leave(string node, bool cancelled)
        {
            lock (gate)
            {
                running.Remove(node);
                Cancelled += cancelled ? 1 : 0;
            }
        }

        public async Task WaitUntilAsync(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Timed out waiting for {what}; running: {string.Join(", ", Running)}");
                }

                await Task.Delay(20);
            }
        }
    }
}
