using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;
using Court.Web.Tests.SmallClaims;

namespace Court.Web.Tests.Workflows;

/// <summary>The workflow API over the small-claims process (workflows/small-claims.v1.json) through the real pipeline.</summary>
[Collection(SmallClaimsCollection.Name)]
public sealed class WorkflowApiTests(CourtWithConfirmedThreshold api)
{
    private static string Stream(string caseId) => "small-claims-case-" + caseId;

    [Fact]
    public async Task A_trigger_the_state_does_not_permit_is_409_with_the_state_and_the_callers_permitted_triggers()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 301);

        var response = await (await api.As("judge")).PostJsonAsync($"/api/small-claims/cases/{id}/hearing", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("workflow.trigger-not-permitted", problem.GetProperty("code").GetString());
        Assert.Equal(("Filed", "OpenSmallClaimsHearing"), (problem.GetProperty("state").GetString(), problem.GetProperty("trigger").GetString()));
        Assert.Equal(["ConvertSmallClaimsProcedure", "LowerSmallClaim"], problem.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_trigger_fired_by_a_role_the_transition_does_not_allow_is_403()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 302);

        var response = await (await api.As("judge")).PostJsonAsync($"/api/small-claims/cases/{id}/service", new { method = "electronic" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // The slice's own rule answers first here; the workflow's role check (same 403) is exercised in WorkflowRuntimeTests.
        Assert.Contains("RecordSmallClaimsService", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_actions_of_an_instance_are_the_callers_permitted_triggers_with_the_stream_version_as_etag()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 303);

        var response = await (await api.As("clerk")).GetAsync($"/api/workflow-instances/{Stream(id)}/actions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(("small-claims", 1, "Filed", "已立案"), (body.GetProperty("workflowId").GetString(), body.GetProperty("workflowVersion").GetInt32(), body.GetProperty("state").GetString(), body.GetProperty("stateTitle").GetProperty("zh").GetString()));
        Assert.Equal(["RecordSmallClaimsService", "LowerSmallClaim"], body.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("trigger").GetString()));
        Assert.Equal($"\"{body.GetProperty("streamVersion").GetInt64()}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task An_instance_that_does_not_exist_has_no_actions()
    {
        var response = await (await api.As("clerk")).GetAsync("/api/workflow-instances/small-claims-case-nothing-here/actions");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_definitions_are_listed_with_their_versions_and_each_renders_as_mermaid_with_zh_titles()
    {
        var judge = await api.As("judge");

        var list = await (await judge.GetAsync("/api/workflows")).ReadJsonAsync();
        var smallClaims = list.EnumerateArray().Single(w => w.GetProperty("id").GetString() == "small-claims");
        Assert.Equal((1, "小额诉讼程序"), (smallClaims.GetProperty("latestVersion").GetInt32(), smallClaims.GetProperty("title").GetProperty("zh").GetString()));

        var definition = await (await judge.GetAsync("/api/workflows/small-claims/1")).ReadJsonAsync();
        var mermaid = definition.GetProperty("mermaid").GetString()!;
        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("Filed --> Served : 登记送达", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("RecordSmallClaimsService", mermaid, StringComparison.Ordinal);
        Assert.Contains("Filed : 已立案", mermaid, StringComparison.Ordinal);
        Assert.Equal("Filed", definition.GetProperty("definition").GetProperty("initialState").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await judge.GetAsync("/api/workflows/small-claims/99")).StatusCode);
    }

    [Fact]
    public async Task An_instances_diagram_highlights_its_current_state()
    {
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 304);
        await clerk.PostJsonAsync($"/api/small-claims/cases/{id}/service", new { method = "electronic" });

        var diagram = await (await clerk.GetAsync($"/api/workflow-instances/{Stream(id)}/diagram")).ReadJsonAsync();

        Assert.Equal("Served", diagram.GetProperty("currentState").GetString());
        Assert.Contains("class Served current", diagram.GetProperty("mermaid").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_lists_the_callers_tasks_and_drops_one_once_it_moves_on()
    {
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 305);

        var tasks = (await (await clerk.GetAsync("/api/tasks")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var task = tasks.Single(t => t.GetProperty("streamId").GetString() == Stream(id));
        Assert.Equal(("Filed", "已立案", false), (task.GetProperty("state").GetString(), task.GetProperty("stateTitle").GetProperty("zh").GetString(), task.GetProperty("overdue").GetBoolean()));

        await clerk.PostJsonAsync($"/api/small-claims/cases/{id}/service", new { method = "electronic" });
        Assert.DoesNotContain((await (await clerk.GetAsync("/api/tasks")).ReadJsonAsync()).GetProperty("items").EnumerateArray(), t => t.GetProperty("streamId").GetString() == Stream(id));
        Assert.Contains((await (await (await api.As("judge")).GetAsync("/api/tasks")).ReadJsonAsync()).GetProperty("items").EnumerateArray(), t => t.GetProperty("streamId").GetString() == Stream(id));
    }

    [Fact]
    public async Task Only_a_system_administrator_may_move_an_instance_between_versions()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 306);

        var clerk = await (await api.As("clerk")).PostJsonAsync($"/api/workflow-instances/{Stream(id)}/move", new { toVersion = 1, reason = "test" });
        Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);

        var missing = await (await api.As("sysadmin")).PostJsonAsync($"/api/workflow-instances/{Stream(id)}/move", new { toVersion = 7, reason = "there is no v7" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("workflow.version-not-found", (await missing.ReadJsonAsync()).GetProperty("code").GetString());

        var noReason = await (await api.As("sysadmin")).PostJsonAsync($"/api/workflow-instances/{Stream(id)}/move", new { toVersion = 1, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }
}
