using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>GET /api/bankruptcy-cases answers a page read on the server: a limit, a cursor, a search, and refusals naming the parameter.</summary>
public sealed class ListBankruptcyCasesTests(EmptyCourt api) : IClassFixture<EmptyCourt>
{
    [Fact]
    public async Task The_cases_come_a_page_at_a_time_last_changed_first_and_next_leads_to_the_rest()
    {
        var opened = new List<string>();
        for (var serial = 201; serial <= 205; serial++)
        {
            opened.Add(await api.OpenCaseAsync($"(2022)渝0116破{serial}号"));
            api.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var clerk = await api.AsClerk();
        var first = await clerk.GetJsonAsync("/api/bankruptcy-cases?limit=2");
        var second = await clerk.GetJsonAsync("/api/bankruptcy-cases?limit=2&after=" + Uri.EscapeDataString(first.GetProperty("next").GetString()!));

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(((IEnumerable<string>)opened).Reverse().Take(4), seen);
        var all = (await clerk.GetItemsAsync("/api/bankruptcy-cases")).Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Superset(new HashSet<string?>(opened), new HashSet<string?>(all));
    }

    [Fact]
    public async Task A_search_finds_a_case_by_its_debtor()
    {
        await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破301号", debtor: "重庆江津搜索测试机械有限公司"));

        var found = await (await api.AsJudge()).GetJsonAsync("/api/bankruptcy-cases?q=" + Uri.EscapeDataString("搜索测试机械"));

        Assert.Equal(["(2022)渝0116破301号"], found.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()));
        Assert.False(found.GetProperty("hasMore").GetBoolean());
    }

    [Theory]
    [InlineData("limit=0", "zh", "limit", "每页条数须在 1 至 200 之间")]
    [InlineData("limit=201", "en", "limit", "limit must be between 1 and 200")]
    [InlineData("after=bm90LWEtY3Vyc29y", "zh", "after", "翻页标记无效")]
    [InlineData("after=bm90LWEtY3Vyc29y", "en", "after", "after is not a cursor of this list")]
    [InlineData("sort=debtor", "en", "sort", "use one of changed, number, accepted")]
    public async Task A_bad_page_is_a_400_naming_the_parameter_in_the_callers_language(string query, string language, string field, string message)
    {
        var clerk = await api.AsClerk();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/bankruptcy-cases?" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_of_the_default_order_is_refused_for_another_sort()
    {
        await api.OpenCaseAsync("(2022)渝0116破401号");
        await api.OpenCaseAsync("(2022)渝0116破402号");
        var clerk = await api.AsClerk();
        var next = (await clerk.GetJsonAsync("/api/bankruptcy-cases?limit=1")).GetProperty("next").GetString()!;

        var response = await clerk.GetAsync("/api/bankruptcy-cases?limit=1&sort=number&after=" + Uri.EscapeDataString(next));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("after", out _));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/bankruptcy-cases?limit=1&sort=-changed&after=" + Uri.EscapeDataString(next))).StatusCode);
    }

    [Fact]
    public async Task The_cases_page_searches_on_the_server_and_says_in_chinese_when_a_cursor_is_bad()
    {
        await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破501号", debtor: "重庆页面检索五金有限公司"));
        await api.OpenCaseAsync("(2022)渝0116破502号");
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSignIn.PostLoginAsync(browser, "clerk")).StatusCode);

        var found = await browser.GetStringAsync(new Uri("/Bankruptcy?q=" + Uri.EscapeDataString("页面检索五金"), UriKind.Relative));
        var refused = await browser.GetStringAsync(new Uri("/Bankruptcy?after=bm90LWEtY3Vyc29y", UriKind.Relative));

        Assert.Contains("(2022)渝0116破501号", found, StringComparison.Ordinal);
        Assert.DoesNotContain("(2022)渝0116破502号", found, StringComparison.Ordinal);
        Assert.Contains("翻页标记无效", refused, StringComparison.Ordinal);
    }
}
