using System.Net;
using System.Net.Http.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>HTTP acceptance for ChangeGovernmentDebtorLeader (POST /units/{code}/leader), on a unit of its own (a bureau flagged by case 320).</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class ChangeLeaderTests(GovernmentDebtApi api)
{
    private const string Unit = "11500116709000016K";

    private static string Path => $"/api/government-debts/units/{Unit}/leader";

    private async Task FlaggedAsync()
    {
        await api.OpenAsync(320, Unit);
    }

    private static HttpRequestMessage Post(object body, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    [Fact]
    public async Task The_new_leader_takes_over_and_the_old_one_stays_on_the_record_of_the_debt()
    {
        await FlaggedAsync();
        var supervisor = await api.As("supervisor");
        await Ok(await supervisor.PostJsonAsync(Path, new { name = "周建国", post = "局长", reason = "换届" }));
        await Ok(await supervisor.PostJsonAsync(Path, new { name = "周建国", post = "局长" })); // the same leader again: nothing new

        var unit = await Ok(await supervisor.GetAsync($"/api/government-debts/units/{Unit}"));
        Assert.Equal("周建国", unit.GetProperty("leader").GetProperty("name").GetString());
        Assert.Equal(["张明", "周建国"], unit.GetProperty("leadersDuringDebt").EnumerateArray().Select(l => l.GetProperty("leader").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_court_president_may_not_and_another_agency_does_not_see_the_unit()
    {
        await FlaggedAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("president")).PostJsonAsync(Path, new { name = "某某", post = "局长" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync(Path, new { name = "某某", post = "局长" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBank()).PostJsonAsync(Path, new { name = "某某", post = "局长" })).StatusCode);
    }

    [Fact]
    public async Task Missing_name_and_post_are_named_in_chinese_by_default_and_in_english_when_asked_and_a_future_day_is_refused()
    {
        await FlaggedAsync();
        var clerk = await api.As("clerk");
        var zh = await Problem(await clerk.SendAsync(Post(new { }, "zh-CN")), HttpStatusCode.BadRequest);
        var en = await Problem(await clerk.SendAsync(Post(new { }, "en-US,en;q=0.9")), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "post" })
        {
            Assert.Contains(zh.GetProperty("errors").GetProperty(field)[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotContain(en.GetProperty("errors").GetProperty(field)[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
        }

        var future = await Problem(await clerk.PostJsonAsync(Path, new { name = "吴某", post = "局长", on = api.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.BadRequest);
        Assert.Equal("government-debtor.change-in-future", future.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_stale_version_of_the_unit_fails_the_precondition()
    {
        // A unit of its own, so no other test's change moves its version.
        const string unit = "115001167090000329";
        await api.OpenAsync(321, unit);
        var path = Path.Replace(Unit, unit, StringComparison.Ordinal);
        var judge = await api.As("judge");
        var read = await judge.GetAsync($"/api/government-debts/units/{unit}");
        var etag = read.Headers.ETag!.Tag;
        await Ok(read);
        await Ok(await judge.PostJsonAsync(path, new { name = "郑某", post = "副局长（主持工作）" }, ifMatch: etag));
        var stale = await Problem(await judge.PostJsonAsync(path, new { name = "王某", post = "局长" }, ifMatch: etag), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
    }
}
