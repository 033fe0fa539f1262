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

    [Fact]
    public async Task The_clerk_may_not_start_supervision()
    {
        var id = await api.PushedAsync(605);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-06-30" })).StatusCode);
        Assert.Equal("Pushed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Supervision_of_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("supervisor")).PostJsonAsync(CasePath(UnknownCase) + "/supervision", new { performBy = "2022-06-30" })).StatusCode);

    [Fact]
    public async Task Supervision_without_a_day_to_perform_by_is_refused_on_performBy_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("supervisor"), CasePath(await api.PushedAsync(606)) + "/supervision", new { }, "performBy");

    [Fact]
    public async Task Supervision_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.PushedAsync(607);
        var supervisor = await api.As("supervisor");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await supervisor.PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-06-30" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
