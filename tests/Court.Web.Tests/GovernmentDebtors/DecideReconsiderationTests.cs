using System.Net;
using System.Net.Http.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>HTTP acceptance for DecideGovernmentDebtReconsideration (POST …/listing/reconsideration-decision): the judge decides a reconsideration the unit applied for.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class DecideReconsiderationTests(GovernmentDebtApi api)
{
    private static string Decision(string id) => CasePath(id) + "/listing/reconsideration-decision";

    /// <summary>Listed, the unit's correction request rejected, and reconsideration applied for.</summary>
    private async Task<string> ReconsideringAsync(int serial)
    {
        var id = await api.ListedAsync(serial);
        var town = await api.As("town");
        await Ok(await town.PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "已部分履行" }));
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = false, reason = "部分履行不是删除事由" }));
        await Ok(await town.PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "申请复议" }));
        return id;
    }

    private static HttpRequestMessage Post(string path, object body, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    [Fact]
    public async Task An_upheld_reconsideration_is_recorded_with_the_day_the_correction_is_due()
    {
        var id = await ReconsideringAsync(310);
        var changed = await Ok(await (await api.As("judge")).PostJsonAsync(Decision(id), new { upheld = true, reason = "复议成立，应予纠正" }));
        Assert.Equal(id, changed.GetProperty("id").GetString());

        var correction = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        var reconsideration = correction.GetProperty("reconsideration");
        Assert.True(reconsideration.GetProperty("upheld").GetBoolean());
        Assert.Equal(api.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reconsideration.GetProperty("decidedOn").GetString());
        Assert.True(DateOnly.Parse(correction.GetProperty("correctBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > api.Today);
    }

    [Fact]
    public async Task A_reconsideration_decision_on_an_unknown_case_is_not_found_in_chinese_and_in_english() =>
        await AssertUnknownCaseInBothLanguagesAsync(await api.As("judge"), "listing/reconsideration-decision", new { upheld = true, reason = "复议成立" });

    [Fact]
    public async Task Only_the_judge_decides_and_another_agency_does_not_see_the_case()
    {
        var id = await ReconsideringAsync(311);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(Decision(id), new { upheld = true, reason = "理由" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("town")).PostJsonAsync(Decision(id), new { upheld = true, reason = "理由" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBank()).PostJsonAsync(Decision(id), new { upheld = true, reason = "理由" })).StatusCode);
        Assert.False((await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("reconsideration").TryGetProperty("upheld", out var upheld) && upheld.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_decision_without_upheld_or_reason_names_both_fields_in_chinese_by_default_and_in_english_when_asked()
    {
        var id = await ReconsideringAsync(312);
        var judge = await api.As("judge");
        var zh = await Problem(await judge.SendAsync(Post(Decision(id), new { }, "zh-CN")), HttpStatusCode.BadRequest);
        var en = await Problem(await judge.SendAsync(Post(Decision(id), new { }, "en-US,en;q=0.9")), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "upheld", "reason" })
        {
            var zhText = zh.GetProperty("errors").GetProperty(field)[0].GetString()!;
            var enText = en.GetProperty("errors").GetProperty(field)[0].GetString()!;
            Assert.Contains(zhText, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotContain(enText, c => c >= '\u4e00' && c <= '\u9fff');
        }
    }

    [Fact]
    public async Task Nothing_to_decide_is_a_conflict_and_a_stale_version_fails_the_precondition()
    {
        var judge = await api.As("judge");
        var listed = await api.ListedAsync(313);
        var none = await Problem(await judge.PostJsonAsync(Decision(listed), new { upheld = true, reason = "理由" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.no-reconsideration", none.GetProperty("code").GetString());

        var id = await ReconsideringAsync(314);
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(Decision(id), new { upheld = false, reason = "维持" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());

        await Ok(await judge.PostJsonAsync(Decision(id), new { upheld = false, reason = "维持" }, ifMatch: $"\"{version}\""));
    }
}
