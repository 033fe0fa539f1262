using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class SupremeCourtFilingTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_local_government_is_listed_only_after_the_filing_with_the_supreme_peoples_court()
    {
        var clerk = await api.As("clerk");
        var opened = await Ok(await clerk.PostJsonAsync("/api/government-debts/cases", Opening(22, "11500116009000004W", "重庆市江津区人民政府", localGovernment: true)));
        var id = opened.GetProperty("id").GetString()!;
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/push", new { on = "2022-03-25" }));
        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-04-20", on = "2022-04-01" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/party-committee-report", new { partyCommittee = "中共重庆市委", government = "重庆市人民政府" }));

        var refused = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.supreme-court-filing-required", refused.GetProperty("code").GetString());

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/supreme-court-filing", new { reference = "最高法执备〔2022〕12号" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }));
    }

    [Fact]
    public async Task The_clerk_may_not_file_with_the_supreme_peoples_court()
    {
        var id = await api.ReportedAsync(625);
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/supreme-court-filing", new { reference = "最高法执备〔2022〕13号" })).StatusCode);
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_filing_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/supreme-court-filing", new { reference = "最高法执备〔2022〕13号" })).StatusCode);

    [Fact]
    public async Task A_filing_without_a_reference_is_refused_on_reference_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await api.ReportedAsync(626)) + "/supreme-court-filing", new { }, "reference");

    [Fact]
    public async Task A_filing_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.ReportedAsync(627);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/supreme-court-filing", new { reference = "最高法执备〔2022〕13号" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
