using Court.Infrastructure.EventStore;
using Spectre.Console;

namespace Court.Web;

/// <summary>Operator verbs on the same configuration as the host: <c>projections rebuild [name]</c>.</summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is ["projections", "rebuild", .. var rest])
        {
            Environment.ExitCode = await RebuildAsync(args, rest.FirstOrDefault(a => !a.StartsWith('-')));
            return true;
        }

        return false;
    }

    private static async Task<int> RebuildAsync(string[] args, string? name)
    {
        var builder = WebApplication.CreateBuilder(args);
        CourtHost.ConfigureServices(builder.Services, builder.Configuration);
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
                    await rebuilder.RebuildAsync(projection, new Progress<long>(done => task.Value = done), CancellationToken.None);
                    task.Value = task.MaxValue;
                }
            });
        AnsiConsole.MarkupLine($"Rebuilt {chosen.Count} projection(s) from {total} events.");
        return 0;
    }
}
