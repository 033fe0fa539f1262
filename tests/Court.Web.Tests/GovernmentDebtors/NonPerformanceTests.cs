using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class NonPerformanceTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_judge_finds_it_not_performed_and_the_step_is_refused_before_supervision()
    {
        var pushed = await api.PushedAsync(20);
        var judge = await api.As("judge");
        var early = await Problem(await judge.PostJsonAsync(CasePath(pushed) + "/non-performance", new { }), HttpStatusCode.Conflict);
        Assert.Equal("workflow.trigger-not-permitted", early.GetProperty("code").GetString());

        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(pushed) + "/supervision", new { performBy = "2022-04-20", on = "2022-04-01" }));
        await Ok(await judge.PostJsonAsync(CasePath(pushed) + "/non-performance", new { }));
        Assert.Equal("NotPerformed", (await api.CaseAsync(pushed)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_supervision_office_may_not_find_the_case_not_performed()
    {
        var id = await api.SupervisedAsync(615);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/non-performance", new { })).StatusCode);
        Assert.Equal("Supervised", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_finding_of_non_performance_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/non-performance", new { })).StatusCode);

    [Fact]
    public async Task A_finding_of_non_performance_with_an_impossible_date_is_refused_on_on_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await api.SupervisedAsync(616)) + "/non-performance", new { on = "2022-02-30" }, "on");

    [Fact]
    public async Task A_finding_of_non_performance_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.SupervisedAsync(617);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
