using Court.Application.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.EventStore;

public sealed class SmokeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Appends_and_reads_back(DatabaseProvider provider)
    {
        await using var database = TestDatabase.For(provider);
        await database.InitializeAsync();
        await using var services = await CourtServices.BuildAsync(database);
        var store = services.GetRequiredService<IEventStore>();
        var e1 = new EventData(Guid.NewGuid(), "test.happened", "{}", "{}");
        var r = await store.AppendToStreamAsync("s-1", ExpectedVersion.NoStream, [e1, new EventData(Guid.NewGuid(), "test.happened", "{\"a\":1}", "{}")]);
        Assert.Equal(1, r.NextExpectedVersion);
        var again = await store.AppendToStreamAsync("s-1", ExpectedVersion.NoStream, [e1]);
        Assert.True(again.WasIdempotentReplay);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendToStreamAsync("s-1", ExpectedVersion.Exactly(0), [new EventData(Guid.NewGuid(), "t", "{}", "{}")]));
        var read = await store.ReadStreamAsync("s-1");
        Assert.Equal([0L, 1L], read.Select(e => e.Version));
        Assert.True((await store.VerifyAsync()).IsIntact);
    }
}
