using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/notices/{id}/cannot-execute.</summary>
public sealed class ReportNoticeCannotBeExecutedTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_request_stalls_for_the_judge_the_matter_goes_to_the_joint_meeting_and_a_new_ruling_can_follow()
    {
        await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{api.NoticeId}/cannot-execute", new { reason = "登记簿上无该不动产单元" })).ReadJsonAsync(HttpStatusCode.OK);

        var request = await api.ReleaseRequestAsync(api.RequestId);
        Assert.Equal(("Stalled", "登记簿上无该不动产单元"), (request.GetProperty("stage").GetString(), request.GetProperty("stalledReason").GetString()));
        Assert.Equal("Stalled", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());
        var agenda = await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda");
        Assert.Contains(agenda.GetProperty("items").EnumerateArray(), i => i.GetProperty("reason").GetString() == "NoticeCannotBeExecuted" && i.GetProperty("party").GetString() == "nrb-jiangjin");
        var refused = await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{api.NoticeId}/execute", new { registrationReference = "x", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "CannotExecute"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));

        await api.IssueRulingAsync(api.RequestId);
        var second = await api.NoticeIdOfAsync(api.RequestId);
        Assert.NotEqual(api.NoticeId, second);
        await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{second}/execute", new { registrationReference = "注销查封2022-77", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Released", (await api.ReleaseRequestAsync(api.RequestId)).GetProperty("stage").GetString());
        Assert.DoesNotContain((await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")), i => i.GetProperty("sourceId").GetString() == api.RequestId);
    }

    [Fact]
    public async Task A_reason_is_required() =>
        Assert.True((await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{await api.NewNoticeAsync(api.CaseId)}/cannot-execute", new { })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
}
