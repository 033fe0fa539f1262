using System.Net;
using System.Text.Json.Nodes;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// A court that skips the letter to the superiors: its copy of bankruptcy-asset-release.v1.json sends an overdue
/// seizing body's request straight to the lifting ruling, and has no AwaitingSuperiors state. Nothing else differs.
/// </summary>
public sealed class ApiWithReroutedRelease : ApiWithOwnWorkflows
{
    public const string RerouteTitle = "逾期径行裁定";

    public ApiWithReroutedRelease()
    {
        var file = Workflows.File("bankruptcy-asset-release.v1.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!;
        definition["states"]!.AsObject().Remove("AwaitingSuperiors");
        var transitions = definition["transitions"]!.AsArray();
        foreach (var t in transitions.Where(t => (string?)t!["from"] == "AwaitingSuperiors" || (string?)t!["to"] == "AwaitingSuperiors").ToList())
        {
            if ((string?)t!["from"] == "AwaitingSeizingBodies")
            {
                t["to"] = "RulingDue";
                t["title"] = new JsonObject { ["zh"] = RerouteTitle, ["en"] = "Overdue: straight to the ruling" };
            }
            else
            {
                transitions.Remove(t);
            }
        }

        File.WriteAllText(file, definition.ToJsonString());
    }
}

/// <summary>
/// Rerouting a procedure is an edit of one JSON file (issue 9): the altered release definition runs end to end on the
/// real host with no change to the code, and its diagram, the judge's and the agency's inboxes follow it. The shipped
/// definition keeps its superior letter (<see cref="OverdueEscalationTests"/>, <see cref="FollowUpCrashTests"/>).
/// </summary>
public sealed class ReroutedReleaseTests(ApiWithReroutedRelease api) : IClassFixture<ApiWithReroutedRelease>
{
    [Fact]
    public async Task An_overdue_seizing_body_leads_straight_to_the_ruling_and_the_request_is_released_through_the_agency()
    {
        var (requestId, assetId, _) = await api.NewRequestAsync(api.CaseId, "Approved");
        var stream = "release-request-" + requestId;
        var judge = await api.AsJudge();

        // The instance's diagram is drawn from the altered definition, labelled with its titles.
        var diagram = (await judge.GetJsonAsync($"/api/workflow-instances/{stream}/diagram")).GetProperty("mermaid").GetString()!;
        Assert.Contains($"AwaitingSeizingBodies --> RulingDue : {ApiWithReroutedRelease.RerouteTitle}", diagram, StringComparison.Ordinal);
        Assert.DoesNotContain("AwaitingSuperiors", diagram, StringComparison.Ordinal);
        Assert.DoesNotContain("EscalateOverdueRelease", diagram, StringComparison.Ordinal);

        // The seizing bodies' deadline passes: no letter to a superior, the ruling falls due and goes on the agenda.
        await api.PassAsync((await api.ReleaseRequestAsync(requestId)).GetProperty("dueAt").GetDateTimeOffset());
        judge = await api.AsJudge(); // the clock moved past the old token's hour
        var details = await judge.GetJsonAsync($"/api/release-requests/{requestId}");
        Assert.Equal("RulingDue", details.GetProperty("request").GetProperty("stage").GetString());
        Assert.DoesNotContain(details.GetProperty("request").GetProperty("letters").EnumerateArray(), l => l.GetProperty("recipient").GetString() == "Superior");
        Assert.DoesNotContain(details.GetProperty("documents").EnumerateArray(), d => d.GetProperty("title").GetString() == "督促函");
        var item = Assert.Single((await (await api.AsSupervisor()).GetItemsAsync("/api/joint-meeting/agenda")), i => i.GetProperty("sourceId").GetString() == requestId);
        Assert.Equal("SeizingBodyIgnoredLetters", item.GetProperty("reason").GetString());

        // The case view follows the new route too: the asset now waits on the judge, as the state's waitsOn says.
        var asset = await api.AssetAsync(assetId);
        Assert.Equal("RulingDue", asset.GetProperty("state").GetString());
        Assert.Equal("awaiting-judge", asset.GetProperty("blockedBy").EnumerateArray().Last().GetProperty("kind").GetString());

        // The judge's inbox has it, titled by the definition; the administrator's no longer does.
        var task = Assert.Single((await judge.GetJsonAsync("/api/tasks")).GetProperty("items").EnumerateArray(), t => t.GetProperty("streamId").GetString() == stream);
        Assert.Equal(("RulingDue", "待出具解封裁定"), (task.GetProperty("state").GetString(), task.GetProperty("stateTitle").GetProperty("zh").GetString()));
        Assert.DoesNotContain((await (await api.AsAdministrator()).GetJsonAsync("/api/tasks")).GetProperty("items").EnumerateArray(), t => t.GetProperty("streamId").GetString() == stream);
        Assert.Contains(await judge.GetItemsAsync("/api/release-requests"), r => r.GetProperty("id").GetString() == requestId);

        // The request page draws the same diagram.
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, "judge");
        var page = await browser.GetStringAsync(new Uri($"/Bankruptcy/Request/{requestId}", UriKind.Relative));
        Assert.Contains(ApiWithReroutedRelease.RerouteTitle, page, StringComparison.Ordinal);

        // The ruling, then the agency's inbox and its execution release the seizure.
        await api.IssueRulingAsync(requestId);
        var noticeId = await api.NoticeIdOfAsync(requestId);
        var bureau = await api.AsBureau();
        Assert.Contains(await bureau.GetItemsAsync("/api/notices"), n => n.GetProperty("id").GetString() == noticeId);
        await (await bureau.PostJsonAsync($"/api/notices/{noticeId}/acknowledge", new { })).ReadJsonAsync(HttpStatusCode.OK);
        await (await bureau.PostJsonAsync($"/api/notices/{noticeId}/execute", new { registrationReference = "渝(2022)江津区不动产注销查封第0000123号", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Released", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());
    }
}
