using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class MeetingTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_coordination_meeting_moves_the_next_one_six_months_on()
    {
        var id = await api.SupervisedAsync(16);
        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/meetings", new { on = "2022-04-20", summary = "府院联席会议：明确分期履行计划" }));
        Assert.Equal("2022-10-20", (await api.CaseAsync(id)).GetProperty("nextMeetingDueOn").GetString());
    }

    [Fact]
    public async Task The_supervision_office_has_a_task_to_hold_the_meeting_due_when_the_period_since_supervision_began_ends()
    {
        var id = await api.SupervisedAsync(38);
        var due = (await api.CaseAsync(id)).GetProperty("nextMeetingDueOn").GetString();

        var task = Assert.Single(await MeetingTasksAsync("supervisor", id));
        Assert.Equal((due, false), (LastDay(task), task.GetProperty("overdue").GetBoolean()));
        Assert.Empty(await MeetingTasksAsync("town", id));
    }

    [Fact]
    public async Task Holding_the_meeting_moves_the_offices_task_and_performance_closes_it()
    {
        var id = await api.SupervisedAsync(39);
        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/meetings", new { on = "2022-04-20", summary = "府院联席会议" }));
        Assert.Equal("2022-10-20", LastDay(Assert.Single(await MeetingTasksAsync("supervisor", id))));

        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/performances", new { kind = "payment", amount = 1_000_000m, on = "2022-04-22" }));
        Assert.Empty(await MeetingTasksAsync("supervisor", id));
    }

    /// <summary>The caller's inbox tasks for the case that ask for the coordination meeting (the transition's title in the definition).</summary>
    private async Task<List<JsonElement>> MeetingTasksAsync(string user, string id)
    {
        var number = (await api.CaseAsync(id)).GetProperty("caseNumber").GetString()!;
        var tasks = await Ok(await (await api.As(user)).GetAsync("/api/tasks?limit=50&q=" + Uri.EscapeDataString(number)));
        return [.. tasks.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("streamId").GetString() == "government-debt-case-" + id && t.GetProperty("stateTitle").GetProperty("zh").GetString() == "召开协调会")];
    }

    private static string LastDay(JsonElement task) =>
        DateOnly.FromDateTime(task.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).AddTicks(-1).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_debtor_unit_may_not_record_a_coordination_meeting()
    {
        var id = await api.SupervisedAsync(610);
        var due = (await api.CaseAsync(id)).GetProperty("nextMeetingDueOn").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("town")).PostJsonAsync(CasePath(id) + "/meetings", new { summary = "府院联席会议" })).StatusCode);
        Assert.Equal(due, (await api.CaseAsync(id)).GetProperty("nextMeetingDueOn").GetString());
    }

    [Fact]
    public async Task A_meeting_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("supervisor")).PostJsonAsync(CasePath(UnknownCase) + "/meetings", new { summary = "府院联席会议" })).StatusCode);

    [Fact]
    public async Task A_meeting_without_a_summary_is_refused_on_summary_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("supervisor"), CasePath(await api.SupervisedAsync(611)) + "/meetings", new { on = "2022-04-20" }, "summary");

    [Fact]
    public async Task A_meeting_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.SupervisedAsync(612);
        var supervisor = await api.As("supervisor");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await supervisor.PostJsonAsync(CasePath(id) + "/meetings", new { on = "2022-04-20", summary = "府院联席会议" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
