using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Domain.Workflows;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Workflows;

/// <summary>Durable deadlines: recorded from the log, fired once as the system caller, after restarts and across hosts.</summary>
public abstract class WorkflowTimerContract(TestDatabase database) : IAsyncLifetime
{
    /// <summary>Thursday 26 Sep 2024, 10:00 in Chongqing; Drafting's three working days end with Mon 30 Sep.</summary>
    protected static readonly DateTimeOffset Start = new(2024, 9, 26, 10, 0, 0, TimeSpan.FromHours(8));

    protected static readonly DateTimeOffset DraftingDue = new(2024, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private TempDirectory? folder;

    protected TestDatabase Database => database;

    protected string Folder => folder!.Path;

    public Task InitializeAsync()
    {
        folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        folder?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Entering_a_state_with_a_deadline_records_a_pending_timer_and_leaving_it_cancels_it()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await WorkflowHost.CreateAsync(database, Folder, clock);
        var id = Guid.NewGuid().ToString("N");
        await host.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        await host.Timers.RunOnceAsync(CancellationToken.None);

        var timer = Assert.Single(await host.TimersAsync("test-review-" + id));
        Assert.Equal(("Drafting", "EscalateReview", DraftingDue, TimerStatus.Pending), (timer.State, timer.Trigger, timer.DueAt, timer.Status));

        await host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview(id)));
        await host.Timers.RunOnceAsync(CancellationToken.None);

        var timers = await host.TimersAsync("test-review-" + id);
        Assert.Equal(TimerStatus.Cancelled, timers.Single(t => t.State == "Drafting").Status);
        Assert.Equal(TimerStatus.Pending, timers.Single(t => t.State == "Reviewing").Status);
    }

    [Fact]
    public async Task A_timer_whose_expiry_was_appended_before_the_follower_saw_it_is_marked_fired_not_cancelled()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await WorkflowHost.CreateAsync(database, Folder, clock);
        var id = Guid.NewGuid().ToString("N");
        await host.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        clock.SetUtcNow(DraftingDue.AddHours(1));
        await host.Timers.RunOnceAsync(CancellationToken.None);
        var timer = Assert.Single(await host.TimersAsync("test-review-" + id));
        await using (var connection = await host.Services.GetRequiredService<ConnectionFactory>().OpenAsync())
        await using (var reset = connection.Command(null, "UPDATE timers SET status = 0, claimed_until = 0, fired_at = NULL WHERE id = @id").With("@id", timer.Id))
        {
            await reset.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, await host.Timers.RunOnceAsync(CancellationToken.None));
        Assert.Equal(TimerStatus.Fired, Assert.Single(await host.TimersAsync("test-review-" + id)).Status);
        Assert.Single((await host.EventsAsync("test-review-" + id)).OfType<ReviewEscalated>());
    }

    [Fact]
    public async Task A_timer_does_not_fire_before_it_is_due_and_fires_the_expiry_trigger_as_the_system_when_it_is()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await WorkflowHost.CreateAsync(database, Folder, clock);
        var id = Guid.NewGuid().ToString("N");
        await host.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));

        clock.SetUtcNow(DraftingDue.AddSeconds(-1));
        Assert.Equal(0, await host.Timers.RunOnceAsync(CancellationToken.None));
        clock.SetUtcNow(DraftingDue);
        Assert.Equal(1, await host.Timers.RunOnceAsync(CancellationToken.None));

        var events = await host.EventsAsync("test-review-" + id);
        Assert.Single(events.OfType<ReviewEscalated>());
        var moved = Assert.Single(events.OfType<WorkflowTransitioned>());
        Assert.Equal(("EscalateReview", "Drafting", "Escalated"), (moved.Trigger, moved.From, moved.Entered.State));
        var fired = Assert.Single(await host.TimersAsync("test-review-" + id));
        Assert.Equal((TimerStatus.Fired, DraftingDue), (fired.Status, fired.FiredAt!.Value));
    }

    [Fact]
    public async Task A_timer_whose_expiry_was_appended_but_not_marked_fired_is_not_fired_again()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await WorkflowHost.CreateAsync(database, Folder, clock);
        var id = Guid.NewGuid().ToString("N");
        await host.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        clock.SetUtcNow(DraftingDue.AddHours(1));
        await host.Timers.RunOnceAsync(CancellationToken.None);

        // As if the host had died after appending but before marking the row: it is pending again, its lease over,
        // and the log follower has already passed the expiry's events.
        while (await host.Timers.FollowPageAsync(CancellationToken.None) > 0)
        {
        }

        var timer = Assert.Single(await host.TimersAsync("test-review-" + id));
        await using (var connection = await host.Services.GetRequiredService<ConnectionFactory>().OpenAsync())
        await using (var reset = connection.Command(null, "UPDATE timers SET status = 0, claimed_until = 0, fired_at = NULL WHERE id = @id").With("@id", timer.Id))
        {
            await reset.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await host.Timers.RunOnceAsync(CancellationToken.None)); // recognised as already fired
        Assert.Single((await host.EventsAsync("test-review-" + id)).OfType<ReviewEscalated>());
        Assert.Equal(TimerStatus.Fired, Assert.Single(await host.TimersAsync("test-review-" + id)).Status);
    }

    /// <summary>Waits until the stream's timers are all settled, then returns how many times the expiry fired.</summary>
    protected static async Task<int> EscalationsWhenSettledAsync(WorkflowHost host, string streamId)
    {
        await WorkflowHost.EventuallyAsync(async () => (await host.TimersAsync(streamId)) is { Count: > 0 } t && t.All(x => x.Status != TimerStatus.Pending), $"the timers of {streamId} to settle");
        return (await host.EventsAsync(streamId)).OfType<ReviewEscalated>().Count();
    }

    [Fact]
    public async Task A_timer_whose_fire_loses_an_append_race_fires_again_at_once_not_after_its_lease()
    {
        var clock = new FakeTimeProvider(Start);
        var racing = new RacingSender();
        await using var host = await WorkflowHost.CreateAsync(database, Folder, clock, configure: s => s.AddSingleton<IWorkflowCommandSender>(racing));
        var id = Guid.NewGuid().ToString("N");
        var stream = "test-review-" + id;
        await host.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        clock.SetUtcNow(DraftingDue.AddHours(1));

        Assert.Equal(1, await host.Timers.RunOnceAsync(CancellationToken.None));

        Assert.Equal(2, racing.Calls);
        var events = await host.EventsAsync(stream);
        Assert.Single(events.OfType<ReviewCommented>());
        Assert.Single(events.OfType<ReviewEscalated>());
        Assert.Equal(TimerStatus.Fired, Assert.Single(await host.TimersAsync(stream)).Status);
    }

    /// <summary>
    /// The first fire meets another writer: a comment lands on the stream after the timer read it, and the append
    /// fails as the store would fail it. Later calls go through.
    /// </summary>
    private sealed class RacingSender : IWorkflowCommandSender
    {
        private readonly TestReviewCommandSender inner = new();

        public int Calls { get; private set; }

        public async ValueTask SendAsync(object command, IServiceProvider scope, CancellationToken cancellationToken)
        {
            if (++Calls == 1)
            {
                var review = (ReviewCommand)command;
                var store = scope.GetRequiredService<IEventStore>();
                var registry = scope.GetRequiredService<EventTypeRegistry>();
                var before = (await store.ReadStreamAsync(review.WorkflowStreamId, cancellationToken: cancellationToken)).Count - 1;
                var metadata = new EventMetadata(Guid.NewGuid(), null, "judge-wang", null, DateTimeOffset.UnixEpoch);
                await store.AppendToStreamAsync(review.WorkflowStreamId, ExpectedVersion.Exactly(before), [registry.ToEventData(new ReviewCommented(review.Id, "Meanwhile"), metadata)], cancellationToken);
                throw new WrongExpectedVersionException(review.WorkflowStreamId, ExpectedVersion.Exactly(before), before + 1);
            }

            await inner.SendAsync(command, scope, cancellationToken);
        }
    }
}

public sealed class SqliteWorkflowTimerTests(SqliteTestDatabase database) : WorkflowTimerContract(database), IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task A_timer_fires_once_after_the_host_is_stopped_mid_wait_and_restarted_on_the_same_file()
    {
        var clock = new FakeTimeProvider(Start);
        var id = Guid.NewGuid().ToString("N");
        var stream = "test-review-" + id;
        await using (var first = await WorkflowHost.CreateAsync(Database, Folder, clock, start: true))
        {
            await first.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
            await WorkflowHost.EventuallyAsync(async () => (await first.TimersAsync(stream)).Count == 1, "the deadline to be recorded");
            clock.SetUtcNow(DraftingDue.AddMinutes(-1));
            await Task.Delay(200); // the running timer service polls a few times: not due yet
            Assert.Equal(TimerStatus.Pending, Assert.Single(await first.TimersAsync(stream)).Status);
        }

        // The host is down while the deadline passes.
        clock.SetUtcNow(DraftingDue.AddDays(2));
        await using (var second = await WorkflowHost.CreateAsync(Database, Folder, clock, start: true))
        {
            Assert.Equal(1, await EscalationsWhenSettledAsync(second, stream));
            Assert.Equal("Escalated", (await second.AsAsync("reader", [Roles.Clerk], r => r.LoadAsync(stream)))!.Instance.State);
        }

        await using var third = await WorkflowHost.CreateAsync(Database, Folder, clock, start: true);
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await third.Timers.RunOnceAsync(CancellationToken.None));
        Assert.Single((await third.EventsAsync(stream)).OfType<ReviewEscalated>());
    }
}

public sealed class PostgresWorkflowTimerTests(PostgresTestDatabase database) : WorkflowTimerContract(database), IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Two_hosts_on_one_database_fire_each_due_timer_once()
    {
        var clock = new FakeTimeProvider(Start);
        await using var a = await WorkflowHost.CreateAsync(Database, Folder, clock);
        await using var b = await WorkflowHost.CreateAsync(Database, Folder, clock);
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await (i % 2 == 0 ? a : b).AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft " + i));
        }

        clock.SetUtcNow(DraftingDue.AddHours(1));
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        // Both also race explicitly, beside their background loops.
        await Task.WhenAll(a.Timers.RunOnceAsync(CancellationToken.None), b.Timers.RunOnceAsync(CancellationToken.None));

        foreach (var id in ids)
        {
            Assert.Equal(1, await EscalationsWhenSettledAsync(a, "test-review-" + id));
            Assert.Equal(TimerStatus.Fired, Assert.Single(await a.TimersAsync("test-review-" + id)).Status);
        }
    }
}
