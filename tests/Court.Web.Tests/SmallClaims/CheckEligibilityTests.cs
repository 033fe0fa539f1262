using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.SmallClaims;

/// <summary>GET /api/small-claims/eligibility on the shipped (unconfirmed) Chongqing example.</summary>
[Collection(FeesCollection.Name)]
public sealed class CheckEligibilityTests(FeesApi api)
{
    private async Task<HttpResponseMessage> Check(string query) => await (await api.As("clerk")).GetAsync("/api/small-claims/eligibility?" + query);

    [Theory]
    [InlineData("46908", "false", "mandatory", "within-mandatory-limit")]
    [InlineData("46908.01", "false", "not-allowed", "parties-have-not-agreed")]
    [InlineData("46908.01", "true", "allowed-by-agreement", "within-agreement-limit")]
    [InlineData("187632", "true", "allowed-by-agreement", "within-agreement-limit")]
    [InlineData("187632.01", "true", "not-allowed", "above-agreement-limit")]
    public async Task At_and_around_the_2022_thresholds(string amount, string agreed, string outcome, string reason)
    {
        var body = await (await Check($"province=CQ&amount={amount}&filedOn=2022-06-01&caseType=monetary&partiesAgreed={agreed}")).ReadJsonAsync();

        Assert.Equal((outcome, reason), (body.GetProperty("outcome").GetString(), body.GetProperty("reason").GetString()));
        var threshold = body.GetProperty("threshold");
        Assert.Equal((2020, 93816m, "urban-non-private", 46908m, 187632m, false),
            (threshold.GetProperty("wageYear").GetInt32(), threshold.GetProperty("annualWage").GetDecimal(), threshold.GetProperty("wageSeries").GetString(),
             threshold.GetProperty("mandatoryLimit").GetDecimal(), threshold.GetProperty("agreementLimit").GetDecimal(), threshold.GetProperty("confirmed").GetBoolean()));
    }

    [Fact]
    public async Task From_july_2022_the_2021_wage_applies()
    {
        var body = await (await Check("province=CQ&amount=50835&filedOn=2022-07-01&partiesAgreed=false")).ReadJsonAsync();

        Assert.Equal(("mandatory", 2021), (body.GetProperty("outcome").GetString(), body.GetProperty("threshold").GetProperty("wageYear").GetInt32()));
    }

    [Fact]
    public async Task An_excluded_type_is_refused_with_its_rule()
    {
        var body = await (await Check("province=CQ&amount=1000&filedOn=2022-06-01&caseType=whereabouts-unknown&partiesAgreed=true")).ReadJsonAsync();

        Assert.Equal(("not-allowed", "excluded-case-type"), (body.GetProperty("outcome").GetString(), body.GetProperty("reason").GetString()));
        Assert.Equal("CPL Art. 166(4)", body.GetProperty("exclusion").GetProperty("article").GetString());
        Assert.Contains("下落不明", body.GetProperty("exclusion").GetProperty("ruleZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_without_thresholds_is_not_allowed_for_want_of_one()
    {
        var body = await (await Check("province=XZ&amount=1000&filedOn=2022-06-01")).ReadJsonAsync();

        Assert.Equal(("not-allowed", "no-threshold-in-force"), (body.GetProperty("outcome").GetString(), body.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("province=CQ&amount=-5", "amount")]
    [InlineData("province=CQ&amount=ten", "amount")]
    [InlineData("province=CQ&amount=1000000000001", "amount")]
    [InlineData("province=CQ&amount=5&caseType=divorce", "caseType")]
    [InlineData("province=CQ&amount=5&partiesAgreed=yes", "partiesAgreed")]
    [InlineData("province=Chongqing&amount=5", "province")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        var response = await Check(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
