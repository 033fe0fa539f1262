using Court.Application.Workflows;
using Court.Testing;

namespace Court.Web.Tests.Workflows;

/// <summary>A broken definition stops the host at start-up, naming the file, the JSON path and the problem.</summary>
public sealed class HostRefusesBrokenWorkflowsTests
{
    [Fact]
    public async Task The_host_refuses_to_start_on_a_broken_definition()
    {
        using var data = new TempDirectory("court-broken-host");
        using var workflows = new TempDirectory("court-broken-workflows");
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        File.Copy(Path.Combine(shipped, "workflow.schema.json"), workflows.File("workflow.schema.json"));
        var text = File.ReadAllText(Path.Combine(shipped, "small-claims.v1.json"));
        var first = text.IndexOf("\"roles\": [\"clerk\"]", StringComparison.Ordinal);
        var broken = string.Concat(text.AsSpan(0, first), "\"roles\": []", text.AsSpan(first + "\"roles\": [\"clerk\"]".Length));
        File.WriteAllText(workflows.File("small-claims.v1.json"), broken);

        var app = CourtHost.Build([
            "--urls=http://127.0.0.1:0", "--environment=Testing",
            "--Court:Database:Provider=Sqlite", $"--Court:Database:DataDirectory={data.Path}", "--Court:Demo:Enabled=false",
            $"--Court:Workflows:Path={workflows.Path}", $"--Court:Workflows:CalendarsPath={Path.Combine(shipped, "calendars")}"]);
        await using (app)
        {
            var ex = await Assert.ThrowsAsync<InvalidWorkflowDefinitionException>(() => app.StartAsync());
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("small-claims.v1.json: $.transitions[0].roles: Trigger 'RecordSmallClaimsService' from state 'Filed' names no role that may fire it.", problem.ToString());
            Assert.Contains(problem.ToString(), ex.Message, StringComparison.Ordinal);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
