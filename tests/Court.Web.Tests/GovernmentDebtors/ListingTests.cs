using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class ListingTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task Ground_1_lists_without_a_term_and_issues_the_listing_decision()
    {
        var id = await api.ListedAsync(24);
        var detail = await api.CaseAsync(id);
        var listing = detail.GetProperty("listing");
        Assert.Equal(("Listed", "AbleButRefuses", true), (detail.GetProperty("state").GetString(), listing.GetProperty("ground").GetString(), listing.GetProperty("endsOn").ValueKind == System.Text.Json.JsonValueKind.Null));
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "ListingDecision");
    }

    [Fact]
    public async Task An_extension_on_ground_1_is_refused()
    {
        var id = await api.ReportedAsync(25);
        var refused = await Problem(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing", new { ground = 1, extensionYears = 1 }), HttpStatusCode.BadRequest);
        Assert.Equal("government-debt.extension-for-ground-1", refused.GetProperty("code").GetString());
    }
}
