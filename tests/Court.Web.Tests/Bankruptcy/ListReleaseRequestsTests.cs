using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>GET /api/release-requests answers a page read on the server: the queue's order, the administrator's estates as partitions, and refusals naming the parameter.</summary>
public sealed class ListReleaseRequestsTests(EmptyCourt api) : IClassFixture<EmptyCourt>
{
    [Fact]
    public async Task Every_request_comes_once_across_pages_open_first_then_by_deadline_then_by_filing()
    {
        var caseId = await api.OpenCaseAsync("(2022)渝0116破601号");
        var filed = new List<string>();
        foreach (var stage in new[] { "Requested", "Approved", "Requested", "Ruled" })
        {
            filed.Add((await api.NewRequestAsync(caseId, stage)).RequestId);
            api.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var judge = await api.AsJudge();
        var pages = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await judge.GetJsonAsync("/api/release-requests?all=true&limit=2" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            Assert.Equal(page.GetProperty("hasMore").GetBoolean(), page.GetProperty("next").ValueKind == JsonValueKind.String);
            pages.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        var ids = pages.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Superset(new HashSet<string?>(filed), new HashSet<string?>(ids));
        var expected = pages
            .OrderBy(r => r.GetProperty("isFinal").GetBoolean())
            .ThenBy(r => r.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? DateTimeOffset.MaxValue : r.GetProperty("dueAt").GetDateTimeOffset())
            .ThenBy(r => r.GetProperty("requestedAt").GetDateTimeOffset())
            .Select(r => r.GetProperty("id").GetString());
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task The_judges_queue_holds_only_what_waits_for_a_judge_and_all_holds_the_rest()
    {
        var caseId = await api.OpenCaseAsync("(2022)渝0116破602号");
        var waiting = (await api.NewRequestAsync(caseId)).RequestId;
        var approved = (await api.NewRequestAsync(caseId, "Approved")).RequestId;
        var judge = await api.AsJudge();

        var queue = (await judge.GetItemsAsync("/api/release-requests")).Select(r => r.GetProperty("id").GetString()).ToList();
        var all = (await judge.GetItemsAsync("/api/release-requests?all=true")).Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.Contains(waiting, queue);
        Assert.DoesNotContain(approved, queue);
        Assert.Contains(approved, all);
        Assert.Contains(waiting, all);
    }

    [Fact]
    public async Task An_administrator_reads_the_requests_of_all_her_estates_and_none_of_another_administrators()
    {
        var first = await api.OpenCaseAsync("(2022)渝0116破603号");
        var second = await api.OpenCaseAsync("(2022)渝0116破604号");
        var mine = new[] { (await api.NewRequestAsync(first)).RequestId, (await api.NewRequestAsync(second)).RequestId };
        await api.OpenCaseAsync("(2022)渝0116破605号", administrator: BankruptcyApi.OtherAdministrator);

        var hers = (await (await api.AsAdministrator()).GetItemsAsync("/api/release-requests")).Select(r => r.GetProperty("id").GetString()).ToList();
        var his = (await (await api.As(BankruptcyApi.OtherAdministrator)).GetItemsAsync("/api/release-requests")).Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.Superset(new HashSet<string?>(mine), new HashSet<string?>(hers));
        Assert.Empty(his);
    }

    [Theory]
    [InlineData("limit=0", "zh", "limit", "每页条数须在 1 至 200 之间")]
    [InlineData("after=bm90LWEtY3Vyc29y", "en", "after", "after is not a cursor of this list")]
    [InlineData("sort=debtor", "en", "sort", "use one of due, requested")]
    [InlineData("sort=debtor", "zh", "sort", "无法按“debtor”排序")]
    public async Task A_bad_page_is_a_400_naming_the_parameter_in_the_callers_language(string query, string language, string field, string message)
    {
        var judge = await api.AsJudge();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/release-requests?" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await judge.SendAsync(request);

        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requests_page_shows_fifty_and_a_next_link_that_leads_to_the_rest()
    {
        var caseId = await api.OpenCaseAsync("(2022)渝0116破606号");
        for (var i = 0; i < 51; i++)
        {
            await api.NewRequestAsync(caseId);
        }

        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSignIn.PostLoginAsync(browser, "judge")).StatusCode);

        var first = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/Bankruptcy/Requests", UriKind.Relative)));
        var link = System.Text.RegularExpressions.Regex.Match(first, "data-testid=\"queue-next\" href=\"([^\"]+)\"");
        Assert.True(link.Success, "the first page has a next link");
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(first, "href=\"/Bankruptcy/Request/"));
        var second = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri(link.Groups[1].Value, UriKind.Relative)));
        var refused = await browser.GetStringAsync(new Uri("/Bankruptcy/Requests?after=bm90LWEtY3Vyc29y", UriKind.Relative));

        Assert.Contains("href=\"/Bankruptcy/Request/", second, StringComparison.Ordinal);
        var firstIds = System.Text.RegularExpressions.Regex.Matches(first, "/Bankruptcy/Request/([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.DoesNotContain(System.Text.RegularExpressions.Regex.Matches(second, "/Bankruptcy/Request/([^\"]+)\"").Select(m => m.Groups[1].Value), firstIds.Contains);
        Assert.Contains("翻页标记无效", refused, StringComparison.Ordinal);
    }
}
