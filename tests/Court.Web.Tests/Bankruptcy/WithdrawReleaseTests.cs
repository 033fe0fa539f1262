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
    public async Task Once_the_notice_is_out_the_request_cannot_be_withdrawn()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Ruled");

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/release-requests/{requestId}/withdraw", new { reason = "x" });

        Assert.Equal("release.cannot-withdraw", (await response.ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_judge_may_not_withdraw_the_administrators_request()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/withdraw", new { reason = "x" })).StatusCode);
    }
}
