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
}
