using Court.Web;

// `projections rebuild [name]` and the other verbs run and exit; anything else starts the web host.
if (await CommandLine.TryRunAsync(args))
{
    return;
}

var app = CourtHost.Build(args);
try
{
    await app.Services.PrepareDatabaseAsync();
}
catch (Court.Application.Workflows.InvalidWorkflowDefinitionException refused)
{
    // The first thing an operator reads: nothing was migrated or seeded.
    await Console.Error.WriteLineAsync(refused.Message);
    Environment.ExitCode = 1;
    return;
}

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
