using Court.Web;

WebApplication app;
try
{
    // `projections rebuild [name]` and the other verbs run and exit; anything else starts the web host.
    if (await CommandLine.TryRunAsync(args))
    {
        return;
    }

    app = CourtHost.Build(args);
    await app.Services.PrepareDatabaseAsync();
}
catch (Exception refused) when (refused is Court.Application.Workflows.InvalidWorkflowDefinitionException or Court.Infrastructure.Persistence.DataDirectoryNotWritableException)
{
    // The first thing an operator reads: nothing was migrated or seeded.
    await Console.Error.WriteLineAsync(refused.Message);
    Environment.ExitCode = 1;
    return;
}

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
