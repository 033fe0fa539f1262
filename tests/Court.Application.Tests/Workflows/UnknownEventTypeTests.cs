using Court.Application.Common;
using Court.Application.EventStore;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Workflows;

/// <summary>
/// The write side refuses a stream holding an event type this build does not know (written by a newer version):
/// deciding on part of the history could contradict what it cannot read. Readers that only show events skip it.
/// </summary>
public sealed class UnknownEventTypeTests(SqliteTestDatabase database) : IAsyncLifetime, IClassFixture<SqliteTestDatabase>
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 26, 10, 0, 0, TimeSpan.FromHours(8)));
    private TempDirectory? folder;
    private WorkflowHost? host;

    public async Task InitializeAsync()
    {
        folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        host = await WorkflowHost.CreateAsync(database, folder.Path, clock);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        folder?.Dispose();
    }

    [Fact]
    public async Task A_workflow_command_on_a_stream_with_an_unknown_event_type_is_refused_and_appends_nothing()
    {
        var id = Guid.NewGuid().ToString("N");
        await host!.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        var stream = TestReview.StreamPrefix + id;
        await AppendFromTheFutureAsync(stream);
        var before = await Store.GetStreamVersionAsync(stream);

        var refused = await Assert.ThrowsAsync<UnknownEventTypeException>(() => host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview(id))));

        Assert.Equal(("test.review-reopened.v9", stream), (refused.EventType, refused.StreamId));
        Assert.Equal(before, await Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task Loading_an_aggregate_whose_stream_has_an_unknown_event_type_is_refused()
    {
        var id = Guid.NewGuid().ToString("N");
        await host!.AsClerk(r => TestReviewSlice.OpenAsync(r, id, "Draft"));
        await AppendFromTheFutureAsync(TestReview.StreamPrefix + id);

        await using var scope = host.Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(WorkflowHost.Caller("clerk-li", Roles.Clerk));
        var aggregates = ActivatorUtilities.CreateInstance<AggregateStore>(scope.ServiceProvider);

        await Assert.ThrowsAsync<UnknownEventTypeException>(() => aggregates.LoadAsync<TestReview>(id));
        Assert.Null(host.Services.GetRequiredService<EventTypeRegistry>().Deserialize((await Store.ReadStreamAsync(TestReview.StreamPrefix + id))[^1]));
    }

    private IEventStore Store => host!.Services.GetRequiredService<IEventStore>();

    private async Task AppendFromTheFutureAsync(string stream)
    {
        var metadata = System.Text.Json.JsonSerializer.Serialize(new EventMetadata(Guid.NewGuid(), null, "newer-build", null, clock.GetUtcNow()), EventTypeRegistry.JsonOptions);
        await Store.AppendToStreamAsync(stream, ExpectedVersion.StreamExists, [new EventData(Guid.NewGuid(), "test.review-reopened.v9", "{\"id\":\"x\"}", metadata)]);
    }
}
