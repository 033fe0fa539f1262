using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Court.Application.EventStore;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.EventStore;

public sealed class CrashDurabilityTests
{
    private const int AcksBeforeKill = 400;

    [Fact]
    public async Task Every_acknowledged_append_survives_a_kill_9_and_the_log_verifies()
    {
        await using var database = new SqliteTestDatabase();
        var acked = new List<(string Stream, long LastVersion, Guid[] EventIds)>();

        using (var harness = StartHarness(database.DataDirectory))
        {
            try
            {
                while (acked.Count < AcksBeforeKill)
                {
                    var line = await harness.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
                        ?? throw new InvalidOperationException($"The harness stopped before it was killed: {await harness.StandardError.ReadToEndAsync()}");
                    if (line.StartsWith("ack ", StringComparison.Ordinal))
                    {
                        var parts = line.Split(' ');
                        acked.Add((parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture), [.. parts[3].Split(',').Select(Guid.Parse)]));
                    }
                }
            }
            finally
            {
                // SIGKILL on Linux: no shutdown code runs, the writer is cut off mid-batch.
                harness.Kill(entireProcessTree: true);
                await harness.WaitForExitAsync();
            }

            // Acks printed before the kill landed but after we stopped reading count too.
            string? rest;
            while ((rest = await harness.StandardOutput.ReadLineAsync()) is not null)
            {
                if (rest.StartsWith("ack ", StringComparison.Ordinal) && rest.Split(' ') is [_, var s, var v, var ids] && ids.Split(',').Length == 3)
                {
                    acked.Add((s, long.Parse(v, CultureInfo.InvariantCulture), [.. ids.Split(',').Select(Guid.Parse)]));
                }
            }
        }

        await using var services = await CourtServices.BuildAsync(database);
        var store = services.GetRequiredService<IEventStore>();
        foreach (var group in acked.GroupBy(a => a.Stream))
        {
            var stored = (await store.ReadStreamAsync(group.Key)).ToDictionary(e => e.EventId, e => e.Version);
            foreach (var (_, lastVersion, ids) in group)
            {
                Assert.Equal([lastVersion - 2, lastVersion - 1, lastVersion], ids.Select(id => stored.TryGetValue(id, out var version) ? version : -1));
            }
        }

        Assert.Equal(8, acked.Select(a => a.Stream).Distinct().Count());
        var report = await store.VerifyAsync();
        Assert.True(report.IsIntact, report.FirstBrokenLink?.Reason);
        Assert.True(report.EventsChecked >= acked.Count * 3);
    }

    private static Process StartHarness(string dataDirectory)
    {
        var dll = typeof(CrashDurabilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashHarness").Value!;
        Assert.True(File.Exists(dll), $"The crash harness is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, dataDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash harness.");
    }
}
