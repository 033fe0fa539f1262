using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class EnforcementNoticeTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_judge_serves_the_notice_with_the_dishonesty_risk_warning_as_a_document()
    {
        var id = await api.OpenAsync(10);
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));

        var detail = await api.CaseAsync(id);
        Assert.Equal("Noticed", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "EnforcementNotice");
    }

    [Fact]
    public async Task The_clerk_may_not_serve_the_enforcement_notice()
    {
        var id = await api.OpenAsync(600);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/enforcement-notice", new { })).StatusCode);
        Assert.Equal("Opened", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_enforcement_notice_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/enforcement-notice", new { })).StatusCode);

    [Fact]
    public async Task An_enforcement_notice_with_an_impossible_date_is_refused_on_on_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await api.OpenAsync(601)) + "/enforcement-notice", new { on = "2022-02-30" }, "on");

    [Fact]
    public async Task An_enforcement_notice_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.OpenAsync(602);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
