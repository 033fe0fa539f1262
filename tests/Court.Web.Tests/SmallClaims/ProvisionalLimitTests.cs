using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.SmallClaims;

/// <summary>
/// A court on Monday 7 December 2026 with no State Council notice for 2027 loaded (workflows/calendars ends at 2026):
/// a small-claims case filed today has its two-month limit in 2027 (decision 0091).
/// </summary>
public sealed class CourtInDecember2026WithoutNextYearsNotice : FeesApi
{
    protected override async Task SeedAsync()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        using var admin = await As("sysadmin");
        var response = await admin.PostAsync("/api/small-claims/thresholds/CQ/2023-06-01/confirmation", System.Net.Http.Json.JsonContent.Create(new { notice = "渝高法〔2023〕1号（示例）" }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class ProvisionalLimitTests(CourtInDecember2026WithoutNextYearsNotice api) : IClassFixture<CourtInDecember2026WithoutNextYearsNotice>
{
    private static object Case(int serial) => new
    {
        caseNumber = $"(2026)渝0116民初{serial}号",
        plaintiff = "重庆某某商贸有限公司",
        defendant = "张某",
        judgeId = "judge",
        claim = 30_000m,
        caseType = "monetary",
        partiesAgreed = false,
    };

    [Fact]
    public async Task A_limit_that_ends_in_Spring_Festival_2027_skips_it_and_is_flagged_provisional()
    {
        var clerk = await api.As("clerk");
        var filed = await clerk.PostJsonAsync("/api/small-claims/cases", Case(7001));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.ReadJsonAsync()).GetProperty("id").GetString();

        // Two months from 7 Dec 2026 end on Sunday 7 Feb 2027, day 2 of Spring Festival (eve 5 Feb – 8 Feb, with the
        // weekend made up on 9–10 Feb): the limit is Thursday 11 Feb, and no notice for 2027 is loaded yet.
        var detail = await (await clerk.GetAsync($"/api/small-claims/cases/{id}")).ReadJsonAsync();
        Assert.Equal(("2027-02-11", true), (detail.GetProperty("limitOn").GetString(), detail.GetProperty("limitOnProvisional").GetBoolean()));
        var notice = detail.GetProperty("notices")[0];
        Assert.False(notice.GetProperty("dueOnProvisional").GetBoolean(), "the fee notice falls due in December 2026, which the 2026 notice covers");

        var docket = await (await clerk.GetAsync("/api/small-claims/docket")).ReadJsonAsync();
        var entry = docket.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.True(entry.GetProperty("limitOnProvisional").GetBoolean());
    }

    [Theory]
    [InlineData("zh-CN", "2027年2月11日", "暂定")]
    [InlineData("en", "11 February 2027", "provisional")]
    public async Task The_case_page_marks_a_provisional_limit(string culture, string limit, string mark)
    {
        var clerk = await api.As("clerk");
        var id = (await (await clerk.PostJsonAsync("/api/small-claims/cases", Case(7002))).ReadJsonAsync()).GetProperty("id").GetString();
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, "clerk");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/SmallClaims/Case/{id}?culture={culture}&ui-culture={culture}", UriKind.Relative)));

        var row = page.Split("<tr", StringSplitOptions.None).Single(r => r.Contains("data-testid=\"limit\"", StringComparison.Ordinal));
        Assert.Contains(limit, row, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"provisional\"", row, StringComparison.Ordinal);
        Assert.Contains(">" + mark + "<", row, StringComparison.Ordinal);
    }
}
