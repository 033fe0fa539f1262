using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.SmallClaims;

/// <summary>POST /api/small-claims/thresholds/{province}/{effectiveFrom}/confirmation and POST /api/small-claims/thresholds.</summary>
[Collection(FeesCollection.Name)]
public sealed class ConfirmThresholdTests(FeesApi api)
{
    [Fact]
    public async Task The_system_administrator_confirms_a_shipped_period_with_the_notice()
    {
        var response = await (await api.As("sysadmin")).PostJsonAsync("/api/small-claims/thresholds/CQ/2023-06-01/confirmation", new { notice = "渝高法〔2023〕88号" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var period = (await response.ReadJsonAsync()).GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("effectiveFrom").GetString() == "2023-06-01");
        Assert.Equal((true, "渝高法〔2023〕88号"), (period.GetProperty("confirmed").GetBoolean(), period.GetProperty("notice").GetString()));
    }

    [Fact]
    public async Task Confirming_a_date_with_no_period_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("sysadmin")).PostJsonAsync("/api/small-claims/thresholds/CQ/2023-06-02/confirmation", new { notice = "n" })).StatusCode);

    [Fact]
    public async Task A_clerk_may_not_confirm() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync("/api/small-claims/thresholds/CQ/2022-07-01/confirmation", new { notice = "n" })).StatusCode);

    [Fact]
    public async Task A_published_period_for_another_province_decides_its_eligibility()
    {
        var published = await (await api.As("sysadmin")).PostJsonAsync("/api/small-claims/thresholds", new
        {
            province = "JS",
            effectiveFrom = "2024-01-06",
            wageYear = 2022,
            annualWage = 121724,
            wageSeries = "urban-non-private",
            notice = "苏高法电〔2024〕9号",
        });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var body = await (await (await api.As("clerk")).GetAsync("/api/small-claims/eligibility?province=JS&amount=60862&filedOn=2024-01-06")).ReadJsonAsync();

        Assert.Equal(("mandatory", true), (body.GetProperty("outcome").GetString(), body.GetProperty("threshold").GetProperty("confirmed").GetBoolean()));
    }
}
