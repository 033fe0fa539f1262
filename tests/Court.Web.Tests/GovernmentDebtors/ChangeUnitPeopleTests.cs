using System.Net;
using System.Net.Http.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>
/// HTTP acceptance for ChangeGovernmentDebtorLeader (POST /units/{code}/leader) and ChangeGovernmentDebtorHandler
/// (POST /units/{code}/handler). Both record a person of the unit, so the rules they share are one theory over the two;
/// each works on units of its own (flagged by cases 320/321 and 330/331), so no other test moves their versions.
/// </summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class ChangeUnitPeopleTests(GovernmentDebtApi api)
{
    private const string LeaderUnit = "11500116709000016K";
    private const string HandlerUnit = "11500116709000024E";

    public static TheoryData<string, string, int> People => new()
    {
        { "leader", LeaderUnit, 320 },
        { "handler", HandlerUnit, 330 },
    };

    public static TheoryData<string, string, int> PeopleOnStaleUnits => new()
    {
        { "leader", "115001167090000329", 321 },
        { "handler", "115001167090000404", 331 },
    };

    private static string PathOf(string person, string unit) => $"/api/government-debts/units/{unit}/{person}";

    private static HttpRequestMessage Post(string path, object body, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    [Fact]
    public async Task The_new_leader_takes_over_and_the_old_one_stays_on_the_record_of_the_debt()
    {
        await api.OpenAsync(320, LeaderUnit);
        var path = PathOf("leader", LeaderUnit);
        var supervisor = await api.As("supervisor");
        await Ok(await supervisor.PostJsonAsync(path, new { name = "周建国", post = "局长", reason = "换届" }));
        await Ok(await supervisor.PostJsonAsync(path, new { name = "周建国", post = "局长" })); // the same leader again: nothing new

        var unit = await Ok(await supervisor.GetAsync($"/api/government-debts/units/{LeaderUnit}"));
        Assert.Equal("周建国", unit.GetProperty("leader").GetProperty("name").GetString());
        Assert.Equal(["张明", "周建国"], unit.GetProperty("leadersDuringDebt").EnumerateArray().Select(l => l.GetProperty("leader").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_unit_names_a_new_handler_and_the_same_one_again_changes_nothing()
    {
        await api.OpenAsync(330, HandlerUnit);
        var path = PathOf("handler", HandlerUnit);
        var supervisor = await api.As("supervisor");
        var first = await Ok(await supervisor.PostJsonAsync(path, new { name = "钱进", post = "法规科科长", phone = "023-47521234" }));
        var again = await Ok(await supervisor.PostJsonAsync(path, new { name = "钱进", post = "法规科科长", phone = "023-47521234" }));
        Assert.Equal(first.GetProperty("version").GetInt64(), again.GetProperty("version").GetInt64());

        var unit = await Ok(await supervisor.GetAsync($"/api/government-debts/units/{HandlerUnit}"));
        Assert.Equal("钱进", unit.GetProperty("handler").GetProperty("name").GetString());
        Assert.Equal("023-47521234", unit.GetProperty("handler").GetProperty("phone").GetString());
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task The_court_president_may_not_and_another_agency_does_not_see_the_unit(string person, string unit, int caseNumber)
    {
        await api.OpenAsync(caseNumber, unit);
        var path = PathOf(person, unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("president")).PostJsonAsync(path, new { name = "某某", post = "局长" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync(path, new { name = "某某", post = "局长" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBank()).PostJsonAsync(path, new { name = "某某", post = "局长" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Missing_name_and_post_are_named_in_chinese_by_default_and_in_english_when_asked_and_a_future_day_is_refused(string person, string unit, int caseNumber)
    {
        await api.OpenAsync(caseNumber, unit);
        var path = PathOf(person, unit);
        var clerk = await api.As("clerk");
        var zh = await Problem(await clerk.SendAsync(Post(path, new { }, "zh-CN")), HttpStatusCode.BadRequest);
        var en = await Problem(await clerk.SendAsync(Post(path, new { }, "en-US,en;q=0.9")), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "post" })
        {
            Assert.Contains(zh.GetProperty("errors").GetProperty(field)[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotContain(en.GetProperty("errors").GetProperty(field)[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
        }

        var future = await Problem(await clerk.PostJsonAsync(path, new { name = "吴某", post = "局长", on = api.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.BadRequest);
        Assert.Equal("government-debtor.change-in-future", future.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(PeopleOnStaleUnits))]
    public async Task A_stale_version_of_the_unit_fails_the_precondition(string person, string unit, int caseNumber)
    {
        await api.OpenAsync(caseNumber, unit);
        var path = PathOf(person, unit);
        var judge = await api.As("judge");
        var read = await judge.GetAsync($"/api/government-debts/units/{unit}");
        var etag = read.Headers.ETag!.Tag;
        await Ok(read);
        await Ok(await judge.PostJsonAsync(path, new { name = "郑某", post = "副局长（主持工作）" }, ifMatch: etag));
        var stale = await Problem(await judge.PostJsonAsync(path, new { name = "王某", post = "局长" }, ifMatch: etag), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
    }

    /// <summary>A well-formed credit code (its check character right) that no flagged unit has.</summary>
    private const string UnknownUnit = "115001167090099999";

    [Theory]
    [InlineData("leader")]
    [InlineData("handler")]
    public async Task A_change_on_an_unknown_unit_is_not_found(string person) =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("clerk")).PostJsonAsync($"/api/government-debts/units/{UnknownUnit}/{person}", new { name = "某某", post = "局长" })).StatusCode);
}
