using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

// HTTP acceptance for CorrectGovernmentDebtListing on its own: the correction must say what was corrected.
[Collection(GovernmentDebtCollection.Name)]
public sealed class CorrectListingTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_correction_without_text_is_refused_naming_the_field_and_a_complete_one_is_dated_today()
    {
        var id = await api.ListedAsync(62, publish: true);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "统一社会信用代码公布有误" }));
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，代码公布有误" }));

        var refused = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("correction", out _));

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { correction = "更正统一社会信用代码" }));
        var corrected = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        Assert.Equal(api.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), corrected.GetProperty("correctedOn").GetString());
    }

    /// <summary>Listed, the unit's correction request upheld: the correction is the judge's next step.</summary>
    private async Task<string> UpheldAsync(int serial)
    {
        var id = await api.ListedAsync(serial);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "统一社会信用代码公布有误" }));
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，代码公布有误" }));
        return id;
    }

    [Fact]
    public async Task The_debtor_unit_may_not_make_the_correction_itself()
    {
        var id = await UpheldAsync(655);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction", new { correction = "更正统一社会信用代码" })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("correctedOn").ValueKind);
    }

    [Fact]
    public async Task A_correction_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/listing/correction", new { correction = "更正统一社会信用代码" })).StatusCode);

    [Fact]
    public async Task A_correction_without_text_is_refused_on_correction_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await UpheldAsync(656)) + "/listing/correction", new { }, "correction");

    [Fact]
    public async Task A_correction_on_a_stale_version_fails_the_precondition()
    {
        var id = await UpheldAsync(657);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { correction = "更正统一社会信用代码" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
