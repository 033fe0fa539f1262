using System.Net;
using System.Text;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>Hostile input is refused with problem details and stores nothing; markup is stored as text and never becomes code.</summary>
public sealed class HostileInputTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    [Theory]
    [InlineData("(2022)渝0116破601号", "91500116MA5U5X7A8C")]
    [InlineData("(2022)渝0116破601号", "<script>alert(1)</script>")]
    [InlineData("(2022)渝0116破'; DROP TABLE events;--号", "91500116MA5U5X7A8B")]
    [InlineData("<img src=x onerror=alert(1)>", "91500116MA5U5X7A8B")]
    public async Task A_bad_credit_code_or_case_number_is_a_problem_and_stores_nothing(string caseNumber, string creditCode)
    {
        var before = await api.CountEventsAsync();

        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase(caseNumber, creditCode));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_10_MB_body_is_a_problem_and_stores_nothing()
    {
        var before = await api.CountEventsAsync();
        var huge = new string('厂', 10 * 1024 * 1024 / 3);
        using var content = new StringContent($$"""{"kind":"Other","description":"{{huge}}","holdingAgency":"nrb-jiangjin","estimatedValueFen":1}""", Encoding.UTF8, "application/json");

        var response = await (await api.AsAdministrator()).PostAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var content = new StringContent("{\"kind\": \"Building\", ", Encoding.UTF8, "application/json");

        var response = await (await api.AsAdministrator()).PostAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_script_in_a_description_is_kept_as_typed_and_served_only_as_json()
    {
        const string script = "<script>alert('x')</script>仓库";
        var created = await (await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new { kind = "Other", description = script, holdingAgency = "nrb-jiangjin", estimatedValueFen = 100 })).ReadJsonAsync(HttpStatusCode.Created);

        var response = await (await api.AsAdministrator()).GetAsync($"/api/assets/{created.GetProperty("assetId").GetString()}");

        // JSON is data, not a page: the API returns the text as typed, and every page that shows it encodes it (see the browser test).
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(script, (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("asset").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Control_characters_in_free_text_are_refused()
    {
        var before = await api.CountEventsAsync();

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new { kind = "Other", description = "a\u0000b", holdingAgency = "nrb-jiangjin", estimatedValueFen = 100 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_malformed_if_match_is_a_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Vehicle, ifMatch: "\"abc\"")).StatusCode);
}
