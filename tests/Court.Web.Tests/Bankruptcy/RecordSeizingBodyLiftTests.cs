using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/release-requests/{id}/seizing-body-lifted on an approved request for two seizures.</summary>
public sealed class RecordSeizingBodyLiftTests(ApiWithApprovedRelease api) : IClassFixture<ApiWithApprovedRelease>
{
    [Fact]
    public async Task When_each_seizing_body_lifts_its_own_the_asset_is_free_without_a_ruling()
    {
        var admin = await api.AsAdministrator();
        await (await admin.PostJsonAsync($"/api/release-requests/{api.RequestId}/seizing-body-lifted", new { seizureId = api.FirstSeizure, reference = "(2021)渝0116执100号之一", liftedOn = "2022-04-22" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("AwaitingSeizingBodies", (await api.ReleaseRequestAsync(api.RequestId)).GetProperty("stage").GetString());
        var halfway = await api.AssetAsync(api.AssetId);
        Assert.Equal("AwaitingSeizingBodies", halfway.GetProperty("state").GetString());
        var queued = Assert.Single(halfway.GetProperty("seizures").EnumerateArray(), s => s.GetProperty("status").GetString() == "InForce");
        Assert.Equal("First", queued.GetProperty("rank").GetString());

        // Recording the same lift again is satisfied.
        await (await admin.PostJsonAsync($"/api/release-requests/{api.RequestId}/seizing-body-lifted", new { seizureId = api.FirstSeizure, reference = "(2021)渝0116执100号之一", liftedOn = "2022-04-22" })).ReadJsonAsync(HttpStatusCode.OK);

        await (await (await api.AsClerk()).PostJsonAsync($"/api/release-requests/{api.RequestId}/seizing-body-lifted", new { seizureId = api.QueuedSeizure, reference = "渝江税解〔2022〕1号", liftedOn = "2022-04-23" })).ReadJsonAsync(HttpStatusCode.OK);
        var request = await api.ReleaseRequestAsync(api.RequestId);
        Assert.Equal(("Released", "Released"), (request.GetProperty("stage").GetString(), request.GetProperty("workflowState").GetString()));
        var asset = await api.AssetAsync(api.AssetId);
        Assert.Equal("Free", asset.GetProperty("state").GetString());
        Assert.All(asset.GetProperty("seizures").EnumerateArray(), s => Assert.Equal("SeizingBody", s.GetProperty("liftedBy").GetString()));
    }

    [Fact]
    public async Task A_lift_cannot_be_recorded_before_the_judge_approves()
    {
        var (requestId, _, seizure) = await api.NewRequestAsync(api.CaseId);

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/release-requests/{requestId}/seizing-body-lifted", new { seizureId = seizure, reference = "x", liftedOn = "2022-04-22" });

        var refused = await response.ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "Requested"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_lift_dated_tomorrow_is_a_400()
    {
        var (requestId, _, seizure) = await api.NewRequestAsync(api.CaseId, "Approved");

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/release-requests/{requestId}/seizing-body-lifted", new { seizureId = seizure, reference = "x", liftedOn = "2099-01-01" });

        Assert.Equal("release.lifted-in-future", (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }
}
