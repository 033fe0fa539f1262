using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Court.Benchmarks;
using Court.HttpBench;
using Microsoft.Data.Sqlite;
using Npgsql;

// The real host (src/Court.Web, built with this bench in the same configuration) started as its own process on an
// empty database and driven over HTTP: it seeds a court through the real commands, measures the writes while it
// seeds, and measures the lists a court's users read at a small court and again at the full size. Run by hand:
//   dotnet run -c Release --project bench/Court.HttpBench [-- --cases 100000 --notices 2000 --claims 20000]
//   [-- --postgres "Host=…;Username=…"]   (the event store on PostgreSQL; a database is created and dropped)
var options = Options.Parse(args);
var root = Options.RepositoryRoot();
var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
var hostDll = Path.Combine(root, "src", "Court.Web", "bin", configuration, "net10.0", "Court.Web.dll");
var data = Path.Combine(Path.GetTempPath(), "court-httpbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(data);
string? database = null;
Console.WriteLine($"Court HTTP benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {configuration} host, load {LoadAverage()}");
Console.WriteLine($"store: {(options.Postgres is null ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL")}; {options.Cases:N0} bankruptcy cases, {options.Notices:N0} notices, {options.Claims:N0} small-claims cases; data under {data}");
if (configuration == "Debug")
{
    Console.WriteLine("warning: a Debug host; run with -c Release for figures worth writing down");
}

var results = new List<Result>();
Host? host = null;
try
{
    if (options.Postgres is not null)
    {
        database = "court_httpbench_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(options.Postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    var connectionString = database is null ? null : new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString;
    host = await Host.StartAsync(hostDll, data, connectionString);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
    {
        BaseAddress = host.Address,
        Timeout = TimeSpan.FromMinutes(2),
    };
    var api = new Api(http);
    await api.SignInAsync("clerk", "judge", "admin", "nrb", "sysadmin");
    // Small claims are filed only under a threshold a system administrator confirmed against the high court's notice.
    await api.PostAsync("sysadmin", "/api/small-claims/thresholds/CQ/2023-06-01/confirmation", new { notice = "渝高法〔2023〕1号（示例）" }, HttpStatusCode.OK);

    // ---- the HTTP floor and the store's own rate, as baselines in this run --------------------------------------
    foreach (var connections in new[] { 1, 8, 32 })
    {
        results.Add(await Runner.RunAsync($"GET /health/live, {connections} conn.", connections, connections * 400, _ => api.GetAsync(null, "/health/live")));
    }

    if (options.Postgres is null)
    {
        await using var store = await CourtStore.OpenAsync(Path.Combine(data, "store-baseline"));
        await store.AppendCommandsAsync(1, 200); // warm-up
        foreach (var writers in new[] { 1, 8, 32 })
        {
            var watch = Stopwatch.StartNew();
            var rate = await store.AppendCommandsAsync(writers, writers == 1 ? 1000 : 4000 / writers * 2);
            results.Add(new Result($"store append in-process (3 events), {writers} writers", rate, 0, 0, 0, "commands/s, no HTTP, no projections"));
            Console.WriteLine(results[^1]);
        }
    }

    // ---- a small court, its reads measured as the baseline of the full court's -----------------------------------
    var court = new CourtSeeder(api);
    var small = Math.Max(1, options.Cases / 100);
    results.Add(await Runner.RunAsync("create case, 1 conn.", 1, Math.Min(500, small), n => court.OpenCaseAsync(n)));
    await Runner.RunAsync("(fill)", 8, small - court.Cases, n => court.OpenCaseAsync(n), quiet: true);
    await Runner.RunAsync("(notices)", 4, Math.Max(1, options.Notices / 100), n => court.NoticeAsync(n), quiet: true);
    await Runner.RunAsync("(small claims)", 8, Math.Max(1, options.Claims / 100), n => court.FileClaimAsync(n), quiet: true);
    var smallReads = await Reads.MeasureAsync(api, court, "small court", options.Requests);
    results.AddRange(smallReads);
    var smallMemory = host.Memory();

    // ---- the HTTP write path while the court grows ----------------------------------------------------------------
    results.Add(await Runner.RunAsync("create case, 8 conn.", 8, 2000, n => court.OpenCaseAsync(n)));
    results.Add(await Runner.RunAsync("create case, 32 conn.", 32, 4000, n => court.OpenCaseAsync(n)));
    results.Add(await Runner.RunAsync("register asset with If-Match, 1 conn.", 1, 300, n => court.RegisterAssetAsync(n)));
    results.Add(await Runner.RunAsync("register asset with If-Match, 8 conn.", 8, 1000, n => court.RegisterAssetAsync(n)));
    results.Add(await Runner.RunAsync("register asset with If-Match, 32 conn.", 32, 2000, n => court.RegisterAssetAsync(n)));
    var fill = await Runner.RunAsync("create case (fill to size), 32 conn.", 32, options.Cases - court.Cases, n => court.OpenCaseAsync(n));
    results.Add(fill);
    await Runner.RunAsync("(notices)", 4, options.Notices - court.Notices, n => court.NoticeAsync(n), quiet: true);
    await Runner.RunAsync("(small claims)", 8, options.Claims - court.Claims, n => court.FileClaimAsync(n), quiet: true);

    // ---- the full court --------------------------------------------------------------------------------------------
    var events = await CountEventsAsync(data, connectionString);
    Console.WriteLine($"full court: {court.Cases:N0} cases, {court.Notices:N0} notices, {court.Claims:N0} small-claims cases, {events:N0} events");
    var fullReads = await Reads.MeasureAsync(api, court, "full court", options.Requests);
    results.AddRange(fullReads);
    foreach (var connections in new[] { 1, 8, 32 })
    {
        results.Add(await Runner.RunAsync($"GET one case, {connections} conn.", connections, connections * 200, n => api.GetAsync("judge", $"/api/bankruptcy-cases/{court.CaseId(n)}")));
    }

    var fullMemory = host.Memory();

    Console.WriteLine();
    Console.WriteLine("| measure | requests/s | p50 ms | p99 ms | note |");
    Console.WriteLine("|---|---:|---:|---:|---|");
    foreach (var r in results)
    {
        Console.WriteLine(r.Row());
    }

    Console.WriteLine();
    Console.WriteLine("| list read (1 connection) | p99 small court | p99 full court | full / small | p50 full court |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (s, f) in smallReads.Zip(fullReads))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {f.Name.Replace(" (full court)", "", StringComparison.Ordinal)} | {s.P99:F1} | {f.P99:F1} | {f.P99 / s.P99:F2}× | {f.P50:F1} |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host memory (RSS / peak): small court {smallMemory}; full court {fullMemory}; {events:N0} events; load at the end {LoadAverage()}"));
}
finally
{
    host?.Dispose();
    SqliteConnection.ClearAllPools();
    NpgsqlConnection.ClearAllPools();
    if (database is not null)
    {
        await using var admin = new NpgsqlConnection(options.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    Directory.Delete(data, recursive: true);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task<long> CountEventsAsync(string data, string? postgres)
{
    if (postgres is null)
    {
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(data, "court.db")};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        await using var count = new SqliteCommand("SELECT count(*) FROM events", sqlite);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    await using var pg = new NpgsqlConnection(postgres);
    await pg.OpenAsync();
    await using var pgCount = new NpgsqlCommand("SELECT count(*) FROM events", pg);
    return (long)(await pgCount.ExecuteScalarAsync())!;
}

namespace Court.HttpBench
{
    internal sealed record Options(int Cases, int Notices, int Claims, int Requests, string? Postgres)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Options(Number("--cases", 100_000), Number("--notices", 2_000), Number("--claims", 20_000), Number("--requests", 1_000), Value("--postgres"));
        }

        public static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Court.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Court.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>One measure: throughput and latency percentiles over its requests.</summary>
    internal sealed record Result(string Name, double Rate, double P50, double P99, int Count, string Note = "")
    {
        public override string ToString() => Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Name,-58} {Rate,9:N0}/s   {Note}")
            : string.Create(CultureInfo.InvariantCulture, $"{Name,-58} {Rate,9:N0}/s   p50 {P50,6:F1} ms   p99 {P99,6:F1} ms   ({Count:N0}) {Note}");

        public string Row() => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Rate:N0} | {(Count == 0 ? "" : P50.ToString("F1", CultureInfo.InvariantCulture))} | {(Count == 0 ? "" : P99.ToString("F1", CultureInfo.InvariantCulture))} | {Note} |");
    }

    internal static class Runner
    {
        /// <summary>Runs <paramref name="count"/> operations over <paramref name="connections"/> concurrent callers; each failure stops the run.</summary>
        public static async Task<Result> RunAsync(string name, int connections, int count, Func<int, Task> operation, bool quiet = false)
        {
            if (count <= 0)
            {
                return new Result(name, 0, 0, 0, 0);
            }

            var latencies = new double[count];
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var started = Stopwatch.GetTimestamp();
                    await operation(i);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            })));
            var elapsed = watch.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            var result = new Result(name, count / elapsed, latencies[count / 2], latencies[Math.Min(count - 1, (int)(count * 0.99))], count);
            Console.WriteLine(quiet ? string.Create(CultureInfo.InvariantCulture, $"{name} {count:N0} in {elapsed:F1} s") : result.ToString());
            return result;
        }
    }

    /// <summary>The host's API with a bearer token per demo user.</summary>
    internal sealed class Api(HttpClient http)
    {
        private readonly Dictionary<string, AuthenticationHeaderValue> tokens = new(StringComparer.Ordinal);

        public async Task SignInAsync(params string[] users)
        {
            foreach (var user in users)
            {
                using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password = global::Court.Application.Demo.DemoUsers.Password });
                var body = await Expect(response, HttpStatusCode.OK);
                tokens[user] = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
            }
        }

        public async Task<JsonElement> GetAsync(string? user, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = user is null ? null : tokens[user];
            using var response = await http.SendAsync(request);
            if (path.StartsWith("/health", StringComparison.Ordinal))
            {
                return response.IsSuccessStatusCode ? default : throw new HttpRequestException($"GET {path}: {(int)response.StatusCode}");
            }

            return await Expect(response, HttpStatusCode.OK);
        }

        public async Task<JsonElement> PostAsync(string user, string path, object body, HttpStatusCode expected, long? ifMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = tokens[user];
            if (ifMatch is { } version)
            {
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
            }

            using var response = await http.SendAsync(request);
            return await Expect(response, expected);
        }

        private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode expected)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode}, expected {(int)expected}: {text[..Math.Min(text.Length, 600)]}");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Builds the court through the real commands, as its clerk, judge and administrator would.</summary>
    internal sealed class CourtSeeder(Api api)
    {
        private const string EarlyReason = "查封财产系易贬值设备，继续查封将严重损害债权人利益";
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (string Id, long Version)> cases = new();
        private int caseSerial;
        private int claimSerial;
        private int noticeSerial;
        private int assetSerial;

        public int Cases => cases.Count;

        public int Notices => noticeSerial;

        public int Claims => claimSerial;

        public string CaseId(int n) => cases[(int)((uint)(n * 7919) % (uint)cases.Count) + 1].Id;

        public async Task OpenCaseAsync(int _)
        {
            var n = Interlocked.Increment(ref caseSerial);
            var opened = await api.PostAsync("clerk", "/api/bankruptcy-cases", new
            {
                caseNumber = $"(2026)渝0116破{n}号",
                debtorName = $"重庆江津{Names[n % Names.Length]}有限公司{n}",
                debtorCreditCode = "91500116MA5U5X7A8B",
                acceptedOn = "2026-11-02",
                administratorUserId = "admin",
                administratorName = "重庆某某律师事务所",
            }, HttpStatusCode.Created);
            cases[n] = (opened.GetProperty("id").GetString()!, opened.GetProperty("version").GetInt64());
        }

        /// <summary>Lists a building on a case not touched before, at the case's version (If-Match).</summary>
        public async Task<(string CaseId, string AssetId)> RegisterAssetAsync(int _)
        {
            var n = Interlocked.Increment(ref assetSerial);
            var (caseId, version) = cases[n];
            var registered = await api.PostAsync("admin", $"/api/bankruptcy-cases/{caseId}/assets", new
            {
                kind = "Building",
                description = $"厂房{n}号（钢结构）",
                holdingAgency = "nrb-jiangjin",
                estimatedValueFen = 120_000_000_00L,
                certificateNumber = $"渝（2019）江津区不动产权第{n:D7}号",
                unitCode = $"500116001001GB{n % 100_000:D5}F00010001",
                location = $"江津区几江街道滨江路{n}号",
                areaSquareMetres = 1520.5m,
                use = "工业",
            }, HttpStatusCode.Created, ifMatch: version);
            cases[n] = (caseId, registered.GetProperty("version").GetInt64());
            return (caseId, registered.GetProperty("assetId").GetString()!);
        }

        /// <summary>A notice in the bureau's inbox: a building, its seizure, a release request, approval and an early ruling.</summary>
        public async Task NoticeAsync(int _)
        {
            var (caseId, assetId) = await RegisterAssetAsync(0);
            var n = Interlocked.Increment(ref noticeSerial);
            var seizure = await api.PostAsync("admin", $"/api/assets/{assetId}/seizures", new
            {
                seizingBody = "重庆市江津区人民法院",
                seizingBodySuperior = "重庆市第五中级人民法院",
                documentNumber = $"(2026)渝0116执{n}号",
                seizedOn = "2026-06-10",
                rank = "First",
                registrationReference = $"渝(2026)江津区不动产查封第{n:D7}号",
            }, HttpStatusCode.Created);
            var request = await api.PostAsync("admin", $"/api/bankruptcy-cases/{caseId}/release-requests", new
            {
                assetId,
                seizureIds = new[] { seizure.GetProperty("seizureId").GetString() },
                reasons = "人民法院已受理破产申请，依企业破产法第十九条应解除保全措施。",
            }, HttpStatusCode.Created);
            var requestId = request.GetProperty("id").GetString();
            await api.PostAsync("judge", $"/api/release-requests/{requestId}/approve", new { note = "同意" }, HttpStatusCode.OK);
            await api.PostAsync("judge", $"/api/release-requests/{requestId}/issue-ruling", new { earlyReason = EarlyReason }, HttpStatusCode.OK);
        }

        public async Task FileClaimAsync(int _)
        {
            var n = Interlocked.Increment(ref claimSerial);
            await api.PostAsync("clerk", "/api/small-claims/cases", new
            {
                caseNumber = $"(2026)渝0116民初{n}号",
                plaintiff = $"重庆{Names[n % Names.Length]}商贸有限公司",
                defendant = Surnames[n % Surnames.Length] + "某",
                judgeId = "judge",
                claim = 40_000m + (n % 997),
                caseType = "monetary",
                partiesAgreed = false,
            }, HttpStatusCode.Created);
        }

        private static readonly string[] Names = ["德感机械", "几江建材", "双福物流", "珞璜化工", "白沙酿造", "油溪农业", "支坪电子", "圣泉食品"];

        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    }

    /// <summary>The lists a court's users open every day, read at the first page, a deep page and with a filter or search.</summary>
    internal static class Reads
    {
        public static async Task<List<Result>> MeasureAsync(Api api, CourtSeeder court, string size, int requests)
        {
            // A cursor deep in each list: follow next to the end at the largest page, keep the last cursor seen.
            var deepCases = await LastCursorAsync(api, "judge", "/api/bankruptcy-cases?limit=200");
            var deepDocket = await LastCursorAsync(api, "clerk", "/api/small-claims/docket?limit=200");
            var deepInbox = await LastCursorAsync(api, "nrb", "/api/notices?limit=200");
            var measures = new (string Name, string User, Func<int, string> Path)[]
            {
                ("case list, first page", "judge", _ => "/api/bankruptcy-cases?limit=50"),
                ("case list, last page", "judge", _ => "/api/bankruptcy-cases?limit=50&after=" + Uri.EscapeDataString(deepCases ?? "")),
                ("case list by number", "judge", _ => "/api/bankruptcy-cases?limit=50&sort=number"),
                ("case list, search a case number", "judge", n => "/api/bankruptcy-cases?limit=50&q=" + Uri.EscapeDataString($"破{(n * 7919 % court.Cases) + 1}号")),
                ("bureau inbox, first page", "nrb", _ => "/api/notices?limit=50"),
                ("bureau inbox, last page", "nrb", _ => "/api/notices?limit=50&after=" + Uri.EscapeDataString(deepInbox ?? "")),
                ("small-claims docket, first page", "clerk", _ => "/api/small-claims/docket?limit=50"),
                ("small-claims docket, last page", "clerk", _ => "/api/small-claims/docket?limit=50&after=" + Uri.EscapeDataString(deepDocket ?? "")),
                ("judge's tasks, first page", "judge", _ => "/api/tasks?limit=50"),
            };
            var results = new List<Result>();
            foreach (var (name, user, path) in measures)
            {
                await Runner.RunAsync(name, 1, 10, n => api.GetAsync(user, path(n)), quiet: true); // warm-up
                // Search is a substring scan over the court's cases (see docs/benchmarks.md): fewer requests, or it takes minutes.
                results.Add(await Runner.RunAsync($"{name} ({size})", 1, name.Contains("search", StringComparison.Ordinal) ? Math.Min(requests, 50) : requests, n => api.GetAsync(user, path(n))));
            }

            return results;
        }

        private static async Task<string?> LastCursorAsync(Api api, string user, string path)
        {
            string? last = null;
            for (string? next = null; ;)
            {
                var page = await api.GetAsync(user, path + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
                next = page.TryGetProperty("next", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
                if (next is null)
                {
                    return last;
                }

                last = next;
            }
        }
    }

    /// <summary>The host as its own process; its memory read from /proc.</summary>
    internal sealed class Host : IDisposable
    {
        private readonly Process process;

        private Host(Process process, Uri address) => (this.process, Address) = (process, address);

        public Uri Address { get; }

        public static async Task<Host> StartAsync(string dll, string data, string? postgres)
        {
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException("Build the host first (the bench builds it with dotnet run -c Release --project bench/Court.HttpBench).", dll);
            }

            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { dll, "--urls", address.ToString(), $"--Court:Database:DataDirectory={data}", "--Court:Demo:Cases=0", "--Logging:LogLevel:Default=Warning" })
            {
                start.ArgumentList.Add(arg);
            }

            if (postgres is not null)
            {
                start.ArgumentList.Add("--Court:Database:Provider=PostgreSql");
                start.ArgumentList.Add($"--ConnectionStrings:Court={postgres}");
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start)!;
            var tail = new System.Collections.Concurrent.ConcurrentQueue<string>();
            void Keep(string? line)
            {
                if (line is null)
                {
                    return;
                }

                tail.Enqueue(line);
                while (tail.Count > 40)
                {
                    tail.TryDequeue(out var _);
                }
            }

            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var probeClient = new HttpClient { BaseAddress = address };
            for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(3); await Task.Delay(250))
            {
                if (process.HasExited)
                {
                    break;
                }

                try
                {
                    if ((await probeClient.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        return new Host(process, address);
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }

            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The host did not become ready:\n" + string.Join('\n', tail));
        }

        /// <summary>Resident and peak resident memory of the host process.</summary>
        public string Memory()
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status");
            string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() is { } kb
                ? string.Create(CultureInfo.InvariantCulture, $"{long.Parse(kb.Split(' ')[0], CultureInfo.InvariantCulture) / 1024} MB")
                : "n/a";
            return $"{Field("VmRSS")} / {Field("VmHWM")}";
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }
    }
}
