using System.Net;
using System.Text.Json;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>GET /cases/{id}/history: the case's events oldest first, in words (who, what, when), paged on the server.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class HistoryTests(GovernmentDebtApi api)
{
    /// <summary>How the steps of a listed case begin, in the order they happen.</summary>
    private static readonly string[] Steps = ["立案执行", "发出执行通知书", "推送信用办", "督办", "认定未履行", "书面报告", "纳入失信被执行人名单", "公布失信信息"];

    private static string History(string id, string query = "") => CasePath(id) + "/history" + query;

    private static HttpRequestMessage GetIn(string language, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string id, int limit)
    {
        var entries = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await Ok(await client.GetAsync(History(id, $"?limit={limit}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)))));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= limit);
            entries.AddRange(items);
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);
        return entries;
    }

    [Fact]
    public async Task A_listed_case_reads_in_order_in_words_naming_the_people_and_pages_give_the_same_entries()
    {
        var id = await api.ListedAsync(680, publish: true);
        var judge = await api.As("judge");

        var whole = (await Ok(await judge.GetAsync(History(id, "?limit=200")))).GetProperty("items").EnumerateArray().ToList();
        var paged = await AllPagesAsync(judge, id, 3);
        Assert.Equal(whole.Select(e => e.GetProperty("number").GetInt64()), paged.Select(e => e.GetProperty("number").GetInt64()));

        // In order, and when each happened.
        var numbers = whole.Select(e => e.GetProperty("number").GetInt64()).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        var times = whole.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);

        var what = whole.Select(e => e.GetProperty("what").GetString()!).ToList();
        Assert.StartsWith("立案执行", what[0], StringComparison.Ordinal);
        Assert.Equal(Steps, what.Select(w => Steps.FirstOrDefault(step => w.StartsWith(step, StringComparison.Ordinal))).OfType<string>().Distinct());

        // Words, not type names or codes; people by their names.
        foreach (var w in what)
        {
            Assert.DoesNotContain("记录了", w, StringComparison.Ordinal);
            Assert.DoesNotMatch("[A-Z][a-z]+[A-Z]", w);
        }

        var who = whole.Select(e => e.GetProperty("who").GetString()!).ToHashSet();
        Assert.Contains("李晓梅", who);
        Assert.Contains("王建国", who);
        Assert.Contains("吴敏", who);
        Assert.DoesNotContain("judge", who);
        Assert.DoesNotContain("clerk", who);
    }

    [Fact]
    public async Task The_history_reads_in_english_on_accept_language_en()
    {
        var id = await api.PushedAsync(681);
        var history = await Ok(await (await api.As("judge")).SendAsync(GetIn("en-US,en;q=0.9", History(id))));
        var what = history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("what").GetString()!).ToList();
        Assert.StartsWith("opened;", what[0], StringComparison.Ordinal);
        Assert.Contains(what, w => w.StartsWith("pushed to the credit office", StringComparison.Ordinal));
        Assert.DoesNotContain(what, w => w.StartsWith("立案", StringComparison.Ordinal) || w.StartsWith("推送", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_unit_and_an_unknown_case_get_not_found_and_a_bad_cursor_names_after()
    {
        var id = await api.OpenAsync(682);
        Assert.Equal(HttpStatusCode.OK, (await (await api.As("town")).GetAsync(History(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBank()).GetAsync(History(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).GetAsync(History(UnknownCase))).StatusCode);
        var bad = await Problem(await (await api.As("judge")).GetAsync(History(id, "?after=nonsense")), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("after", out _));
    }
}
