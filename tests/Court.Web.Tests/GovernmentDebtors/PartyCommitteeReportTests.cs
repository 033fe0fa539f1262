using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class PartyCommitteeReportTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_written_report_to_the_party_committee_is_issued_as_a_document()
    {
        var id = await api.ReportedAsync(21);
        var detail = await api.CaseAsync(id);
        Assert.Equal("ReportedUpward", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "PartyCommitteeReport");
    }

    private static readonly object Report = new { partyCommittee = "中共重庆市江津区委员会", government = "重庆市江津区人民政府" };

    /// <summary>Supervised and found not performed: the report to the Party committee is the next step.</summary>
    private async Task<string> NotPerformedAsync(int serial)
    {
        var id = await api.SupervisedAsync(serial);
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/non-performance", new { }));
        return id;
    }

    [Fact]
    public async Task The_clerk_may_not_report_to_the_party_committee()
    {
        var id = await NotPerformedAsync(620);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/party-committee-report", Report)).StatusCode);
        Assert.Equal("NotPerformed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_report_to_the_party_committee_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/party-committee-report", Report)).StatusCode);

    [Fact]
    public async Task A_report_without_party_committee_or_government_is_refused_on_both_fields_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await NotPerformedAsync(621)) + "/party-committee-report", new { organisationDepartmentNotified = true }, "partyCommittee", "government");

    [Fact]
    public async Task A_report_to_the_party_committee_on_a_stale_version_fails_the_precondition()
    {
        var id = await NotPerformedAsync(622);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/party-committee-report", Report, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
