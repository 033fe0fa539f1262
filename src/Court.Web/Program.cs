using Court.Web;

// `projections rebuild [name]` and the other verbs run and exit; anything else starts the web host.
if (await CommandLine.TryRunAsync(args))
{
    return;
}

var app = CourtHost.Build(args);
await app.Services.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
