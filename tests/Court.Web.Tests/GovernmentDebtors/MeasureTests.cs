using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class MeasureTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_compulsory_measure_is_taken_once_the_push_period_has_run()
    {
        var id = await api.PushedAsync(23);
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/measures", new { measure = "冻结银行存款", description = "冻结基本账户 100 万元" }));
        Assert.Equal("Pushed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_clerk_may_not_take_a_compulsory_measure()
    {
        var id = await api.PushedAsync(630);
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/measures", new { measure = "冻结银行存款" })).StatusCode);
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_measure_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/measures", new { measure = "冻结银行存款" })).StatusCode);

    [Fact]
    public async Task A_measure_without_saying_which_is_refused_on_measure_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await api.PushedAsync(631)) + "/measures", new { description = "冻结基本账户" }, "measure");

    [Fact]
    public async Task A_measure_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.PushedAsync(632);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/measures", new { measure = "冻结银行存款" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
