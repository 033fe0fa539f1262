using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/assets/{id}/seizures on a free building.</summary>
public sealed class RecordSeizureTests(ApiWithFreeBuilding api) : IClassFixture<ApiWithFreeBuilding>
{
    [Fact]
    public async Task A_first_seizure_on_real_estate_expires_three_years_on_and_blocks_the_asset()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure(document: "(2021)渝0116执200号"));

        Assert.Equal("2024-05-10", (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("expiresOn").GetString());
        var asset = await api.AssetAsync(api.AssetId);
        Assert.Equal("Seized", asset.GetProperty("state").GetString());
        Assert.Contains(asset.GetProperty("blockedBy").EnumerateArray(), b => b.GetProperty("kind").GetString() == "first-seizure" && b.GetProperty("reference").GetString() == "(2021)渝0116执200号");

        // A second first seizure must be queued; recorded as queued it ranks behind.
        var second = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure("国家税务总局重庆市江津区税务局", "渝江税封〔2021〕9号"));
        Assert.Equal("seizure.first-taken", (await second.ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await (await (await api.AsClerk()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure("国家税务总局重庆市江津区税务局", "渝江税封〔2021〕9号", "Queued"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Contains((await api.AssetAsync(api.AssetId)).GetProperty("blockedBy").EnumerateArray(), b => b.GetProperty("kind").GetString() == "queued-seizure");
    }

    [Fact]
    public async Task A_vehicle_seizure_expires_after_two_years()
    {
        var vehicle = await api.RegisterVehicleAsync(api.CaseId);

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{vehicle}/seizures", Samples.Seizure(document: "(2021)渝0116执201号"));

        Assert.Equal("2023-05-10", (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task A_seizure_needs_its_body_document_and_date()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", new { rank = "First" });

        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("seizingBody", out _) && errors.TryGetProperty("documentNumber", out _) && errors.TryGetProperty("seizedOn", out _));
    }

    [Fact]
    public async Task An_unknown_asset_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsClerk()).PostJsonAsync("/api/assets/no-such-asset/seizures", Samples.Seizure())).StatusCode);

    [Fact]
    public async Task The_judge_may_not_record_seizures() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsJudge()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure(document: "(2021)渝0116执202号"))).StatusCode);
}
