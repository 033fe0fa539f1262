using System.Net;
using System.Text;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>GET /api/notices answers a page read on the server in the inbox's order; the CSV export walks every page.</summary>
public sealed class ListNoticesTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    private static bool Flagged(JsonElement n) => n.GetProperty("workflowState").GetString() is "AcknowledgementOverdue" or "ExecutionOverdue";

    [Fact]
    public async Task The_inbox_comes_a_page_at_a_time_open_first_flagged_overdue_first_then_by_deadline_then_by_issue()
    {
        var late = await api.NewNoticeAsync(api.CaseId);
        var bureau = await api.AsBureau();
        await api.PassAsync((await bureau.GetJsonAsync($"/api/notices/{late}")).GetProperty("notice").GetProperty("dueAt").GetDateTimeOffset());
        var onTime = await api.NewNoticeAsync(api.CaseId);
        var done = await api.NewNoticeAsync(api.CaseId);
        bureau = await api.AsBureau();
        await (await bureau.PostJsonAsync($"/api/notices/{done}/execute", new { registrationReference = "渝(2022)江津区不动产注销查封第0000099号", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);

        var pages = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await bureau.GetJsonAsync("/api/notices?limit=2" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            pages.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        var ids = pages.Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Superset(new HashSet<string?>([api.NoticeId, late, onTime, done]), new HashSet<string?>(ids));
        var expected = pages
            .OrderBy(n => n.GetProperty("isFinal").GetBoolean())
            .ThenByDescending(n => !n.GetProperty("isFinal").GetBoolean() && Flagged(n))
            .ThenBy(n => n.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? DateTimeOffset.MaxValue : n.GetProperty("dueAt").GetDateTimeOffset())
            .ThenBy(n => n.GetProperty("issuedAt").GetDateTimeOffset())
            .Select(n => n.GetProperty("id").GetString());
        Assert.Equal(expected, ids);
        Assert.True(ids.IndexOf(late) < ids.IndexOf(onTime) && ids.IndexOf(onTime) < ids.IndexOf(done), string.Join(", ", ids));

        var open = (await bureau.GetItemsAsync("/api/notices?open=true")).Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains(onTime, open);
        Assert.DoesNotContain(done, open);
    }

    [Fact]
    public async Task The_csv_export_holds_every_notice_of_the_inbox_whatever_the_page_size()
    {
        var second = await api.NewNoticeAsync(api.CaseId);
        var bureau = await api.AsBureau();
        var inbox = (await bureau.GetItemsAsync("/api/notices")).Select(n => n.GetProperty("id").GetString()!).ToList();

        var response = await bureau.GetAsync("/api/notices?format=csv&limit=1");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(inbox, rows);
        Assert.Contains(second, rows);
        Assert.Contains(api.NoticeId, rows);
    }

    [Theory]
    [InlineData("limit=500", "zh", "limit", "每页条数须在 1 至 200 之间")]
    [InlineData("after=bm90LWEtY3Vyc29y", "en", "after", "after is not a cursor of this list")]
    [InlineData("sort=agency", "en", "sort", "use one of due, issued")]
    public async Task A_bad_page_is_a_400_naming_the_parameter_in_the_callers_language(string query, string language, string field, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notices?" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await (await api.AsBureau()).SendAsync(request);

        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_page_reads_on_from_a_cursor_and_says_in_chinese_when_a_cursor_is_bad()
    {
        await api.NewNoticeAsync(api.CaseId);
        var first = (await (await api.AsBureau()).GetJsonAsync("/api/notices?limit=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var next = (await (await api.AsBureau()).GetJsonAsync("/api/notices?limit=1")).GetProperty("next").GetString()!;
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSignIn.PostLoginAsync(browser, Court.Application.Demo.DemoUsers.NaturalResources.UserName)).StatusCode);

        var whole = await browser.GetStringAsync(new Uri("/Bankruptcy/Inbox", UriKind.Relative));
        var rest = await browser.GetStringAsync(new Uri("/Bankruptcy/Inbox?after=" + Uri.EscapeDataString(next), UriKind.Relative));
        var refused = await browser.GetStringAsync(new Uri("/Bankruptcy/Inbox?after=bm90LWEtY3Vyc29y", UriKind.Relative));

        Assert.Contains("/Bankruptcy/Notice/" + first, whole, StringComparison.Ordinal);
        Assert.DoesNotContain("/Bankruptcy/Notice/" + first, rest, StringComparison.Ordinal);
        Assert.Contains("/Bankruptcy/Notice/", rest, StringComparison.Ordinal);
        Assert.Contains("翻页标记无效", refused, StringComparison.Ordinal);
    }
}
