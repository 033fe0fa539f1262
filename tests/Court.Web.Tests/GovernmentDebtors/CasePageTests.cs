using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>
/// The case page's step forms are the pinned definition's transitions from the current state that the reader's role
/// may fire (the counterpart of <see cref="WithoutPartyCommitteeStepTests"/>, on the shipped version 1).
/// </summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class CasePageTests(GovernmentDebtApi api)
{
    private static string Form(string trigger) => $"data-testid=\"step-{trigger}\"";

    private async Task<string> PageAsync(string id, string user)
    {
        var response = await (await api.As(user)).GetAsync("/GovernmentDebtors/Case/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Found_not_performed_the_shipped_definition_offers_the_judge_the_Party_committee_report_and_no_listing_yet()
    {
        var id = await api.SupervisedAsync(301);
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/non-performance", new { }));

        var judge = await PageAsync(id, "judge");
        Assert.Contains(Form("ReportGovernmentDebtToPartyCommittee"), judge, StringComparison.Ordinal);
        Assert.Contains(Form("TakeGovernmentDebtMeasure"), judge, StringComparison.Ordinal);
        Assert.DoesNotContain(Form("ListGovernmentDebtor"), judge, StringComparison.Ordinal);
        Assert.DoesNotContain(Form("SubmitGovernmentDebtReport"), judge, StringComparison.Ordinal);

        var town = await PageAsync(id, "town");
        Assert.Contains(Form("SubmitGovernmentDebtReport"), town, StringComparison.Ordinal);
        Assert.DoesNotContain(Form("ReportGovernmentDebtToPartyCommittee"), town, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_case_offers_no_step_to_anyone()
    {
        var id = await api.OpenAsync(302, amount: 1_000m);
        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/performances", new { amount = 1_000m }));

        foreach (var user in new[] { "judge", "clerk", "supervisor", "town" })
        {
            Assert.DoesNotContain("data-testid=\"step-", await PageAsync(id, user), StringComparison.Ordinal);
        }
    }
}
