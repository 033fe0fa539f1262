using Court.Application.Workflows;
using Court.Infrastructure.Persistence;
using Court.Infrastructure.Workflows;

namespace Court.Web;

/// <summary>
/// Operator verbs for workflows: <c>workflows check</c> validates the definitions as the host would at start-up (exit 1
/// on any problem, each on its own line); <c>timers rebuild</c> rebuilds the timers table from the log.
/// </summary>
public static class WorkflowCommandLine
{
    /// <summary>The exit code, or null when <paramref name="args"/> is not a workflow verb.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output)
    {
        if (args is ["workflows", "check", .. var checkArgs])
        {
            return await CheckAsync(checkArgs, output);
        }

        if (args is ["timers", "rebuild", .. var rebuildArgs])
        {
            return await RebuildTimersAsync(rebuildArgs, output);
        }

        return null;
    }

    private static async Task<int> CheckAsync(string[] hostArgs, TextWriter output)
    {
        var builder = CourtHost.CreateBuilder(hostArgs);
        CourtHost.ConfigureServices(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        var catalog = app.Services.GetRequiredService<WorkflowCatalog>();
        try
        {
            catalog.EnsureLoaded();
        }
        catch (InvalidWorkflowDefinitionException ex)
        {
            foreach (var problem in ex.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }

            return 1;
        }

        foreach (var definition in catalog.All.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version))
        {
            await output.WriteLineAsync($"{definition.SourceFile}: {definition.Id} v{definition.Version} ({definition.Title.Zh}) is valid.");
        }

        return 0;
    }

    /// <summary>Forgets every timer and follows the whole log again: fired and cancelled timers come back as such.</summary>
    private static async Task<int> RebuildTimersAsync(string[] hostArgs, TextWriter output)
    {
        var builder = CourtHost.CreateBuilder(hostArgs);
        CourtHost.ConfigureServices(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        var connections = app.Services.GetRequiredService<ConnectionFactory>();
        await using (var connection = await connections.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var delete = connection.Command(transaction, "DELETE FROM timers"))
            {
                await delete.ExecuteNonQueryAsync();
            }

            await using (var reset = connection.Command(transaction, "DELETE FROM projection_checkpoints WHERE name = @n").With("@n", WorkflowTimerService.CheckpointName))
            {
                await reset.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var timers = app.Services.GetRequiredService<WorkflowTimerService>();
        long events = 0;
        int page;
        while ((page = await timers.FollowPageAsync(CancellationToken.None)) > 0)
        {
            events += page;
        }

        var rows = await connections.ListTimersAsync();
        await output.WriteLineAsync($"Rebuilt {rows.Count} timer(s) from {events} event(s); {rows.Count(r => r.Status == TimerStatus.Pending)} pending.");
        return 0;
    }
}
