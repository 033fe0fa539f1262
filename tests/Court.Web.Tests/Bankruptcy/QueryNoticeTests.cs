using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/notices/{id}/query: a written doubt to the judge that does not stop the notice.</summary>
public sealed class QueryNoticeTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task A_query_reaches_the_judge_and_the_notice_stays_in_force_and_can_be_executed()
    {
        var bureau = await api.AsBureau();
        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/acknowledge", new { })).ReadJsonAsync(HttpStatusCode.OK);

        var queried = await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/query", new { text = "通知书所列查封文号与登记簿记载不一致，请核实。" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty(queried.GetProperty("queryId").GetString()));
        var seenByJudge = (await (await api.AsJudge()).GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice");
        Assert.Equal(("Acknowledged", "通知书所列查封文号与登记簿记载不一致，请核实。"), (seenByJudge.GetProperty("workflowState").GetString(), seenByJudge.GetProperty("queries")[0].GetProperty("text").GetString()));
        Assert.Contains("ExecuteNotice", (await bureau.GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/execute", new { registrationReference = "注销查封2022-9", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_empty_query_is_a_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{await api.NewNoticeAsync(api.CaseId)}/query", new { text = " " })).StatusCode);

    [Fact]
    public async Task The_administrator_sees_the_notice_but_may_not_query_it()
    {
        var noticeId = await api.NewNoticeAsync(api.CaseId);

        await (await api.AsAdministrator()).GetJsonAsync($"/api/notices/{noticeId}");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsAdministrator()).PostJsonAsync($"/api/notices/{noticeId}/query", new { text = "?" })).StatusCode);
    }
}
