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

    [Fact]
    public async Task The_clerk_may_not_list_the_debtor()
    {
        var id = await api.ReportedAsync(635);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 })).StatusCode);
        Assert.Equal("ReportedUpward", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_listing_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/listing", new { ground = 1 })).StatusCode);

    [Fact]
    public async Task A_listing_without_a_ground_is_refused_on_ground_in_chinese_and_in_english_and_nothing_is_listed()
    {
        // No ground is not ground 1: ground 1 lists without end, so it must be chosen, never assumed.
        var id = await api.ReportedAsync(636);
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(id) + "/listing", new { }, "ground");
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(id) + "/listing", new { ground = 7 }, "ground");
        Assert.Equal("ReportedUpward", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_listing_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.ReportedAsync(637);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
