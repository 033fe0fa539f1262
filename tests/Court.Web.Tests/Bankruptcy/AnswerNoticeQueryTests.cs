using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/notices/{id}/queries/{queryId}/answer.</summary>
public sealed class AnswerNoticeQueryTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_judge_answers_once_and_the_bureau_reads_the_answer()
    {
        var queryId = (await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{api.NoticeId}/query", new { text = "请核实" })).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("queryId").GetString();
        var judge = await api.AsJudge();

        await (await judge.PostJsonAsync($"/api/notices/{api.NoticeId}/queries/{queryId}/answer", new { answer = "以裁定为准" })).ReadJsonAsync(HttpStatusCode.OK);

        var query = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice").GetProperty("queries")[0];
        Assert.Equal(("以裁定为准", "judge"), (query.GetProperty("answer").GetString(), query.GetProperty("answeredBy").GetString()));
        await (await judge.PostJsonAsync($"/api/notices/{api.NoticeId}/queries/{queryId}/answer", new { answer = "以裁定为准" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("notice.query-answered", (await (await judge.PostJsonAsync($"/api/notices/{api.NoticeId}/queries/{queryId}/answer", new { answer = "改口" })).ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_query_is_a_404() =>
        Assert.Equal("notice.query-not-found", (await (await (await api.AsJudge()).PostJsonAsync($"/api/notices/{api.NoticeId}/queries/nope/answer", new { answer = "x" })).ReadJsonAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());

    [Fact]
    public async Task The_bureau_may_not_answer_its_own_query() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{api.NoticeId}/queries/nope/answer", new { answer = "x" })).StatusCode);
}
