using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class CorrectionTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_unit_asks_for_a_correction_reviewed_within_15_days_and_a_justified_one_is_made()
    {
        var id = await api.ListedAsync(29, publish: true);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "统一社会信用代码公布有误" }));
        var requested = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        Assert.Equal("2022-05-09", requested.GetProperty("reviewDueOn").GetString());

        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，代码公布有误" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { correction = "更正统一社会信用代码" }));
        var corrected = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        Assert.Equal(api.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), corrected.GetProperty("correctedOn").GetString());
    }

    [Fact]
    public async Task The_judge_may_not_ask_for_a_correction_on_the_units_behalf()
    {
        var id = await api.ListedAsync(650);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "代码有误" })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").ValueKind);
    }

    [Fact]
    public async Task A_correction_request_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync(CasePath(UnknownCase) + "/listing/correction-request", new { reason = "代码有误" })).StatusCode);

    [Fact]
    public async Task A_correction_request_without_a_reason_is_refused_on_reason_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("town"), CasePath(await api.ListedAsync(651)) + "/listing/correction-request", new { }, "reason");

    [Fact]
    public async Task A_correction_request_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.ListedAsync(652);
        var town = await api.As("town");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await town.PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "代码有误" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
