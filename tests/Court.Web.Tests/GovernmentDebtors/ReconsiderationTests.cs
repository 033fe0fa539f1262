using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class ReconsiderationTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_rejected_correction_may_be_reconsidered_and_the_decision_is_due_in_15_days()
    {
        var id = await api.ListedAsync(30);
        var town = await api.As("town");
        var judge = await api.As("judge");
        var none = await Problem(await town.PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "不服" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.nothing-to-reconsider", none.GetProperty("code").GetString());

        await Ok(await town.PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "已部分履行" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = false, reason = "部分履行不是删除事由" }));
        await Ok(await town.PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "申请复议" }));
        var reconsideration = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("reconsideration");
        Assert.Equal("2022-05-09", reconsideration.GetProperty("decisionDueOn").GetString());

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/reconsideration-decision", new { upheld = false, reason = "维持" }));
        Assert.False((await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("reconsideration").GetProperty("upheld").GetBoolean());
    }

    /// <summary>Listed and the unit's correction request rejected: the unit may apply for reconsideration.</summary>
    private async Task<string> RejectedAsync(int serial)
    {
        var id = await api.ListedAsync(serial);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "已部分履行" }));
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = false, reason = "部分履行不是删除事由" }));
        return id;
    }

    [Fact]
    public async Task The_judge_may_not_apply_for_reconsideration_on_the_units_behalf()
    {
        var id = await RejectedAsync(665);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "申请复议" })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction").GetProperty("reconsideration").ValueKind);
    }

    [Fact]
    public async Task A_reconsideration_request_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync(CasePath(UnknownCase) + "/listing/reconsideration-request", new { reason = "申请复议" })).StatusCode);

    [Fact]
    public async Task A_reconsideration_request_without_a_reason_is_refused_on_reason_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("town"), CasePath(await RejectedAsync(666)) + "/listing/reconsideration-request", new { }, "reason");

    [Fact]
    public async Task A_reconsideration_request_on_a_stale_version_fails_the_precondition()
    {
        var id = await RejectedAsync(667);
        var town = await api.As("town");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await town.PostJsonAsync(CasePath(id) + "/listing/reconsideration-request", new { reason = "申请复议" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
