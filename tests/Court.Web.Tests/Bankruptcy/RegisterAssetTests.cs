using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/bankruptcy-cases/{id}/assets on an opened case.</summary>
public sealed class RegisterAssetTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    [Fact]
    public async Task The_administrator_lists_a_building_with_its_identifiers_in_canonical_form()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019001", "办公楼"));

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var assetId = created.GetProperty("assetId").GetString();
        Assert.Equal($"/api/assets/{assetId}", response.Headers.Location?.ToString());
        var asset = await api.AssetAsync(assetId!);
        Assert.Equal("渝(2019)江津区不动产权第0001234号", asset.GetProperty("identifiers").GetProperty("certificateNumber").GetString());
        Assert.Equal("Free", asset.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_vehicle_is_listed_with_plate_and_vin()
    {
        var created = await (await (await api.AsClerk()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Vehicle)).ReadJsonAsync(HttpStatusCode.Created);

        var asset = await api.AssetAsync(created.GetProperty("assetId").GetString()!);
        Assert.Equal(("渝A12345", "psb-vehicles-jiangjin"), (asset.GetProperty("identifiers").GetProperty("plate").GetString(), asset.GetProperty("holdingAgency").GetString()));
    }

    [Fact]
    public async Task Listing_the_same_building_again_answers_with_the_asset_already_listed()
    {
        var admin = await api.AsAdministrator();
        var first = await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019002", "食堂"))).ReadJsonAsync(HttpStatusCode.Created);

        var again = await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019002", "食堂"))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("assetId").GetString(), again.GetProperty("assetId").GetString());
        Assert.Equal(first.GetProperty("version").GetInt64(), again.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_same_unit_code_with_other_details_is_a_409()
    {
        var admin = await api.AsAdministrator();
        await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019003", "车间"))).ReadJsonAsync(HttpStatusCode.Created);

        var response = await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019003", "另一个车间"));

        Assert.Equal("asset.already-registered", (await response.ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_building_cannot_be_held_by_the_vehicle_office()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Samples.Building("500116001001GB00001F00019004"))!.AsObject();
        body["holdingAgency"] = "psb-vehicles-jiangjin";

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", body);

        Assert.Equal("asset.holding-agency", (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("unitCode", "50011600100", "unitCode")]
    [InlineData("certificateNumber", "渝(2019)江津区房产证第1号", "certificateNumber")]
    [InlineData("location", "", "location")]
    public async Task Bad_real_estate_identifiers_are_400_naming_the_field(string field, string value, string error)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Samples.Building("500116001001GB00001F00019005"))!.AsObject();
        body[field] = value;

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", body);

        Assert.True((await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(error, out _));
    }

    [Fact]
    public async Task A_vin_that_fails_its_check_digit_is_a_400()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Samples.Vehicle)!.AsObject();
        body["vin"] = "LSVAM4187C2184848";

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", body);

        Assert.Contains("9th character", (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("vin")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019006"), ifMatch: "\"0\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task An_administrator_not_appointed_to_the_case_gets_404()
    {
        var response = await (await api.As(BankruptcyApi.OtherAdministrator)).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building("500116001001GB00001F00019007"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
