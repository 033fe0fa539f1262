using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/release-requests/{id}/withdraw.</summary>
public sealed class WithdrawReleaseTests(ApiWithApprovedRelease api) : IClassFixture<ApiWithApprovedRelease>
{
    [Fact]
    public async Task The_administrator_withdraws_an_approved_request_and_may_file_again()
    {
        await (await (await api.AsAdministrator()).PostJsonAsync($"/api/release-requests/{api.RequestId}/withdraw", new { reason = "与查封机关另行协商" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Withdrawn", (await api.ReleaseRequestAsync(api.RequestId)).GetProperty("stage").GetString());
        Assert.Equal("Seized", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());
        await api.RequestReleaseAsync(api.CaseId, api.AssetId, api.FirstSeizure);
    }

    [Fact]
    public async Task Approving_or_rejecting_a_withdrawn_request_is_409_naming_the_state_and_what_is_permitted_and_withdrawing_again_is_satisfied()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);
        var admin = await api.AsAdministrator();
        await (await admin.PostJsonAsync($"/api/release-requests/{requestId}/withdraw", new { reason = "已协商解封" })).ReadJsonAsync(HttpStatusCode.OK);

        foreach (var step in new[] { "approve", "reject" })
        {
            var refused = await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/{step}", new { reason = "x" })).ReadJsonAsync(HttpStatusCode.Conflict);
            Assert.Equal(("workflow.trigger-not-permitted", "Withdrawn"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
            Assert.Empty(refused.GetProperty("permittedTriggers").EnumerateArray());
        }

        await (await admin.PostJsonAsync($"/api/release-requests/{requestId}/withdraw", new { reason = "再次" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Once_the_notice_is_out_the_request_cannot_be_withdrawn()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Ruled");

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/release-requests/{requestId}/withdraw", new { reason = "x" });

        var refused = await response.ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "AwaitingRegistry"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_judge_may_not_withdraw_the_administrators_request()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/withdraw", new { reason = "x" })).StatusCode);
    }
}
