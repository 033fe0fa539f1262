using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class PublishTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_published_listing_appears_on_the_anonymous_public_list_with_its_decision_number()
    {
        var id = await api.ListedAsync(26, amount: 880_000m, publish: true);
        var number = (await api.CaseAsync(id)).GetProperty("caseNumber").GetString();

        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("(2022)渝0116执26号")));
        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((number, Town, 880_000m, 0m), (entry.GetProperty("caseNumber").GetString(), entry.GetProperty("creditCode").GetString(), entry.GetProperty("unperformed").GetDecimal(), entry.GetProperty("performed").GetDecimal()));
        Assert.Contains("失信决", entry.GetProperty("decisionNumber").GetString());
    }
}
