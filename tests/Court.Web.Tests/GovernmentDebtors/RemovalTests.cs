using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class RemovalTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task Removal_for_performance_is_refused_while_anything_is_owed_and_issues_the_removal_decision_after()
    {
        var id = await api.ListedAsync(27, amount: 100_000m, publish: true);
        var judge = await api.As("judge");
        var early = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "performed" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.not-performed", early.GetProperty("code").GetString());

        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/performances", new { amount = 100_000m }));
        Assert.Equal("RemovalDue", (await api.CaseAsync(id)).GetProperty("state").GetString());
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "performed" }));

        var detail = await api.CaseAsync(id);
        Assert.Equal("Removed", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "RemovalDecision");
        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("(2022)渝0116执27号")));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_removal_reason_outside_the_list_names_the_field()
    {
        var id = await api.ListedAsync(28);
        var problem = await Problem(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "bored" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }
}
