using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/release-requests/{id}/issue-ruling on an approved request.</summary>
public sealed class IssueLiftingRulingTests(ApiWithApprovedRelease api) : IClassFixture<ApiWithApprovedRelease>
{
    [Fact]
    public async Task The_ruling_sends_one_notice_for_every_seizure_to_the_bureau_and_notifies_the_seizing_bodies()
    {
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/issue-ruling", new { })).ReadJsonAsync(HttpStatusCode.OK);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{api.RequestId}");
        var noticeId = details.GetProperty("request").GetProperty("noticeId").GetString()!;
        var titles = details.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.Contains("民事裁定书（解除查封）", titles);
        Assert.Contains("协助执行通知书", titles);
        Assert.Equal(2, titles.Count(t => t == "通知书（解除查封）"));
        Assert.Equal("AwaitingRegistry", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());

        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice");
        var content = notice.GetProperty("content");
        Assert.Equal(("(2022)渝0116破3号", "91500116MA5U5X7A8B", "500116001001GB00001F00010001"), (content.GetProperty("caseNumber").GetString(), content.GetProperty("debtorCreditCode").GetString(), content.GetProperty("asset").GetProperty("unitCode").GetString()));
        Assert.StartsWith("江津法解封裁字", content.GetProperty("rulingNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Delivered", "Delivered"), (notice.GetProperty("status").GetString(), notice.GetProperty("workflowState").GetString()));

        // Issuing again is satisfied: the same notice, no second one.
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/issue-ruling", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(noticeId, await api.NoticeIdOfAsync(api.RequestId));
        Assert.Single((await (await api.AsBureau()).GetJsonAsync("/api/notices")).EnumerateArray(), n => n.GetProperty("sourceId").GetString() == api.RequestId);
    }

    [Fact]
    public async Task No_ruling_before_the_judge_approves()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        var refused = await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { })).ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "Requested"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
        Assert.Contains("ApproveRelease", refused.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task The_clerk_may_not_rule()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsClerk()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { })).StatusCode);
    }
}
