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

        var item = (await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")).Single(i => i.GetProperty("id").GetString() == itemId);
        Assert.Equal("会议议定：区规划和自然资源局于五个工作日内签收并办理。", item.GetProperty("decisions")[0].GetProperty("minutes").GetString());
        var action = item.GetProperty("actions")[0];
        Assert.Equal((Agencies.NaturalResources.Code, false), (action.GetProperty("owner").GetString(), action.GetProperty("completed").GetBoolean()));

        await (await (await api.AsClerk()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/actions/{action.GetProperty("actionId").GetString()}/complete", new { note = "已签收" })).ReadJsonAsync(HttpStatusCode.OK);
        var done = (await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")).Single(i => i.GetProperty("id").GetString() == itemId);
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
    public async Task The_agenda_comes_a_page_at_a_time_each_item_once_and_the_last_page_has_no_cursor()
    {
        await api.OverdueAgendaItemAsync(api.CaseId);
        await api.OverdueAgendaItemAsync(api.CaseId);
        var judge = await api.AsJudge();

        var seen = new List<string?>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = await judge.GetJsonAsync("/api/joint-meeting/agenda?limit=1" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
            Assert.Equal(1, page.GetProperty("items").GetArrayLength());
            Assert.Equal(page.GetProperty("hasMore").GetBoolean(), page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.String);
            Assert.True(page.GetProperty("figures").GetProperty("overdueNotices").GetInt32() >= 2, "the figures count the court, not the page");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            next = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("next").GetString() : null;
            pages++;
        }
        while (next is not null);

        var all = (await judge.GetItemsAsync("/api/joint-meeting/agenda")).Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(all, seen);
        Assert.True(pages >= 2);
    }

    [Theory]
    [InlineData("limit=0", "zh", "limit", "每页条数须在 1 至 200 之间")]
    [InlineData("after=bm90LWEtY3Vyc29y", "en", "after", "after is not a cursor of this list")]
    [InlineData("sort=party", "en", "sort", "use one of agenda, placed")]
    public async Task A_bad_page_of_the_agenda_is_a_400_naming_the_parameter(string query, string language, string field, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/joint-meeting/agenda?" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await (await api.AsJudge()).SendAsync(request);

        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agencies_do_not_read_the_meetings_agenda() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsBureau()).GetAsync("/api/joint-meeting/agenda")).StatusCode);
}
