using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.SmallClaims;

/// <summary>GET /api/fees/notices and /api/fees/refunds answer keyset pages read in SQL, earliest date first.</summary>
[Collection(SmallClaimsCollection.Name)]
public sealed class FeeListsPagingTests(CourtWithConfirmedThreshold api)
{
    private static string CasePath(string id) => $"/api/small-claims/cases/{id}";

    [Theory]
    [InlineData("/api/fees/notices", "noticeId", "dueOn", 301)]
    [InlineData("/api/fees/refunds", "refundId", "dueSince", 311)]
    public async Task Paging_through_a_fee_list_returns_every_item_once_in_date_order(string path, string id, string date, int serial)
    {
        var clerk = await api.As("clerk");
        foreach (var s in Enumerable.Range(serial, 3))
        {
            var caseId = await SmallClaimsSamples.FileAsync(clerk, s);
            if (path.EndsWith("refunds", StringComparison.Ordinal))
            {
                var noticeId = (await (await clerk.GetAsync(CasePath(caseId))).ReadJsonAsync()).GetProperty("notices")[0].GetProperty("noticeId").GetString();
                await clerk.PostJsonAsync($"{CasePath(caseId)}/fee-notices/{noticeId}/payment", new { receiptNumber = $"渝财{s}" });
                await clerk.PostJsonAsync(CasePath(caseId) + "/claim-reduction", new { newClaim = 30_000m });
            }
        }

        var pages = 0;
        var items = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await clerk.GetJsonAsync(path + "?limit=2" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            Assert.Equal(page.GetProperty("next").ValueKind == JsonValueKind.String, page.GetProperty("hasMore").GetBoolean());
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
            pages++;
        }
        while (next is not null);

        var ids = items.Select(i => i.GetProperty(id).GetString()).ToList();
        Assert.True(pages > 1, "more than one page");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((await clerk.GetItemsAsync(path)).Select(i => i.GetProperty(id).GetString()), ids);
        var dates = items.Select(i => i.GetProperty(date).GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal(items.Count, (await clerk.GetJsonAsync(path + "?limit=1&total=true")).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/fees/notices", "after=bm90LWEtY3Vyc29y", "en", "after", "after is not a cursor of this list")]
    [InlineData("/api/fees/refunds", "after=bm90LWEtY3Vyc29y", "zh", "after", "翻页标记无效")]
    [InlineData("/api/fees/notices", "limit=500", "zh", "limit", "每页条数须在 1 至 200 之间")]
    [InlineData("/api/fees/refunds", "limit=0", "en", "limit", "limit must be between 1 and 200")]
    public async Task A_bad_page_of_a_fee_list_is_a_400_naming_the_parameter_in_the_callers_language(string path, string query, string language, string field, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await (await api.As("clerk")).SendAsync(request);

        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fees_page_reads_its_notices_on_from_a_cursor_and_says_in_chinese_when_a_cursor_is_bad()
    {
        var clerk = await api.As("clerk");
        await SmallClaimsSamples.FileAsync(clerk, 321);
        await SmallClaimsSamples.FileAsync(clerk, 322);
        var first = await clerk.GetJsonAsync("/api/fees/notices?limit=1");
        var firstId = first.GetProperty("items")[0].GetProperty("noticeId").GetString()!;
        var next = first.GetProperty("next").GetString()!;
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSignIn.PostLoginAsync(browser, "clerk")).StatusCode);

        var whole = await browser.GetStringAsync(new Uri("/Fees", UriKind.Relative));
        var rest = await browser.GetStringAsync(new Uri("/Fees?noticesAfter=" + Uri.EscapeDataString(next), UriKind.Relative));
        var refused = await browser.GetStringAsync(new Uri("/Fees?noticesAfter=bm90LWEtY3Vyc29y", UriKind.Relative));

        Assert.Contains("payment-" + firstId, whole, StringComparison.Ordinal);
        Assert.DoesNotContain("payment-" + firstId, rest, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"fee-notices\"", rest, StringComparison.Ordinal);
        Assert.Contains("翻页标记无效", refused, StringComparison.Ordinal);
    }
}
