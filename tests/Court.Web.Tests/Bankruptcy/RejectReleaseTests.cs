using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/release-requests/{id}/reject.</summary>
public sealed class RejectReleaseTests(ApiWithRequestedRelease api) : IClassFixture<ApiWithRequestedRelease>
{
    [Fact]
    public async Task The_judge_rejects_with_a_reason_and_the_asset_stays_seized()
    {
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/reject", new { reason = "该财产不属于债务人" })).ReadJsonAsync(HttpStatusCode.OK);

        var request = await api.ReleaseRequestAsync(api.RequestId);
        Assert.Equal(("Rejected", "该财产不属于债务人"), (request.GetProperty("stage").GetString(), request.GetProperty("rejectedReason").GetString()));
        Assert.Equal("Seized", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());
        var refused = await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/approve", new { })).ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "Rejected"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/reject", new { reason = "再次" })).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        Assert.True((await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/reject", new { })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task An_approved_request_cannot_be_rejected()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");

        var response = await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/reject", new { reason = "x" });

        var refused = await response.ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "AwaitingSeizingBodies"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
        Assert.DoesNotContain("approved", refused.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
