using Court.Application.Workflows;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Workflows;

/// <summary>
/// The process manager on a real SQLite file: a reaction (submitting a review opens its follow-up review, another
/// stream) runs once per event from the stored checkpoint, and a crash before or after its write leaves only a delay.
/// </summary>
public sealed class ProcessManagerTests(SqliteTestDatabase database) : IAsyncLifetime, IClassFixture<SqliteTestDatabase>
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 26, 10, 0, 0, TimeSpan.FromHours(8)));
    private TempDirectory? folder;

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
    public async Task A_reaction_runs_once_for_its_event_and_not_again_on_the_next_pass()
    {
        var id = Guid.NewGuid().ToString("N");
        await using var host = await HostAsync(new ProcessManagerFaults());
        await SubmitAsync(host, id);

        await host.ProcessManager.CatchUpAsync(CancellationToken.None);
        await host.ProcessManager.CatchUpAsync(CancellationToken.None);

        Assert.Equal(1, await FollowUpsOpenedAsync(host, id));
    }

    [Fact]
    public async Task A_crash_before_the_follow_up_is_written_delays_it_until_the_restart_which_writes_it_once()
    {
        var id = Guid.NewGuid().ToString("N");
        var crash = new ProcessManagerFaults { BeforeReaction = (_, _) => throw new SimulatedCrash() };
        await using (var first = await HostAsync(crash))
        {
            await SubmitAsync(first, id);
            await Assert.ThrowsAsync<SimulatedCrash>(() => first.ProcessManager.CatchUpAsync(CancellationToken.None));
            Assert.Equal(0, await FollowUpsOpenedAsync(first, id));
        }

        await using var restarted = await HostAsync(new ProcessManagerFaults());
        await restarted.ProcessManager.CatchUpAsync(CancellationToken.None);

        Assert.Equal(1, await FollowUpsOpenedAsync(restarted, id));
    }

    [Fact]
    public async Task A_crash_after_the_follow_up_was_written_but_before_the_checkpoint_moved_does_not_write_it_twice()
    {
        var id = Guid.NewGuid().ToString("N");
        var crash = new ProcessManagerFaults { AfterReaction = (_, _) => throw new SimulatedCrash() };
        await using (var first = await HostAsync(crash))
        {
            await SubmitAsync(first, id);
            await Assert.ThrowsAsync<SimulatedCrash>(() => first.ProcessManager.CatchUpAsync(CancellationToken.None));
            Assert.Equal(1, await FollowUpsOpenedAsync(first, id));
        }

        await using var restarted = await HostAsync(new ProcessManagerFaults());
        await restarted.ProcessManager.CatchUpAsync(CancellationToken.None);

        Assert.Equal(1, await FollowUpsOpenedAsync(restarted, id));
    }

    private Task<WorkflowHost> HostAsync(ProcessManagerFaults faults) => WorkflowHost.CreateAsync(database, folder!.Path, clock, configure: s =>
    {
        s.AddSingleton(faults);
        s.AddReaction<ReviewSubmitted>("open-follow-up-review", async (e, context, ct) =>
        {
            // Looks before it acts, so running again after a crash finds the follow-up and leaves it.
            var runtime = context.Services.GetRequiredService<WorkflowRuntime>();
            if (!e.Id.StartsWith("follow-up-", StringComparison.Ordinal) && await runtime.LoadAsync("test-review-follow-up-" + e.Id, ct) is null)
            {
                await TestReviewSlice.OpenAsync(runtime, "follow-up-" + e.Id, "复核");
            }
        });
    });

    private static async Task SubmitAsync(WorkflowHost host, string id)
    {
        await host.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        await host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview(id)));
    }

    private static async Task<int> FollowUpsOpenedAsync(WorkflowHost host, string id) =>
        (await host.EventsAsync("test-review-follow-up-" + id)).OfType<ReviewOpened>().Count();

    private sealed class SimulatedCrash : Exception;
}
