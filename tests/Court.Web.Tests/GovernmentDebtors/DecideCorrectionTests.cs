using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

// HTTP acceptance for DecideGovernmentDebtCorrection on its own: the decision must say whether the request is upheld.
[Collection(GovernmentDebtCollection.Name)]
public sealed class DecideCorrectionTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_correction_decision_without_upheld_is_refused_naming_the_field_and_a_complete_one_is_recorded()
    {
        var id = await api.ListedAsync(61, publish: true);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "单位名称公布有误" }));

        var judge = await api.As("judge");
        var refused = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { reason = "未写明是否采纳" }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("upheld", out _));

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，名称公布有误" }));
    }

    /// <summary>Listed, and the unit asked for a correction: the decision is the judge's next step.</summary>
    private async Task<string> RequestedAsync(int serial)
    {
        var id = await api.ListedAsync(serial);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "单位名称公布有误" }));
        return id;
    }

    [Fact]
    public async Task The_debtor_unit_may_not_decide_its_own_correction_request()
    {
        var id = await RequestedAsync(660);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "成立" })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("upheld").ValueKind);
    }

    [Fact]
    public async Task A_correction_decision_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/listing/correction-decision", new { upheld = true, reason = "成立" })).StatusCode);

    [Fact]
    public async Task A_correction_decision_without_upheld_or_reason_is_refused_on_both_fields_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await RequestedAsync(661)) + "/listing/correction-decision", new { }, "upheld", "reason");

    [Fact]
    public async Task A_correction_decision_on_a_stale_version_fails_the_precondition()
    {
        var id = await RequestedAsync(662);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "成立" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
