using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.Fees;

/// <summary>POST /api/fees/schedules and GET /api/fees/schedules.</summary>
[Collection(FeesCollection.Name)]
public sealed class PublishFeeScheduleTests(FeesApi api)
{
    private static object LocalSmallClaims(string id, string effectiveFrom, int quarterDenominator = 4) => new
    {
        id,
        effectiveFrom,
        titleZh = "江津区人民法院小额诉讼案件受理费标准",
        titleEn = "Jiangjin small-claims fees",
        courtCode = "渝0116",
        procedure = "SmallClaims",
        scales = new[]
        {
            new
            {
                kind = "Property",
                category = "Acceptance",
                bands = new object[]
                {
                    new { upToFen = 1_000_000, fixedFen = 5_000 },
                    new { upToFen = 10_000_000, rate = 0.025m },
                    new { upToFen = (long?)null, rate = 0.02m },
                },
            },
        },
        reductions = new[] { new { reason = "SmallClaimsProcedure", factor = new { numerator = 1, denominator = quarterDenominator } } },
        note = "审委会决定",
    };

    [Fact]
    public async Task A_court_schedule_published_for_a_future_date_charges_small_claims_only_from_that_date()
    {
        var admin = await api.As("sysadmin");
        var response = await admin.PostJsonAsync("/api/fees/schedules", LocalSmallClaims("jiangjin-small-claims-a", "2030-01-01"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var published = await response.ReadJsonAsync();
        Assert.Equal(1, published.GetProperty("version").GetInt32());

        var clerk = await api.As("clerk");
        var before = await (await clerk.GetAsync("/api/fees/quote?kind=property&amount=100000&procedure=small-claims&filedOn=2029-12-31")).ReadJsonAsync();
        var after = await (await clerk.GetAsync("/api/fees/quote?kind=property&amount=100000&procedure=small-claims&filedOn=2030-01-01")).ReadJsonAsync();
        var simple = await (await clerk.GetAsync("/api/fees/quote?kind=property&amount=100000&procedure=simple&filedOn=2030-01-01")).ReadJsonAsync();

        Assert.Equal(("cn-fee-measures-2007", 1150m), (before.GetProperty("schedule").GetProperty("id").GetString(), before.GetProperty("fee").GetDecimal()));
        Assert.Equal(("jiangjin-small-claims-a", 575m), (after.GetProperty("schedule").GetProperty("id").GetString(), after.GetProperty("fee").GetDecimal()));
        Assert.Equal(1150m, simple.GetProperty("fee").GetDecimal());
    }

    [Fact]
    public async Task Publishing_again_makes_a_new_version_and_the_history_keeps_both()
    {
        var admin = await api.As("sysadmin");
        await admin.PostJsonAsync("/api/fees/schedules", LocalSmallClaims("jiangjin-small-claims-b", "2031-01-01"));
        var second = await (await admin.PostJsonAsync("/api/fees/schedules", LocalSmallClaims("jiangjin-small-claims-b", "2032-01-01", 5))).ReadJsonAsync();
        var same = await admin.PostJsonAsync("/api/fees/schedules", LocalSmallClaims("jiangjin-small-claims-b", "2032-01-01", 5));

        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.False((await same.ReadJsonAsync()).GetProperty("published").GetBoolean());

        var list = await (await (await api.As("clerk")).GetAsync("/api/fees/schedules?on=2031-06-01")).ReadJsonAsync();
        var versions = list.GetProperty("versions").EnumerateArray()
            .Where(v => v.GetProperty("schedule").GetProperty("id").GetString() == "jiangjin-small-claims-b")
            .Select(v => (v.GetProperty("schedule").GetProperty("version").GetInt32(), v.GetProperty("inForce").GetBoolean(), v.GetProperty("publishedBy").GetString()))
            .ToList();
        Assert.Equal([(2, false, "sysadmin"), (1, true, "sysadmin")], versions);
    }

    [Fact]
    public async Task A_schedule_cannot_take_effect_before_today()
    {
        var response = await (await api.As("sysadmin")).PostJsonAsync("/api/fees/schedules", LocalSmallClaims("jiangjin-small-claims-c", "2022-04-22"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("fees.effective-date-past", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_schedule_with_a_bad_band_is_a_400()
    {
        var response = await (await api.As("sysadmin")).PostJsonAsync("/api/fees/schedules", new
        {
            id = "bad-schedule",
            effectiveFrom = "2030-01-01",
            titleZh = "坏",
            titleEn = "Bad",
            scales = new[] { new { kind = "Property", category = "Acceptance", bands = new[] { new { upToFen = 100, rate = 2m } } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rate outside", (await response.ReadJsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_system_administrator_publishes() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync("/api/fees/schedules", LocalSmallClaims("jiangjin-small-claims-d", "2030-01-01"))).StatusCode);
}
