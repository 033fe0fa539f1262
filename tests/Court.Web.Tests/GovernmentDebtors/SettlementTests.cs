using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class SettlementTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_settlement_replaces_what_remains_by_the_agreed_amount()
    {
        var id = await api.SupervisedAsync(19, amount: 500_000m);
        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/settlement", new { amount = 420_000m, terms = "分两期付清，免除部分违约金" }));
        var detail = await api.CaseAsync(id);
        Assert.Equal((420_000m, "Supervised"), (detail.GetProperty("outstanding").GetDecimal(), detail.GetProperty("state").GetString()));
    }
}
