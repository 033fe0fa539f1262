using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Host;

/// <summary>
/// Requests the endpoint cannot read, and rules the domain refuses, answer problem details that name the field and
/// say what was expected, in the caller's language, without the server's type names.
/// </summary>
public sealed class ErrorShapeTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    private string Assets => $"/api/bankruptcy-cases/{api.CaseId}/assets";

    [Fact]
    public async Task Malformed_json_is_a_400_saying_where_it_broke()
    {
        var response = await SendAsync(HttpMethod.Post, Assets, "{\"kind\": \"Building\", ");

        var errors = await ErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", Assert.Single(errors).Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_enum_value_names_the_field_and_the_values_it_takes()
    {
        var response = await SendAsync(HttpMethod.Post, Assets, """{"kind":"Spaceship","description":"x","holdingAgency":"nrb-jiangjin","estimatedValueFen":1}""", language: "en");

        var message = Assert.Single((await ErrorsAsync(response, HttpStatusCode.BadRequest))["kind"]);
        Assert.Contains("one of", message, StringComparison.Ordinal);
        Assert.Contains("Building", message, StringComparison.Ordinal);
        Assert.Contains("Vehicle", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "整数")]
    [InlineData("en", "an integer")]
    public async Task A_wrong_type_names_the_field_and_the_type_expected_in_the_callers_language(string language, string expected)
    {
        var response = await SendAsync(HttpMethod.Post, Assets, """{"kind":"Other","description":"x","holdingAgency":"nrb-jiangjin","estimatedValueFen":"lots"}""", language: language);

        Assert.Contains(expected, Assert.Single((await ErrorsAsync(response, HttpStatusCode.BadRequest))["estimatedValueFen"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_date_in_the_body_or_the_query_names_the_field()
    {
        var seizure = JsonSerializer.SerializeToNode(Samples.Seizure(document: "(2021)渝0116执556号"), BankruptcyApi.Json)!.AsObject();
        seizure["seizedOn"] = "2021-02-30";
        var body = await SendAsync(HttpMethod.Post, $"/api/assets/{api.AssetId}/seizures", seizure.ToJsonString());
        Assert.Contains("yyyy-MM-dd", Assert.Single((await ErrorsAsync(body, HttpStatusCode.BadRequest))["seizedOn"]), StringComparison.Ordinal);

        var query = await (await api.AsClerk()).GetAsync("/api/fees/schedules?on=2022-02-30");
        Assert.Contains("yyyy-MM-dd", Assert.Single((await ErrorsAsync(query, HttpStatusCode.BadRequest))["on"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_in_the_wrong_content_type_is_415_not_404()
    {
        var response = await SendAsync(HttpMethod.Post, Assets, "kind=Other", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_path_that_takes_another_method_is_405_with_allow()
    {
        var response = await (await api.AsClerk()).DeleteAsync($"/api/assets/{api.AssetId}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_401_says_how_to_authenticate()
    {
        var anonymous = await api.Anonymous().GetAsync($"/api/bankruptcy-cases/{api.CaseId}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", Assert.Single(anonymous.Headers.WwwAuthenticate).Scheme);

        var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var badToken = await client.GetAsync($"/api/bankruptcy-cases/{api.CaseId}");
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Contains("invalid_token", Assert.Single(badToken.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_413_has_one_body_whether_or_not_an_idempotency_key_was_sent()
    {
        var huge = $$"""{"kind":"Other","description":"{{new string('厂', 300 * 1024)}}","holdingAgency":"nrb-jiangjin","estimatedValueFen":1}""";

        var plain = await SendAsync(HttpMethod.Post, Assets, huge);
        var keyed = await SendAsync(HttpMethod.Post, Assets, huge, idempotencyKey: "big-" + Guid.NewGuid());

        var (a, b) = (await ProblemAsync(plain, HttpStatusCode.RequestEntityTooLarge), await ProblemAsync(keyed, HttpStatusCode.RequestEntityTooLarge));
        foreach (var member in new[] { "status", "title", "detail", "type" })
        {
            Assert.Equal(a.GetProperty(member).ToString(), b.GetProperty(member).ToString());
        }
    }

    [Fact]
    public async Task A_domain_rule_names_its_field_and_not_the_servers_types()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync(Assets, new { kind = "Vehicle", description = "货车", holdingAgency = "nrb-jiangjin", estimatedValueFen = 1, plate = "渝A54321", vin = "LSVAM4187C2184847" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("holdingAgency", problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("holdingAgency", out _));
        Assert.Contains("psb-vehicles-jiangjin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VehicleOffice", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_by_role_does_not_name_the_servers_message_type()
    {
        var response = await (await api.AsBureau()).GetAsync("/api/small-claims/docket");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("GetSmallClaimsDocket", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Court.", text, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string contentType = "application/json", string? language = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await (await api.AsAdministrator()).SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Court.", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await ProblemAsync(response, status)).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
}
