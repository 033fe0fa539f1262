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
}
