using System.Globalization;
using System.Net;
using System.Text.Json;
using Court.Domain.Common;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// The joint meeting's actions (issue 12): each is given to a real unit (an agency's code), lands in that unit's
/// inbox with its due date and is closed when the unit reports it done; the minutes are linked and readable by those
/// who sat in the meeting and by the units they give actions to; the president may record the decision.
/// </summary>
public sealed class MeetingActionTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    private async Task<JsonElement> DecideAsync(string itemId, HttpClient? by = null, params (string Owner, string Description)[] actions)
    {
        var today = DateOnly.Parse(api.Today(), CultureInfo.InvariantCulture);
        var response = await (by ?? await api.AsSupervisor()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/decision", new
        {
            meetingOn = today,
            minutes = "会议议定：各单位按期办结并报告。",
            actions = actions.Select(a => new { owner = a.Owner, description = a.Description, dueOn = today.AddDays(5) }).ToArray(),
        });
        await response.ReadJsonAsync(HttpStatusCode.OK);
        return (await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")).Single(i => i.GetProperty("id").GetString() == itemId);
    }

    private static async Task<List<JsonElement>> TasksAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/tasks")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task An_owner_that_is_not_an_agency_is_refused_naming_the_field_in_chinese()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);

        var response = await (await api.AsSupervisor()).PostJsonAsync($"/api/joint-meeting/agenda/{itemId}/decision", new
        {
            meetingOn = api.Today(),
            minutes = "x",
            actions = new[] { new { owner = "区规划和自然资源局", description = "签收", dueOn = api.Today() } },
        });

        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        var message = errors.GetProperty("actions[0].owner")[0].GetString()!;
        Assert.Contains("负责单位", message, StringComparison.Ordinal);
        Assert.Contains(Agencies.NaturalResources.Code, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_action_is_a_task_for_its_unit_with_its_due_date_and_only_that_unit_sees_it()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);
        var item = await DecideAsync(itemId, null, (Agencies.NaturalResources.Code, "签收并办理注销查封登记"), (Agencies.VehicleOffice.Code, "出具车辆注销证明"));

        var bureau = (await TasksAsync(await api.AsBureau())).Single(t => t.GetProperty("subject").GetString() == "签收并办理注销查封登记");
        Assert.Equal("联席会议议定事项", bureau.GetProperty("workflowTitle").GetProperty("zh").GetString());
        Assert.Equal(DateOnly.Parse(api.Today(), CultureInfo.InvariantCulture).AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bureau.GetProperty("dueOn").GetString());
        Assert.Equal(item.GetProperty("caseNumber").GetString(), bureau.GetProperty("label").GetString());
        Assert.Contains(await TasksAsync(await api.AsVehicleOffice()), t => t.GetProperty("subject").GetString() == "出具车辆注销证明");
        Assert.DoesNotContain(await TasksAsync(await api.AsVehicleOffice()), t => t.GetProperty("subject").GetString() == "签收并办理注销查封登记");
        Assert.DoesNotContain(await TasksAsync(await api.AsBank()), t => t.GetProperty("streamId").GetString()!.Contains(itemId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_unit_reports_its_action_done_which_closes_its_task_and_another_unit_cannot()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);
        var item = await DecideAsync(itemId, null, (Agencies.NaturalResources.Code, "办理注销查封登记并回执"));
        var actionId = item.GetProperty("actions")[0].GetProperty("actionId").GetString()!;
        var path = $"/api/joint-meeting/agenda/{itemId}/actions/{actionId}/complete";

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsVehicleOffice()).PostJsonAsync(path, new { note = "x" })).StatusCode);
        await (await (await api.AsBureau()).PostJsonAsync(path, new { note = "已办结" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(await TasksAsync(await api.AsBureau()), t => t.GetProperty("subject").GetString() == "办理注销查封登记并回执");
        var done = (await (await api.AsJudge()).GetItemsAsync("/api/joint-meeting/agenda")).Single(i => i.GetProperty("id").GetString() == itemId).GetProperty("actions")[0];
        Assert.Equal((true, "nrb"), (done.GetProperty("completed").GetBoolean(), done.GetProperty("completedBy").GetString()));
    }

    [Fact]
    public async Task The_minutes_are_linked_and_read_by_the_supervision_office_and_the_units_given_actions_but_not_others()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);
        var item = await DecideAsync(itemId, null, (Agencies.NaturalResources.Code, "签收"));
        var number = item.GetProperty("decisions")[0].GetProperty("documentNumber").GetString()!;
        var path = $"/api/documents/{Uri.EscapeDataString(number)}";

        Assert.Equal(HttpStatusCode.OK, (await (await api.AsSupervisor()).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.AsBureau()).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBank()).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_president_chairing_the_meeting_records_its_decision()
    {
        var itemId = await api.OverdueAgendaItemAsync(api.CaseId);

        var item = await DecideAsync(itemId, await api.As("president"), (Agencies.MarketRegulation.Code, "核查企业登记信息"));

        Assert.Equal("president", item.GetProperty("decisions")[0].GetProperty("by").GetString());
    }
}
