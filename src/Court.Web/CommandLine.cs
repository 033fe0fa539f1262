using Court.Application.Demo;
using Court.Infrastructure.EventStore;
using Court.Web.Demo;
using Spectre.Console;

namespace Court.Web;

/// <summary>Operator verbs on the same configuration as the host: <c>projections rebuild [name]</c>, <c>seed --cases N</c>, <c>workflows check</c>, <c>timers rebuild</c>.</summary>
public static class CommandLine
{
    /// <param name="configureServices">Runs after the host's own registrations (tests add their projections here).</param>
    public static async Task<bool> TryRunAsync(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        if (args is ["projections", "rebuild", .. var rest])
        {
            // The name, if any, comes right after the verb; everything else is host configuration (--key=value).
            var name = rest is [var first, ..] && !first.StartsWith('-') ? first : null;
            Environment.ExitCode = await RebuildAsync([.. rest.Skip(name is null ? 0 : 1)], name, configureServices);
            return true;
        }

        if (await WorkflowCommandLine.TryRunAsync(args, Console.Out) is { } exitCode)
        {
            Environment.ExitCode = exitCode;
            return true;
        }

        if (args is ["verify", .. var verifyArgs])
        {
            Environment.ExitCode = await VerifyAsync(verifyArgs, Console.Out);
            return true;
        }

        if (args is ["seed", .. var seedArgs])
        {
            Environment.ExitCode = await SeedAsync(args, seedArgs);
            return true;
        }

        return false;
    }

    /// <summary>Creates the demo users if missing and runs every slice's demo seeder for N more cases, with a progress bar.</summary>
    private static async Task<int> SeedAsync(string[] args, string[] seedArgs)
    {
        var cases = 10;
        var at = Array.IndexOf(seedArgs, "--cases");
        if (at >= 0 && (at + 1 >= seedArgs.Length || !int.TryParse(seedArgs[at + 1], System.Globalization.CultureInfo.InvariantCulture, out cases) || cases < 0))
        {
            await Console.Error.WriteLineAsync("Usage: seed [--cases N]   (N >= 0, default 10)");
            return 2;
        }

        var hostArgs = args.Where((_, i) => i > 0 && (at < 0 || (i != at + 1 && i != at + 2))).ToArray();
        var builder = CourtHost.CreateBuilder(hostArgs);
        CourtHost.ConfigureServices(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        var seeding = app.Services.GetRequiredService<DemoSeeding>();
        await seeding.EnsureDemoUsersAsync();
        var settings = app.Services.GetRequiredService<DemoSettings>();
        var names = DemoSeeding.SeederNames(app.Services);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var tasks = names.ToDictionary(n => n, n => progress.AddTask(n, maxValue: Math.Max(cases, 1)));
                var report = new SynchronousProgress<DemoProgress>(p => tasks[p.Seeder].Value = p.Done);
                // A different seed per run, so a second run adds new cases instead of repeating the first run's names.
                await seeding.SeedDataAsync(cases, settings.Seed + Environment.TickCount, report, CancellationToken.None);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
        AnsiConsole.MarkupLine($"Seeded {DemoUsers.All.Count} demo users and {cases} case(s) for each of {names.Count} seeder(s).");
        return 0;
    }

    /// <summary>Exit code of <c>verify</c> when a chain is broken.</summary>
    public const int ChainBroken = 3;

    /// <summary>
    /// Walks every stream's hash chain in the whole log with a progress bar, then prints the first break of each
    /// broken stream. 0: intact; <see cref="ChainBroken"/>: a break was found.
    /// </summary>
    public static async Task<int> VerifyAsync(string[] hostArgs, TextWriter output)
    {
        var builder = CourtHost.CreateBuilder(hostArgs);
        CourtHost.ConfigureServices(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        var store = app.Services.GetRequiredService<Court.Application.EventStore.IEventStore>();
        Court.Application.EventStore.LogVerification? verified = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("hash chains", maxValue: 1);
                var reporter = new SynchronousProgress<Court.Application.EventStore.VerificationProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.EventsTotal);
                    task.Value = p.EventsChecked;
                });
                verified = await store.VerifyStreamsAsync(null, reporter, CancellationToken.None);
                task.Value = task.MaxValue;
            });
        var report = verified!;
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Checked {report.EventsChecked} events in {report.StreamsChecked} streams: {(report.IsIntact ? "every chain is intact." : $"{report.Breaks.Count} stream(s) broken.")}"));
        foreach (var link in report.Breaks)
        {
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"BROKEN {link.StreamId} at version {link.Version} (position {link.Position}): {link.Reason}"));
        }

        return report.IsIntact ? 0 : ChainBroken;
    }

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to the thread pool and lag behind the bar.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static async Task<int> RebuildAsync(string[] hostArgs, string? name, Action<IServiceCollection>? configureServices)
    {
        var builder = CourtHost.CreateBuilder(hostArgs);
        CourtHost.ConfigureServices(builder.Services, builder.Configuration);
        configureServices?.Invoke(builder.Services);
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        var rebuilder = app.Services.GetRequiredService<ProjectionRebuilder>();
        var chosen = rebuilder.Projections.Where(p => name is null || p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No projection named '{name}'. Known: {string.Join(", ", rebuilder.Projections.Select(p => p.Name))}");
            return 2;
        }

        var total = await rebuilder.CountEventsAsync(CancellationToken.None);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var projection in chosen)
                {
                    var task = progress.AddTask(projection.Name, maxValue: Math.Max(total, 1));
                    await rebuilder.RebuildAsync(projection, new SynchronousProgress<long>(done => task.Value = done), CancellationToken.None);
                    task.Value = task.MaxValue;
                }
            });
        AnsiConsole.MarkupLine($"Rebuilt {chosen.Count} projection(s) from {total} events.");
        return 0;
    }
}
