using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.Fees;

/// <summary>GET /api/fees/quote.</summary>
[Collection(FeesCollection.Name)]
public sealed class QuoteFeeTests(FeesApi api)
{
    private async Task<HttpResponseMessage> Quote(string query, string user = "clerk") => await (await api.As(user)).GetAsync("/api/fees/quote?" + query);

    [Fact]
    public async Task A_property_quote_gives_the_fee_with_two_decimals_the_bands_and_the_schedule_version()
    {
        var response = await Quote("kind=property&amount=123456.78&procedure=ordinary&filedOn=2022-06-01");

        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"fee\":2769.14", raw, StringComparison.Ordinal);
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(("cn-fee-measures-2007", 1), (body.GetProperty("schedule").GetProperty("id").GetString(), body.GetProperty("schedule").GetProperty("version").GetInt32()));
        var bands = body.GetProperty("breakdown").EnumerateArray().Select(b => (b.GetProperty("from").GetDecimal(), b.GetProperty("fee").GetDecimal())).ToList();
        Assert.Equal([(0m, 50m), (10_000m, 2_250m), (100_000m, 469.14m)], bands);
        Assert.Equal(2m, body.GetProperty("breakdown")[2].GetProperty("ratePercent").GetDecimal());
    }

    [Theory]
    [InlineData("100000", "ordinary", "2300.00")]
    [InlineData("1000000", "ordinary", "13800.00")]
    [InlineData("20000000", "ordinary", "141800.00")]
    [InlineData("100000", "simple", "1150.00")]
    [InlineData("100000", "small-claims", "1150.00")]
    [InlineData("10000.40", "simple", "25.01")]
    public async Task The_check_values_and_the_halvings(string amount, string procedure, string fee)
    {
        var raw = await (await Quote($"kind=property&amount={amount}&procedure={procedure}&filedOn=2022-06-01")).Content.ReadAsStringAsync();

        Assert.Contains($"\"fee\":{fee},", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_claims_quote_names_the_reduction()
    {
        var body = await (await Quote("kind=property&amount=100000&procedure=small-claims&filedOn=2022-06-01")).ReadJsonAsync();

        Assert.Equal(("small-claims-procedure", "1/2"), (body.GetProperty("reduction").GetProperty("reason").GetString(), body.GetProperty("reduction").GetProperty("factor").GetString()));
        Assert.Equal(2300m, body.GetProperty("grossFee").GetDecimal());
    }

    [Fact]
    public async Task Preservation_is_capped_and_says_so()
    {
        var body = await (await Quote("kind=preservation&amount=2000000&filedOn=2022-06-01")).ReadJsonAsync();

        Assert.Equal((5000m, true), (body.GetProperty("fee").GetDecimal(), body.GetProperty("capped").GetBoolean()));
    }

    [Fact]
    public async Task Without_a_date_the_quote_is_for_today_in_china()
    {
        var body = await (await Quote("kind=labour")).ReadJsonAsync();

        Assert.Equal(("2022-04-23", 10m), (body.GetProperty("filedOn").GetString(), body.GetProperty("fee").GetDecimal()));
    }

    [Theory]
    [InlineData("kind=property&amount=-1", "amount", "negative")]
    [InlineData("kind=property&amount=abc", "amount", "not an amount")]
    [InlineData("kind=property&amount=1e5", "amount", "not an amount")]
    [InlineData("kind=property&amount=1000000000000.01", "amount", "10^12")]
    [InlineData("kind=property&amount=99999999999999999999999999999999", "amount", "10^12")]
    [InlineData("kind=property&amount=1.234", "amount", "two decimals")]
    [InlineData("kind=house&amount=1", "kind", "property")]
    [InlineData("kind=property&amount=1&procedure=fast", "procedure", "small-claims")]
    [InlineData("kind=property&amount=1&filedOn=2022-13-01", "filedOn", "yyyy-MM-dd")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string query, string field, string message)
    {
        var response = await Quote(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_property_quote_without_an_amount_is_a_400()
    {
        var response = await Quote("kind=property&filedOn=2022-06-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("fees.amount-required", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_date_before_the_fee_measures_has_no_schedule()
    {
        var response = await Quote("kind=property&amount=100&filedOn=2007-03-31");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/fees/quote?kind=property&amount=1")).StatusCode);

    [Fact]
    public async Task Agency_officers_may_not_ask() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await Quote("kind=property&amount=1", "bank")).StatusCode);
}
