using System.Net;
using System.Net.Http.Json;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/bankruptcy-cases on an empty court.</summary>
public sealed class OpenBankruptcyCaseTests(EmptyCourt api) : IClassFixture<EmptyCourt>
{
    [Fact]
    public async Task A_clerk_registers_a_case_and_gets_its_canonical_number_location_and_etag()
    {
        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("（2022）渝0116破101号"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("(2022)渝0116破101号", body.GetProperty("caseNumber").GetString());
        Assert.Equal($"/api/bankruptcy-cases/{body.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Registering_the_same_case_again_in_another_bracket_style_answers_200_with_the_same_id()
    {
        var first = await (await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破102号"))).ReadJsonAsync();

        var again = await (await api.AsJudge()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("〔2022〕渝0116破102号"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.ReadJsonAsync();
        Assert.Equal(first.GetProperty("id").GetString(), body.GetProperty("id").GetString());
        Assert.False(body.GetProperty("created").GetBoolean());
        Assert.Equal(0, body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Registering_the_same_case_number_with_another_debtor_is_a_409()
    {
        await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破103号"));

        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破103号", debtor: "另一家公司"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("estate.already-opened", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("(2022)渝0116破104号", "91500116MA5U5X7A8C", "debtorCreditCode", "should be 'B'")]
    [InlineData("(2022)渝0116破104号", "91500116MA5U5X7A8", "debtorCreditCode", "has 17")]
    [InlineData("(2022)渝0116破104号", "91500116MA5U5X7AOB", "debtorCreditCode", "Character 17")]
    [InlineData("(2022)渝0117破104号", "91500116MA5U5X7A8B", "caseNumber", "court code '渝0117'")]
    [InlineData("(2022)渝0116破产104号", "91500116MA5U5X7A8B", "caseNumber", "case type '破产'")]
    [InlineData("2022渝0116破104号", "91500116MA5U5X7A8B", "caseNumber", "year in brackets")]
    [InlineData("(2022)渝0116破104", "91500116MA5U5X7A8B", "caseNumber", "end with 号")]
    public async Task Bad_identifiers_are_400_naming_the_field_and_the_fault(string caseNumber, string creditCode, string field, string fault)
    {
        // Asked in English: the identifiers' refusals are worded in the caller's language (zh-CN by default).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bankruptcy-cases") { Content = JsonContent.Create(Samples.OpenCase(caseNumber, creditCode), options: BankruptcyApi.Json) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await (await api.AsClerk()).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field);
        Assert.Contains(fault, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enforcement_case_number_cannot_open_an_estate()
    {
        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116执105号"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("estate.case-type", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_administrator_may_not_register_a_case()
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破106号"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_caller_is_told_to_sign_in()
    {
        var response = await api.Anonymous().PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破107号"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_clerk_of_the_district_court_cannot_register_a_case_of_the_intermediate_court()
    {
        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝05破108号"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("court.not-callers-court", problem.GetProperty("code").GetString());
        Assert.Equal("caseNumber", problem.GetProperty("field").GetString());
        Assert.Contains("不是您所在的法院", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_identical_concurrent_registrations_create_the_case_once_and_answer_the_rest_200()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.AsClerk()));

        var responses = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破109号"))));

        var bodies = await Task.WhenAll(responses.Select(async r => ((int)r.StatusCode, (await r.ReadJsonAsync()))));
        Assert.All(bodies, b => Assert.True(b.Item1 is 200 or 201, b.Item2.ToString()));
        Assert.Single(bodies, b => b.Item2.GetProperty("created").GetBoolean());
        Assert.Single(bodies, b => b.Item1 == 201);
        Assert.Single(bodies.Select(b => b.Item2.GetProperty("id").GetString()).Distinct());
    }
}
