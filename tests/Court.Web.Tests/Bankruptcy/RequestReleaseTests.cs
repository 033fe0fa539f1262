using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/bankruptcy-cases/{id}/release-requests on a case with a seized building.</summary>
public sealed class RequestReleaseTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    private static readonly string[] NoSuchSeizure = ["no-such-seizure"];

    [Fact]
    public async Task The_administrators_request_waits_in_the_judges_queue()
    {
        var (asset, seizure) = await api.NewSeizedBuildingAsync(api.CaseId);

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = asset, seizureIds = new[] { seizure }, reasons = "企业破产法第十九条" });

        var id = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        Assert.Equal($"/api/release-requests/{id}", response.Headers.Location?.ToString());
        var queue = await (await api.AsJudge()).GetItemsAsync("/api/release-requests");
        var queued = Assert.Single(queue, r => r.GetProperty("id").GetString() == id);
        Assert.Equal(("Requested", "Requested"), (queued.GetProperty("stage").GetString(), queued.GetProperty("workflowState").GetString()));
        var mine = await (await api.AsAdministrator()).GetItemsAsync("/api/release-requests");
        Assert.Contains(mine, r => r.GetProperty("id").GetString() == id);
        Assert.Equal("Requested", (await api.AssetAsync(asset)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_second_open_request_for_the_same_asset_is_a_409()
    {
        var (asset, seizure) = await api.NewSeizedBuildingAsync(api.CaseId);
        await api.RequestReleaseAsync(api.CaseId, asset, seizure);

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = asset, seizureIds = new[] { seizure }, reasons = "再次申请" });

        Assert.Equal("release.already-requested", (await response.ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_seizure_the_asset_does_not_have_is_a_404()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = api.AssetId, seizureIds = NoSuchSeizure, reasons = "x" });

        Assert.Equal("seizure.not-found", (await response.ReadJsonAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reasons_and_seizures_are_required()
    {
        var errors = (await (await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = api.AssetId })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.True(errors.TryGetProperty("reasons", out _) && errors.TryGetProperty("seizureIds", out _));
    }

    [Fact]
    public async Task Another_administrator_cannot_file_on_a_case_he_is_not_appointed_to() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As(BankruptcyApi.OtherAdministrator)).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = api.AssetId, seizureIds = new[] { api.FirstSeizure }, reasons = "x" })).StatusCode);
}
