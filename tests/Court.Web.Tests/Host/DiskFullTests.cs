using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Court.CrashHarness;
using Court.Testing;

namespace Court.Web.Tests.Host;

/// <summary>
/// A real full disk for SQLite, as far as the host can tell: the host runs as a child process whose files may not grow
/// past 5 MB (RLIMIT_FSIZE, with SIGXFSZ ignored so a write that would pass it fails with EFBIG as on a full disk).
/// Past the first WAL checkpoint (4 MB), as on a disk that filled up over time: the readiness probe's one-row update
/// still fits into WAL space the file already has, while appends, which need new pages, fail. Decision 0112: writes
/// answer 503 with Retry-After, readiness says not ready, and what was acknowledged stays; a case file read then is
/// refused too unless its audit entry still fits (decision 0132).
/// </summary>
public sealed class DiskFullTests
{
    private const long FileSizeLimit = 5_000_000;

    [Fact]
    public async Task When_sqlite_can_no_longer_grow_writes_answer_503_readiness_fails_and_every_acknowledged_write_is_kept()
    {
        using var data = new TempDirectory("court-diskfull");
        var port = LoadCrash.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        var host = Start(data.Path, port, FileSizeLimit);
        try
        {
            await LoadCrash.WaitReadyAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoadCrash.TokenAsync(http, "clerk"));

            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            var refusals = new System.Collections.Concurrent.ConcurrentQueue<(HttpStatusCode Status, bool RetryAfter, string Body)>();
            var serial = 0;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (refusals.IsEmpty && Interlocked.Increment(ref serial) is var n and <= 20_000)
                {
                    using var response = await http.PostAsJsonAsync("api/bankruptcy-cases", LoadCrash.Case(n));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                    }
                    else
                    {
                        refusals.Enqueue((response.StatusCode, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync()));
                    }
                }
            })));
            Assert.True(refusals.TryPeek(out var refused), "the store never filled up");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
            Assert.True(refused.RetryAfter);
            Assert.Contains("urn:court:error:store-unavailable", refused.Body, StringComparison.Ordinal);
            Assert.True(acknowledged.Count > 1000, $"only {acknowledged.Count} cases fitted: the store filled before its first checkpoint");

            using var ready = await http.GetAsync("health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.NotNull(ready.Headers.RetryAfter);

            // A case file is shown only once its read is on the audit trail (decision 0132): while the store is full a
            // read is either refused as the writes are (no room for its entry) or answered and recorded, never answered unrecorded.
            var shownWhileFull = new List<string>();
            foreach (var id in acknowledged.Take(20))
            {
                using var whileFull = await http.GetAsync($"api/bankruptcy-cases/{id}");
                if (whileFull.StatusCode == HttpStatusCode.OK)
                {
                    shownWhileFull.Add(id);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, whileFull.StatusCode);
                    Assert.Contains("urn:court:error:store-unavailable", await whileFull.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }

            // The operator frees space and restarts: every acknowledged case is there.
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            host = Start(data.Path, port, fileSizeLimit: null);
            await LoadCrash.WaitReadyAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoadCrash.TokenAsync(http, "sysadmin"));
            var trail = await http.GetFromJsonAsync<JsonElement>("api/audit/reads?kind=bankruptcy-case&limit=100");
            var recorded = trail.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("subject").GetString()).ToHashSet();
            Assert.All(shownWhileFull, id => Assert.Contains(id, recorded));

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoadCrash.TokenAsync(http, "clerk"));
            foreach (var id in acknowledged)
            {
                using var read = await http.GetAsync($"api/bankruptcy-cases/{id}");
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            host.Dispose();
        }
    }

    private static Process Start(string dataDirectory, int port, long? fileSizeLimit)
    {
        // The runtime's W^X double mapping needs a large file of its own; switched off, nothing but the data grows.
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        var limit = fileSizeLimit is { } bytes ? $"prlimit --fsize={bytes} " : "";
        start.ArgumentList.Add($"trap '' XFSZ; exec {limit}dotnet \"$0\" --urls http://127.0.0.1:{port} --Court:Database:DataDirectory=\"$1\" --Court:Demo:Enabled=true --Court:Demo:Cases=0");
        start.ArgumentList.Add(LoadCrash.FindWebDll());
        start.ArgumentList.Add(dataDirectory);
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
