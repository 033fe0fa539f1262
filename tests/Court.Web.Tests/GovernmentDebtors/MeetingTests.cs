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
}
