using System.Globalization;
using Court.Application.EventStore;
using Court.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// `load [--clients 16] [--seconds 20] [--kills 1] [--postgres <connection string> [--crash-postgres <shell command>] [--nodes 2]] [--data <dir>] [--web <Court.Web.dll>]`:
// the HTTP load-and-crash run of docs/reliability.md (LoadCrash.cs).
if (args is ["load", .. var loadArgs])
{
    return await Court.CrashHarness.LoadCrash.MainAsync(loadArgs);
}

// The crash-durability test's victim: appends from 8 concurrent tasks to a SQLite file under args[0], printing
// "ack <stream> <last version> <event ids>" after each acknowledged append, until it is killed (or args[1] appends).
if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("usage: Court.CrashHarness <data directory> [appends per task] | load [options]");
    return 2;
}

var appendsPerTask = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Court:Database:Provider"] = "Sqlite",
    ["Court:Database:DataDirectory"] = args[0],
}).Build();
await using var services = new ServiceCollection().AddLogging().AddCourtInfrastructure(configuration).BuildServiceProvider();
await services.MigrateCourtDatabaseAsync();
var store = services.GetRequiredService<IEventStore>();
var output = TextWriter.Synchronized(Console.Out);
await output.WriteLineAsync("ready");

var payload = new string('x', 400);
await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
{
    var stream = $"crash-{task}-{Guid.NewGuid():N}";
    for (var i = 0; i < appendsPerTask; i++)
    {
        EventData[] events = [.. Enumerable.Range(0, 3).Select(n => new EventData(Guid.NewGuid(), "crash.appended.v1", $$"""{"task":{{task}},"n":{{(i * 3) + n}},"pad":"{{payload}}"}""", """{"userId":"crash-harness"}"""))];
        var result = await store.AppendToStreamAsync(stream, i == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly((i * 3) - 1), events);
        await output.WriteLineAsync($"ack {stream} {result.NextExpectedVersion} {string.Join(',', events.Select(e => e.EventId))}");
    }
})));
return 0;
