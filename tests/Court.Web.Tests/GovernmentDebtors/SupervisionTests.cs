using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class SupervisionTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_supervision_office_starts_supervision_with_a_letter_a_day_to_perform_by_and_a_meeting_due()
    {
        var id = await api.PushedAsync(13);
        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-06-30", on = "2022-04-01" }));

        var detail = await api.CaseAsync(id, "supervisor");
        Assert.Equal(("Supervised", "2022-06-30", "2022-10-08"), (detail.GetProperty("state").GetString(), detail.GetProperty("performBy").GetString(), detail.GetProperty("nextMeetingDueOn").GetString()));
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "SupervisionLetter");
        Assert.Equal("2022-04-01", detail.GetProperty("reports")[0].GetProperty("month").GetString());
    }

    [Fact]
    public async Task A_day_to_perform_by_is_required()
    {
        var id = await api.PushedAsync(12);
        var problem = await Problem(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/supervision", new { }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("performBy", out _));
    }
}
