using Court.Application.Workflows;
using Court.Testing;

namespace Court.Web.Tests.Workflows;

/// <summary>A broken definition stops the host at start-up, naming the file, the JSON path and the problem.</summary>
public sealed class HostRefusesBrokenWorkflowsTests
{
    private const string Problem = "small-claims.v1.json: $.transitions[0].roles: Trigger 'RecordSmallClaimsService' from state 'Filed' names no role that may fire it.";

    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "workflows");

    [Fact]
    public async Task The_host_refuses_to_start_on_a_broken_definition_before_it_touches_the_database()
    {
        using var data = new TempDirectory("court-broken-host");
        using var workflows = BrokenFolder();
        var shipped = Shipped;

        var app = CourtHost.Build([
            "--urls=http://127.0.0.1:0", "--environment=Testing",
            "--Court:Database:Provider=Sqlite", $"--Court:Database:DataDirectory={data.Path}", "--Court:Demo:Enabled=false",
            $"--Court:Workflows:Path={workflows.Path}", $"--Court:Workflows:CalendarsPath={Path.Combine(shipped, "calendars")}"]);
        await using (app)
        {
            var ex = await Assert.ThrowsAsync<InvalidWorkflowDefinitionException>(() => app.StartAsync());
            var problem = Assert.Single(ex.Problems);
            Assert.Equal(Problem, problem.ToString());
            Assert.Contains(problem.ToString(), ex.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Path)); // nothing migrated, nothing seeded

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Workflows_check_lists_each_problem_and_fails()
    {
        using var data = new TempDirectory("court-check");
        using var workflows = BrokenFolder();
        using var output = new StringWriter();

        var exit = await WorkflowCommandLine.TryRunAsync(["workflows", "check", .. Settings(data.Path, workflows.Path)], output);

        Assert.Equal(1, exit);
        Assert.Equal(Problem, output.ToString().Trim());
    }

    [Fact]
    public async Task Workflows_check_passes_the_shipped_definitions()
    {
        using var data = new TempDirectory("court-check");
        using var output = new StringWriter();

        var exit = await WorkflowCommandLine.TryRunAsync(["workflows", "check", .. Settings(data.Path, Shipped)], output);

        Assert.Equal(0, exit);
        Assert.Contains("small-claims.v1.json: small-claims v1 (小额诉讼程序) is valid.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timers_rebuild_follows_the_log_from_the_start()
    {
        using var data = new TempDirectory("court-timers");
        using var output = new StringWriter();

        var exit = await WorkflowCommandLine.TryRunAsync(["timers", "rebuild", .. Settings(data.Path, Shipped)], output);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(0, exit);
        Assert.Equal("Rebuilt 0 timer(s) from 0 event(s); 0 pending.", output.ToString().Trim());
    }

    private static string[] Settings(string dataDirectory, string workflowsPath) =>
    [
        "--environment=Testing", "--Court:Database:Provider=Sqlite", $"--Court:Database:DataDirectory={dataDirectory}", "--Court:Demo:Enabled=false",
        $"--Court:Workflows:Path={workflowsPath}", $"--Court:Workflows:CalendarsPath={Path.Combine(Shipped, "calendars")}",
    ];

    /// <summary>The shipped small-claims definition with its first transition's roles emptied.</summary>
    private static TempDirectory BrokenFolder()
    {
        var workflows = new TempDirectory("court-broken-workflows");
        File.Copy(Path.Combine(Shipped, "workflow.schema.json"), workflows.File("workflow.schema.json"));
        var text = File.ReadAllText(Path.Combine(Shipped, "small-claims.v1.json"));
        var first = text.IndexOf("\"roles\": [\"clerk\"]", StringComparison.Ordinal);
        var broken = string.Concat(text.AsSpan(0, first), "\"roles\": []", text.AsSpan(first + "\"roles\": [\"clerk\"]".Length));
        File.WriteAllText(workflows.File("small-claims.v1.json"), broken);
        return workflows;
    }
}
