using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Court.CrashHarness;

/// <param name="CrashPostgresCommand">When set, each crash is of PostgreSQL under the running host instead of the host:
/// a shell command that kills the server without shutdown and starts it again (e.g. <c>pg_ctl -m immediate restart</c>).</param>
/// <param name="Nodes">Hosts on one PostgreSQL database; with more than one, each crash kills the leading node and is
/// not restarted, and the run measures how long until a survivor leads.</param>
public sealed record LoadCrashOptions(string WebDll, string DataDirectory, string? PostgresConnectionString = null, int Clients = 16, double LoadSeconds = 20, int Kills = 1, string? CrashPostgresCommand = null, int Nodes = 1);

/// <summary>What a run found. <see cref="Lost"/> and <see cref="Unsettled"/> must be 0, <see cref="ChainIntact"/> true.</summary>
public sealed record LoadCrashResult(
    int Acknowledged,
    int Lost,
    int InDoubt,
    int InDoubtSettled,
    int Unsettled,
    bool ChainIntact,
    double WritesPerSecond,
    double RestartSeconds,
    string VerifyOutput,
    double? FailoverSeconds = null)
{
    public bool Passed => Lost == 0 && Unsettled == 0 && ChainIntact && Acknowledged > 0;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"acknowledged {Acknowledged}, lost {Lost}, in doubt {InDoubt} (settled {InDoubtSettled}, unsettled {Unsettled}), chain {(ChainIntact ? "intact" : "BROKEN")}, {WritesPerSecond:0} writes/s, crash to ready {RestartSeconds:0.0} s{(FailoverSeconds is { } f ? $", fail-over {f:0.00} s" : "")}");
}

/// <summary>
/// The load-and-crash run (docs/reliability.md): the real host as a child process, <see cref="LoadCrashOptions.Clients"/>
/// clients registering assets with Idempotency-Keys, kill -9 of the host mid-load, restart on the same data; then
/// every acknowledged write is looked up, every write left in doubt is retried with its key and body until it is
/// settled, and the `verify` verb walks every hash chain.
/// </summary>
public static class LoadCrash
{
    /// <summary>The header /health/ready answers with: whether that node runs the background work (CourtHost).</summary>
    public const string LeaderHeader = "Court-Leader";

    private const string Password = "Court!2022";

    public static async Task<int> MainAsync(string[] args)
    {
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var web = Option("--web", FindWebDll());
        var data = Option("--data", Path.Combine(Path.GetTempPath(), $"court-loadcrash-{Guid.NewGuid():N}"));
        var postgres = Option("--postgres", "");
        var crashPostgres = Option("--crash-postgres", "");
        var options = new LoadCrashOptions(
            web,
            data,
            postgres.Length == 0 ? null : postgres,
            int.Parse(Option("--clients", "16"), CultureInfo.InvariantCulture),
            double.Parse(Option("--seconds", "20"), CultureInfo.InvariantCulture),
            int.Parse(Option("--kills", "1"), CultureInfo.InvariantCulture),
            crashPostgres.Length == 0 ? null : crashPostgres,
            int.Parse(Option("--nodes", "1"), CultureInfo.InvariantCulture));
        var result = await RunAsync(options, Console.Out);
        Console.WriteLine(result);
        return result.Passed ? 0 : 1;
    }

    /// <summary>src/Court.Web's build output next to this harness's (same configuration).</summary>
    public static string FindWebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Court.sln")))
        {
            dir = dir.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return dir is null
            ? throw new InvalidOperationException("Court.sln not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "src", "Court.Web", "bin", configuration, "net10.0", "Court.Web.dll");
    }

    public static async Task<LoadCrashResult> RunAsync(LoadCrashOptions options, TextWriter log)
    {
        if (options.Nodes > 1 && options.PostgresConnectionString is null)
        {
            throw new ArgumentException("Several nodes share one PostgreSQL database: give its connection string.", nameof(options));
        }

        Directory.CreateDirectory(options.DataDirectory);
        var nodes = new List<NodeProcess>();
        var restartSeconds = 0.0;
        double? failoverSeconds = null;
        try
        {
            for (var i = 0; i < options.Nodes; i++)
            {
                nodes.Add(await NodeProcess.StartAsync(options, log));
            }

            // Client c's node while it is up, else another one that is (what a load balancer does).
            HttpClient Live(int c)
            {
                var live = nodes.Where(n => n.Up).ToList();
                return live.Count == 0 ? nodes[c % nodes.Count].Http : live[c % live.Count].Http;
            }

            var clerk = await TokenAsync(nodes[0].Http, "clerk");
            var admin = await TokenAsync(nodes[0].Http, "admin");
            var cases = new string[options.Clients];
            for (var c = 0; c < options.Clients; c++)
            {
                cases[c] = await OpenCaseAsync(nodes[0].Http, clerk, c);
            }

            var acknowledged = new ConcurrentBag<(string Key, string AssetId)>();
            var inDoubt = new ConcurrentBag<(string Key, string CaseId, object Body)>();
            var serial = 0;
            var watch = Stopwatch.StartNew();
            var loadFor = TimeSpan.FromSeconds(options.LoadSeconds);
            var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
            {
                while (watch.Elapsed < loadFor)
                {
                    if (!nodes.Any(n => n.Up))
                    {
                        await Task.Delay(50);
                        continue;
                    }

                    var n = Interlocked.Increment(ref serial);
                    var key = $"load-{n}";
                    var body = Asset(n);
                    try
                    {
                        using var response = await SendAsync(Live(c), admin, $"api/bankruptcy-cases/{cases[c]}/assets", body, key);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                            acknowledged.Add((key, json.GetProperty("assetId").GetString()!));
                            continue;
                        }

                        inDoubt.Add((key, cases[c], body));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        inDoubt.Add((key, cases[c], body));
                    }
                }
            })).ToList();

            for (var kill = 1; kill <= options.Kills; kill++)
            {
                var crashAt = loadFor * kill / (options.Kills + 1);
                if (crashAt > watch.Elapsed)
                {
                    await Task.Delay(crashAt - watch.Elapsed);
                }

                var restart = Stopwatch.StartNew();
                if (options.CrashPostgresCommand is { } crash)
                {
                    // The hosts keep running and keep being asked; what they answer meanwhile is 503 or in doubt.
                    await CrashPostgresAsync(crash);
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"crashed PostgreSQL at {watch.Elapsed.TotalSeconds:0.0} s with {acknowledged.Count} writes acknowledged"));
                    foreach (var node in nodes)
                    {
                        await WaitReadyAsync(node.Http);
                    }
                }
                else if (nodes.Count > 1)
                {
                    // Kill the leader; a load balancer sends its clients to the others, one of which takes over the background work.
                    var leader = await LeaderAsync(nodes) ?? throw new InvalidOperationException("No node leads.");
                    await leader.KillAsync();
                    var survivors = nodes.Where(n => n.Up).ToList();
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"killed the leading node at {watch.Elapsed.TotalSeconds:0.0} s with {acknowledged.Count} writes acknowledged"));
                    while (await LeaderAsync(survivors) is null)
                    {
                        if (restart.Elapsed > TimeSpan.FromSeconds(60))
                        {
                            throw new TimeoutException("No surviving node took over within 60 s.");
                        }

                        await Task.Delay(20);
                    }

                    failoverSeconds = Math.Max(failoverSeconds ?? 0, restart.Elapsed.TotalSeconds);
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"a surviving node leads after {restart.Elapsed.TotalSeconds:0.00} s"));
                    continue;
                }
                else
                {
                    await nodes[0].KillAsync(); // SIGKILL: no shutdown, no flush beyond what was committed
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"killed the host at {watch.Elapsed.TotalSeconds:0.0} s with {acknowledged.Count} writes acknowledged"));
                    await nodes[0].RestartAsync(options, log);
                }

                restartSeconds = Math.Max(restartSeconds, restart.Elapsed.TotalSeconds);
            }

            await Task.WhenAll(clients);
            var loadSeconds = watch.Elapsed.TotalSeconds;
            var http = Live(0);

            // Every write left in doubt is retried with its key and body: it must settle (201), never stick at 409.
            var settled = 0;
            var unsettled = 0;
            foreach (var (key, caseId, body) in inDoubt)
            {
                var done = false;
                for (var attempt = 0; attempt < 100 && !done; attempt++)
                {
                    using var response = await SendAsync(http, admin, $"api/bankruptcy-cases/{caseId}/assets", body, key);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                        acknowledged.Add((key, json.GetProperty("assetId").GetString()!));
                        done = true;
                    }
                    else if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1));
                    }
                    else
                    {
                        await log.WriteLineAsync($"in-doubt {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        break;
                    }
                }

                if (done)
                {
                    settled++;
                }
                else
                {
                    unsettled++;
                }
            }

            // Every acknowledged write is there.
            var lost = 0;
            foreach (var (key, assetId) in acknowledged)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/assets/{assetId}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    lost++;
                    await log.WriteLineAsync($"lost {key}: asset {assetId} answers {(int)response.StatusCode}");
                }
            }

            foreach (var node in nodes)
            {
                await node.KillAsync();
            }

            var (intact, verifyOutput) = await VerifyAsync(options);
            var acknowledgedDuringLoad = acknowledged.Count - settled;
            return new LoadCrashResult(acknowledged.Count, lost, inDoubt.Count, settled, unsettled, intact, acknowledgedDuringLoad / loadSeconds, restartSeconds, verifyOutput, failoverSeconds);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>The node whose readiness answer says it leads, or null.</summary>
    private static async Task<NodeProcess?> LeaderAsync(IEnumerable<NodeProcess> nodes)
    {
        foreach (var node in nodes.Where(n => n.Up))
        {
            try
            {
                using var ready = await node.Http.GetAsync("health/ready");
                if (ready.Headers.TryGetValues(LeaderHeader, out var values) && values.Contains("true"))
                {
                    return node;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }

        return null;
    }

    /// <summary>One Court.Web process on its own port, with a client for it.</summary>
    private sealed class NodeProcess : IAsyncDisposable
    {
        private Process process;

        private NodeProcess(Process process, HttpClient http, int port)
        {
            this.process = process;
            Http = http;
            Port = port;
        }

        public HttpClient Http { get; }

        public int Port { get; }

        public bool Up { get; private set; } = true;

        public static async Task<NodeProcess> StartAsync(LoadCrashOptions options, TextWriter log)
        {
            var port = FreePort();
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            return new NodeProcess(await LoadCrash.StartAsync(options, port, http, log), http, port);
        }

        public async Task KillAsync()
        {
            Up = false;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        public async Task RestartAsync(LoadCrashOptions options, TextWriter log)
        {
            process.Dispose();
            process = await LoadCrash.StartAsync(options, Port, Http, log);
            Up = true;
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            process.Dispose();
            Http.Dispose();
        }
    }

    private static string[] HostArguments(LoadCrashOptions options)
    {
        List<string> args = [$"--Court:Database:DataDirectory={options.DataDirectory}", "--Court:Demo:Enabled=true", "--Court:Demo:Cases=0", "--Court:Idempotency:Lease=00:00:02"];
        if (options.PostgresConnectionString is { } postgres)
        {
            args.Add("--Court:Database:Provider=PostgreSql");
            args.Add($"--ConnectionStrings:Court={postgres}");
        }

        return [.. args];
    }

    private static async Task<Process> StartAsync(LoadCrashOptions options, int port, HttpClient http, TextWriter log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(options.WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var arg in HostArguments(options))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var errors = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}: {string.Join('\n', errors)}");
            }

            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        await log.WriteLineAsync(string.Join('\n', errors));
        throw new TimeoutException("The host did not become ready within 120 s.");
    }

    private static async Task CrashPostgresAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` exited with {process.ExitCode}: {await error}");
        }
    }

    /// <summary>Until the host at <paramref name="http"/> answers ready (at most 120 s).</summary>
    public static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready again within 120 s of the PostgreSQL crash.");
    }

    private static async Task<(bool Intact, string Output)> VerifyAsync(LoadCrashOptions options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(options.WebDll);
        start.ArgumentList.Add("verify");
        foreach (var arg in HostArguments(options))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n').Where(l => l.StartsWith("Checked ", StringComparison.Ordinal) || l.StartsWith("BROKEN ", StringComparison.Ordinal));
        return (process.ExitCode == 0, string.Join('\n', lines) + await error);
    }

    /// <summary>A bearer token for demo user <paramref name="user"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string user)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username = user, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>The body that opens bankruptcy case number <paramref name="n"/> of 2022.</summary>
    public static object Case(int n) => new
    {
        caseNumber = string.Create(CultureInfo.InvariantCulture, $"(2022)渝0116破{n}号"),
        debtorCreditCode = "91500116MA5U5X7A8B",
        debtorName = string.Create(CultureInfo.InvariantCulture, $"重庆某某机械制造有限公司{n}"),
        acceptedOn = "2022-04-20",
        administratorUserId = "admin",
        administratorName = "重庆某某律师事务所",
    };

    private static async Task<string> OpenCaseAsync(HttpClient http, string clerk, int n)
    {
        using var response = await SendAsync(http, clerk, "api/bankruptcy-cases", Case(n + 1), null);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Created
            ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"Opening a case answered {(int)response.StatusCode}: {text}");
    }

    private static object Asset(int n) => new
    {
        kind = "Building",
        description = string.Create(CultureInfo.InvariantCulture, $"库房{n}号"),
        holdingAgency = "nrb-jiangjin",
        estimatedValueFen = 120_000_000_00L,
        certificateNumber = "渝（2019）江津区不动产权第0001234号",
        unitCode = "500116001001GB00009F" + n.ToString("00000000", CultureInfo.InvariantCulture),
        location = "江津区几江街道滨江路1号",
        areaSquareMetres = 1520.5m,
        use = "工业",
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await http.SendAsync(request);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
