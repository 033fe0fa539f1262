using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>Deadlines run on fake time: the workflow timers escalate a release and put overdue notices on the joint meeting's agenda.</summary>
public sealed class OverdueEscalationTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    [Fact]
    public async Task Letters_then_superiors_then_the_ruling_fall_due_exactly_when_their_deadlines_pass_and_not_before()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");
        var approved = await api.ReleaseRequestAsync(requestId);
        var due = approved.GetProperty("dueAt").GetDateTimeOffset();

        // An hour before the deadline nothing happens.
        api.Clock.SetUtcNow(due.AddHours(-1));
        await api.RunTimersAsync();
        Assert.Equal("AwaitingSeizingBodies", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());

        await api.PassAsync(due);
        var escalated = await api.ReleaseRequestAsync(requestId);
        Assert.Equal("AwaitingSuperiors", escalated.GetProperty("stage").GetString());
        var superiorLetters = escalated.GetProperty("letters").EnumerateArray().Where(l => l.GetProperty("recipient").GetString() == "Superior").ToList();
        Assert.Equal("重庆市第五中级人民法院", Assert.Single(superiorLetters).GetProperty("addressee").GetString());
        var documents = (await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}")).GetProperty("documents");
        Assert.Contains(documents.EnumerateArray(), d => d.GetProperty("title").GetString() == "督促函");

        // Running the timers again fires nothing twice.
        Assert.Equal(0, await api.RunTimersAsync());

        await api.PassAsync(escalated.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("RulingDue", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());
        var item = Assert.Single((await (await api.AsSupervisor()).GetItemsAsync("/api/joint-meeting/agenda")), i => i.GetProperty("sourceId").GetString() == requestId);
        Assert.Equal(("SeizingBodyIgnoredLetters", "重庆市江津区人民法院"), (item.GetProperty("reason").GetString(), item.GetProperty("party").GetString()));
        Assert.Contains(await (await api.AsJudge()).GetItemsAsync("/api/release-requests"), r => r.GetProperty("id").GetString() == requestId);
    }

    [Fact]
    public async Task An_unacknowledged_then_unexecuted_notice_goes_on_the_agenda_and_leaves_it_when_executed()
    {
        var noticeId = await api.NewNoticeAsync(api.CaseId);
        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice");

        await api.PassAsync(notice.GetProperty("dueAt").GetDateTimeOffset());

        var late = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}"));
        Assert.Equal(("AcknowledgementOverdue", true), (late.GetProperty("notice").GetProperty("workflowState").GetString(), late.GetProperty("overdue").GetBoolean()));
        var inbox = (await (await api.AsBureau()).GetItemsAsync("/api/notices")).ToList();
        Assert.Equal(noticeId, inbox[0].GetProperty("id").GetString());
        var agenda = await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda");
        Assert.Contains(agenda.GetProperty("items").EnumerateArray(), i => i.GetProperty("sourceId").GetString() == noticeId && i.GetProperty("reason").GetString() == "NoticeNotAcknowledged");
        Assert.True(agenda.GetProperty("figures").GetProperty("overdueNoticesByAgency").GetProperty("nrb-jiangjin").GetInt32() >= 1);

        // Acknowledged late: 15 working days from then; past them too, the execution is overdue.
        await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{noticeId}/acknowledge", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var acknowledged = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice");
        await api.PassAsync(acknowledged.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("ExecutionOverdue", (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice").GetProperty("workflowState").GetString());
        Assert.Contains((await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")), i => i.GetProperty("sourceId").GetString() == noticeId && i.GetProperty("reason").GetString() == "NoticeNotExecuted");

        await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{noticeId}/execute", new { registrationReference = "注销查封2022-5", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain((await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")), i => i.GetProperty("sourceId").GetString() == noticeId);
    }
}
