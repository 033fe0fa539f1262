using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Court.Application.EventStore;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// The foundation's crash test through this API: the real host in its own process under concurrent writes is killed
/// with SIGKILL; every write it had answered 2xx is there after a restart, and the log's hash chain verifies.
/// </summary>
public sealed class ApiCrashTests
{
    private const int AcksBeforeKill = 60;

    [Fact]
    public async Task Every_2xx_bankruptcy_write_survives_a_kill_9_under_load()
    {
        await using var database = new SqliteTestDatabase();
        var acked = new ConcurrentBag<(string CaseId, string AssetId)>();

        using (var host = await StartHostAsync(database.DataDirectory))
        {
            using var cancel = new CancellationTokenSource();
            var clerk = await ClientAsync(host.BaseUrl, "clerk");
            var admin = await ClientAsync(host.BaseUrl, "admin");
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !cancel.IsCancellationRequested; i++)
                {
                    try
                    {
                        var opened = await clerk.PostAsJsonAsync("/api/bankruptcy-cases", new { caseNumber = $"(2026)渝0116破{(w * 10_000) + i + 1}号", debtorName = $"重庆崩溃测试{w}-{i}有限公司", debtorCreditCode = "91500116MA5U5X7A8B", acceptedOn = "2026-01-05", administratorUserId = "admin", administratorName = "重庆某某律师事务所" }, cancel.Token);
                        if (opened.StatusCode != HttpStatusCode.Created)
                        {
                            continue;
                        }

                        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>(cancel.Token)).GetProperty("id").GetString()!;
                        var listed = await admin.PostAsJsonAsync($"/api/bankruptcy-cases/{caseId}/assets", new { kind = "Other", description = $"设备{w}-{i}", holdingAgency = "nrb-jiangjin", estimatedValueFen = 100_000 }, cancel.Token);
                        if (listed.StatusCode == HttpStatusCode.Created)
                        {
                            acked.Add((caseId, (await listed.Content.ReadFromJsonAsync<JsonElement>(cancel.Token)).GetProperty("assetId").GetString()!));
                        }
                    }
                    catch (Exception) when (cancel.IsCancellationRequested || host.Process.HasExited)
                    {
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            var waited = Stopwatch.StartNew();
            while (acked.Count < AcksBeforeKill && waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(50);
            }

            // SIGKILL while the writers are still sending: no shutdown code runs.
            host.Process.Kill(entireProcessTree: true);
            await host.Process.WaitForExitAsync();
            await cancel.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acked.Count >= AcksBeforeKill, $"only {acked.Count} writes were acknowledged before the deadline");
        using (var restarted = await StartHostAsync(database.DataDirectory))
        {
            var judge = await ClientAsync(restarted.BaseUrl, "judge");
            foreach (var (caseId, assetId) in acked)
            {
                var view = await judge.GetFromJsonAsync<JsonElement>($"/api/bankruptcy-cases/{caseId}");
                Assert.Contains(view.GetProperty("assets").EnumerateArray(), a => a.GetProperty("id").GetString() == assetId);
            }

            restarted.Process.Kill(entireProcessTree: true);
            await restarted.Process.WaitForExitAsync();
        }

        await using var services = await CourtServices.BuildAsync(database);
        var report = await services.GetRequiredService<IEventStore>().VerifyAsync();
        Assert.True(report.IsIntact, report.FirstBrokenLink?.Reason);
    }

    private static async Task<HttpClient> ClientAsync(string baseUrl, string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var token = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = Court.Application.Demo.DemoUsers.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private sealed record Host(Process Process, string BaseUrl) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }

    /// <summary>The built Court.Web.dll (beside the tests) in its own process on a free port, once it answers /health/ready.</summary>
    private static async Task<Host> StartHostAsync(string dataDirectory)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Court.Web.dll"), $"--urls={baseUrl}", "--environment=Testing", $"--Court:Database:DataDirectory={dataDirectory}", "--Court:Demo:Enabled=true", "--Court:Demo:Cases=0" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probeClient = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"The host exited with {(process.HasExited ? process.ExitCode : 0)}.");
            try
            {
                if ((await probeClient.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return new Host(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The host did not become ready in 60 s.");
    }
}
