using Court.Application.EventStore;
using Court.Infrastructure;
using Court.Infrastructure.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Court.Application.Tests.EventStore;

public sealed class SmokeTests
{
    [Fact]
    public async Task Appends_and_reads_back_on_a_sqlite_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "court-smoke-" + Guid.NewGuid().ToString("N"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Court:Database:DataDirectory"] = dir }).Build();
        var services = new ServiceCollection().AddLogging().AddCourtInfrastructure(config).BuildServiceProvider();
        await services.MigrateCourtDatabaseAsync();
        var store = services.GetRequiredService<IEventStore>();
        var e1 = new EventData(Guid.NewGuid(), "test.happened", "{}", "{}");
        var r = await store.AppendToStreamAsync("s-1", ExpectedVersion.NoStream, [e1, new EventData(Guid.NewGuid(), "test.happened", "{\"a\":1}", "{}")]);
        Assert.Equal(1, r.NextExpectedVersion);
        var again = await store.AppendToStreamAsync("s-1", ExpectedVersion.NoStream, [e1, ]);
        Assert.True(again.WasIdempotentReplay);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendToStreamAsync("s-1", ExpectedVersion.Exactly(0), [new EventData(Guid.NewGuid(), "t", "{}", "{}")]));
        var read = await store.ReadStreamAsync("s-1");
        Assert.Equal([0L, 1L], read.Select(e => e.Version));
        Assert.True((await store.VerifyAsync()).IsIntact);
        await ((SqlEventStore)store).DisposeAsync();
        _ = NullLogger.Instance;
    }
}
