using System.Diagnostics;
using System.Globalization;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Benchmarks;
using Court.Infrastructure;
using Court.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The event store on SQLite (WAL, synchronous=FULL: every acknowledged append is durable) against raw
// Microsoft.Data.Sqlite doing the same durable work, in the same run. Run by hand, in Release:
//   dotnet run -c Release --project bench/Court.Benchmarks [-- --scale 1.0]
var scale = args.SkipWhile(a => a != "--scale").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1.0);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
int Scaled(int n) => Math.Max(1, (int)(n * scale));

var root = Path.Combine(Path.GetTempPath(), "court-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
var results = new List<(string Name, double Court, double Raw, string Unit, double CourtCpu, double RawCpu)>();
try
{
    Console.WriteLine($"Court event-store benchmark — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {Load()}");
    Console.WriteLine($"data under {root}");

    // Each measure alternates Court and raw for a few rounds and keeps the median of each, so that a burst of load
    // from elsewhere on the machine hits both sides alike.
    var rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "3", CultureInfo.InvariantCulture);
    async Task MeasureAsync(string name, string rawDoes, Func<Task<double>> court, Func<double> raw)
    {
        var courtRates = new List<double>();
        var rawRates = new List<double>();
        var courtCpu = new List<double>();
        var rawCpu = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // CPU time per operation (all threads of this process) says what each side costs whatever else runs.
            var cpu = Cpu();
            var wall = Stopwatch.StartNew();
            var rate = await court();
            courtCpu.Add((Cpu() - cpu).TotalMicroseconds / (rate * wall.Elapsed.TotalSeconds));
            courtRates.Add(rate);
            cpu = Cpu();
            wall.Restart();
            rate = raw();
            rawCpu.Add((Cpu() - cpu).TotalMicroseconds / (rate * wall.Elapsed.TotalSeconds));
            rawRates.Add(rate);
        }

        var result = (name, Median(courtRates), Median(rawRates), rawDoes, Median(courtCpu), Median(rawCpu));
        results.Add(result);
        Report(result);
    }

    // ---- appends: each command appends 3 events of ~500 bytes to its aggregate's stream at its exact version --------
    if (only is null or "append")
    {
        await using var court = await CourtStore.OpenAsync(Path.Combine(root, "court-append"));
        // The raw side gets a database of its own with the very same schema, made by the same migrations.
        await (await CourtStore.OpenAsync(Path.Combine(root, "raw-append"))).DisposeAsync();
        using var raw = RawSqlite.Open(Path.Combine(root, "raw-append", "court.db"));
        await court.AppendCommandsAsync(writers: 1, commandsPerWriter: Scaled(300)); // warm-up
        raw.AppendCommands(commands: Scaled(300), batch: 1);
        await MeasureAsync("append, 1 writer (commands/s)", "one transaction per command", () => court.AppendCommandsAsync(1, Scaled(2000)), () => raw.AppendCommands(Scaled(2000), batch: 1));
        await MeasureAsync("append, 8 writers (commands/s)", "8 commands per transaction", () => court.AppendCommandsAsync(8, Scaled(2500)), () => raw.AppendCommands(Scaled(20000), batch: 8));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Court group commit: {court.AverageBatch:F1} appends per transaction in the last 8-writer round"));
    }

    // ---- stream loads and rebuild, on a log of 200,000 events in 10,000 streams ---------------------------------
    if (only is null or "read" or "load" or "rebuild")
    {
        var streams = Scaled(10000);
        await using var court = await CourtStore.OpenAsync(Path.Combine(root, "court-read"));
        await court.FillAsync(streams, eventsPerStream: 20);
        var file = Path.Combine(root, "court-read", "court.db");
        using var raw = RawSqlite.Open(file);
        if (only != "rebuild")
        {
            await court.LoadStreamsAsync(streams, Scaled(2000), readers: 1); // warm-up
            raw.LoadStreams(streams, Scaled(2000));
            await MeasureAsync("stream load (20 events), 1 reader (loads/s)", "prepared SELECT on one open connection", () => court.LoadStreamsAsync(streams, Scaled(20000), readers: 1), () => raw.LoadStreams(streams, Scaled(20000)));
            await MeasureAsync("stream load (20 events), 8 readers (loads/s)", "8 connections, prepared SELECT", () => court.LoadStreamsAsync(streams, Scaled(40000), readers: 8), () => RawSqlite.LoadStreamsConcurrently(file, streams, Scaled(40000), readers: 8));
        }

        if (only != "load")
        {
            await MeasureAsync("projection rebuild (events/s)", "page through the log, upsert one JSON document per stream", court.RebuildAsync, raw.Rebuild);
        }
    }

    Console.WriteLine();
    Console.WriteLine("| measure | Court | raw Microsoft.Data.Sqlite | Court / raw | CPU µs per op, Court / raw | raw does |");
    Console.WriteLine("|---|---:|---:|---:|---:|---|");
    foreach (var (name, courtRate, rawRate, unit, courtCpu, rawCpu) in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {courtRate:N0} | {rawRate:N0} | {courtRate / rawRate:P0} | {courtCpu:N1} / {rawCpu:N1} | {unit} |"));
    }

    Console.WriteLine($"load average at the end: {Load()}");
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static void Report((string Name, double Court, double Raw, string Unit, double CourtCpu, double RawCpu) r) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-48} Court {r.Court,10:N0}   raw {r.Raw,10:N0}   ratio {r.Court / r.Raw,5:P0}   CPU µs/op {r.CourtCpu:N1} vs {r.RawCpu:N1}"));

static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

namespace Court.Benchmarks
{
    /// <summary>What a command appends: 3 events of about 500 bytes of JSON each, with real metadata.</summary>
    public static class Payload
    {
        private static readonly string Metadata = System.Text.Json.JsonSerializer.Serialize(
            new EventMetadata(Guid.NewGuid(), Guid.NewGuid(), "clerk-0001", "nrb-jiangjin", DateTimeOffset.UnixEpoch, "bankruptcy-release", 1),
            EventTypeRegistry.JsonOptions);

        public static EventData[] Command(int n) =>
        [
            Event("bench.release-requested.v1", n, 0),
            Event("bench.asset-listed.v1", n, 1),
            Event("bench.notice-addressed.v1", n, 2),
        ];

        public static string Data(int n, int i) => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"caseId":"(2022)渝0116破{{n}}号","assetId":"asset-{{n}}-{{i}}","description":"重庆市江津区几江街道鼎山大道 {{n}} 号 {{i}} 幢 住宅用房，建筑面积 128.45 平方米，不动产权证号 渝(2019)江津区不动产权第{{n:D7}}号","agency":"nrb-jiangjin","amountFen":{{(n * 7919L) + i}},"requestedBy":"administrator-0001","reason":"债务人财产处置，申请解除查封措施并办理过户登记手续"}""");

        public static string Meta => Metadata;

        private static EventData Event(string type, int n, int i) => new(Guid.NewGuid(), type, Data(n, i), Metadata);
    }

    /// <summary>The Court event store as the host builds it, on its own SQLite folder.</summary>
    public sealed class CourtStore : IAsyncDisposable
    {
        private readonly ServiceProvider services;
        private int streamSeed;

        private CourtStore(ServiceProvider services) => this.services = services;

        public IEventStore Store => services.GetRequiredService<IEventStore>();

        /// <summary>Appends per transaction in the last append run.</summary>
        public double AverageBatch { get; private set; }

        public static async Task<CourtStore> OpenAsync(string directory)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Court:Database:Provider"] = "Sqlite",
                ["Court:Database:DataDirectory"] = directory,
            }).Build();
            var services = new ServiceCollection().AddLogging().AddCourtInfrastructure(configuration);
            services.AddSingleton(new EventAssembly(typeof(AssetListed).Assembly));
            services.AddSingleton<IProjection, StreamSummaryProjection>();
            var provider = services.BuildServiceProvider();
            await provider.MigrateCourtDatabaseAsync();
            return new CourtStore(provider);
        }

        /// <summary>Commands per second: each writer appends to its own 50 streams at their exact versions, waiting for each acknowledgement.</summary>
        public async Task<double> AppendCommandsAsync(int writers, int commandsPerWriter)
        {
            var store = Store;
            var sql = services.GetRequiredService<SqlEventStore>();
            var (batches, requests) = (sql.CommittedBatches, sql.CommittedRequests);
            var run = Interlocked.Increment(ref streamSeed);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                var versions = new long[50];
                Array.Fill(versions, -1);
                for (var i = 0; i < commandsPerWriter; i++)
                {
                    var s = i % versions.Length;
                    var expected = versions[s] < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(versions[s]);
                    versions[s] = (await store.AppendToStreamAsync($"case-{run}-{w}-{s}", expected, Payload.Command(i))).NextExpectedVersion;
                }
            })));
            var rate = writers * commandsPerWriter / watch.Elapsed.TotalSeconds;
            AverageBatch = (double)(sql.CommittedRequests - requests) / (sql.CommittedBatches - batches);
            return rate;
        }

        public async Task FillAsync(int streams, int eventsPerStream)
        {
            var store = Store;
            var sem = new SemaphoreSlim(64);
            var tasks = new List<Task>();
            for (var s = 0; s < streams; s++)
            {
                await sem.WaitAsync();
                var stream = s;
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        for (var batch = 0; batch < eventsPerStream / 5; batch++)
                        {
                            EventData[] events = [.. Enumerable.Range(0, 5).Select(i => new EventData(Guid.NewGuid(), "bench.asset-listed.v1", Payload.Data(stream, (batch * 5) + i), Payload.Meta))];
                            await store.AppendToStreamAsync($"load-{stream}", batch == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly((batch * 5) - 1), events);
                        }
                    }
                    finally
                    {
                        sem.Release();
                    }
                }));
            }

            await Task.WhenAll(tasks);
        }

        public async Task<double> LoadStreamsAsync(int streams, int loads, int readers)
        {
            var store = Store;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
            {
                var random = new Random(r);
                for (var i = 0; i < loads / readers; i++)
                {
                    var events = await store.ReadStreamAsync($"load-{random.Next(streams)}");
                    if (events.Count != 20)
                    {
                        throw new InvalidOperationException("short stream");
                    }
                }
            })));
            return loads / watch.Elapsed.TotalSeconds;
        }

        public async Task<double> RebuildAsync()
        {
            var rebuilder = services.GetRequiredService<ProjectionRebuilder>();
            var projection = rebuilder.Projections.Single();
            var total = await rebuilder.CountEventsAsync(CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await rebuilder.RebuildAsync(projection, null, CancellationToken.None);
            return total / watch.Elapsed.TotalSeconds;
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    /// <summary>A read model per stream: how many events, the last amount. Registered inline, rebuilt in the benchmark.</summary>
    [Court.Application.Projections.Collection("bench-stream-summaries")]
    public sealed record StreamSummary(string Id, long Events, long LastVersion);

    public sealed class StreamSummaryProjection : IProjection
    {
        public string Name => "bench-stream-summary";

        public ProjectionMode Mode => ProjectionMode.Async;

        public bool Handles(Court.Domain.Common.IDomainEvent @event) => true;

        public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
        {
            var summary = await session.LoadAsync<StreamSummary>(envelope.StreamId, cancellationToken) ?? new StreamSummary(envelope.StreamId, 0, -1);
            session.Store(envelope.StreamId, summary with { Events = summary.Events + 1, LastVersion = envelope.Version });
        }
    }
}
