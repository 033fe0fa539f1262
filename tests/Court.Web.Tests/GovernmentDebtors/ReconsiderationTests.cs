using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class ReconsiderationTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_rejected_correction_may_be_reconsidered_and_the_decision_is_due_in_15_days()
    {
        var id = await api.ListedAsync(30);
        var town = await api.As("town");
        var judge = await api.As("judge");
        var none = await Problem(await town.PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "不服" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.nothing-to-reconsider", none.GetProperty("code").GetString());

        await Ok(await town.PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "已部分履行" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = false, reason = "部分履行不是删除事由" }));
        await Ok(await town.PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "申请复议" }));
        var reconsideration = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("reconsideration");
        Assert.Equal("2022-05-09", reconsideration.GetProperty("decisionDueOn").GetString());

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/reconsideration-decision", new { upheld = false, reason = "维持" }));
        Assert.False((await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("reconsideration").GetProperty("upheld").GetBoolean());
    }
}
