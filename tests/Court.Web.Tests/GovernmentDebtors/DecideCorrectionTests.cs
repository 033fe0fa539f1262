using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

// HTTP acceptance for DecideGovernmentDebtCorrection on its own: the decision must say whether the request is upheld.
[Collection(GovernmentDebtCollection.Name)]
public sealed class DecideCorrectionTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_correction_decision_without_upheld_is_refused_naming_the_field_and_a_complete_one_is_recorded()
    {
        var id = await api.ListedAsync(61, publish: true);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "单位名称公布有误" }));

        var judge = await api.As("judge");
        var refused = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { reason = "未写明是否采纳" }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("upheld", out _));

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，名称公布有误" }));
    }
}
