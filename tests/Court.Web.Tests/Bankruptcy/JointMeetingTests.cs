using System.Net;
using Court.Domain.Common;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/joint-meeting/agenda/{itemId}/decision and …/actions/{actionId}/complete, on an overdue notice's agenda item.</summary>
public sealed class JointMeetingTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_minutes_record_the_decision_with_actions_and_an_owner_reports_an_action_done()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);
        var today = api.Today();

        await (await (await api.AsSupervisor()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/decision", new
        {
            meetingOn = today,
            minutes = "会议议定：区规划和自然资源局于五个工作日内签收并办理。",
            actions = new[] { new { owner = Agencies.NaturalResources.Code, description = "签收并办理注销查封登记", dueOn = today } },
        })).ReadJsonAsync(HttpStatusCode.OK);

        var item = (await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == itemId);
        Assert.Equal("会议议定：区规划和自然资源局于五个工作日内签收并办理。", item.GetProperty("decisions")[0].GetProperty("minutes").GetString());
        var action = item.GetProperty("actions")[0];
        Assert.Equal((Agencies.NaturalResources.Code, false), (action.GetProperty("owner").GetString(), action.GetProperty("completed").GetBoolean()));

        await (await (await api.AsClerk()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/actions/{action.GetProperty("actionId").GetString()}/complete", new { note = "已签收" })).ReadJsonAsync(HttpStatusCode.OK);
        var done = (await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == itemId);
        Assert.True(done.GetProperty("actions")[0].GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Minutes_of_a_meeting_not_yet_held_are_refused()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);

        var response = await (await api.AsJudge()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/decision", new { meetingOn = "2099-01-01", minutes = "x", actions = Array.Empty<object>() });

        Assert.Equal("agenda.meeting-in-future", (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_action_is_a_404()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsJudge()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/actions/9-9/complete", new { note = "x" })).StatusCode);
    }

    [Fact]
    public async Task Agencies_do_not_read_the_meetings_agenda() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsBureau()).GetAsync("/api/joint-meeting/agenda")).StatusCode);
}
