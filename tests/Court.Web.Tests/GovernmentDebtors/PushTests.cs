using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class PushTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_push_issues_the_push_letter_and_no_measure_comes_before_its_period_has_run()
    {
        var id = await api.OpenAsync(11);
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/push", new { }));

        var detail = await api.CaseAsync(id);
        Assert.Equal("Pushed", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "PushLetter");
        var earliest = detail.GetProperty("earliestMeasureOn").GetString()!;
        Assert.True(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture) > api.Today);

        var refused = await Problem(await judge.PostJsonAsync(CasePath(id) + "/measures", new { measure = "冻结银行存款" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.push-period-running", refused.GetProperty("code").GetString());
        Assert.Contains(earliest, refused.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_pushed_case_is_a_task_in_the_supervision_offices_inbox_and_in_no_other_agencys()
    {
        var id = await api.PushedAsync(40);

        var inbox = await Ok(await (await api.As("supervisor")).GetAsync("/api/tasks?limit=50&q=" + Uri.EscapeDataString("(2022)渝0116执40号")));
        var task = Assert.Single(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("streamId").GetString() == "government-debt-case-" + id);
        Assert.Equal("Pushed", task.GetProperty("state").GetString());
        var other = await Ok(await (await api.As("bank")).GetAsync("/api/tasks?limit=50&q=" + Uri.EscapeDataString("(2022)渝0116执40号")));
        Assert.Empty(other.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_clerk_may_not_push_a_case()
    {
        var id = await api.OpenAsync(550);
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/push", new { })).StatusCode);
        Assert.Equal("Noticed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_push_of_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/push", new { })).StatusCode);

    [Fact]
    public async Task A_push_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.OpenAsync(551);
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/push", new { }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}

/// <summary>Friday 29 April 2022, the eve of the Labour Day holiday (30 April – 4 May; Saturday 7 May is a working day).</summary>
public sealed class BeforeLabourDay : GovernmentDebtApi
{
    protected override async Task GivenAsync()
    {
        Clock.SetUtcNow(new DateTimeOffset(2022, 4, 29, 2, 0, 0, TimeSpan.Zero));
        await Task.CompletedTask;
    }
}

public sealed class PushPeriodAcrossAHolidayTests(BeforeLabourDay api) : IClassFixture<BeforeLabourDay>
{
    [Fact]
    public async Task Five_working_days_from_the_eve_of_the_holiday_end_on_10_May_and_the_listing_waits_for_it()
    {
        var id = await api.OpenAsync(50, openedOn: "2022-04-20");
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/push", new { }));
        Assert.Equal("2022-05-10", (await api.CaseAsync(id)).GetProperty("earliestMeasureOn").GetString());
        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-05-06" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/party-committee-report", new { partyCommittee = "中共重庆市江津区委员会", government = "重庆市江津区人民政府" }));

        api.Clock.SetUtcNow(new DateTimeOffset(2022, 5, 9, 2, 0, 0, TimeSpan.Zero));
        judge = await api.As("judge");
        var early = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.push-period-running", early.GetProperty("code").GetString());

        api.Clock.SetUtcNow(new DateTimeOffset(2022, 5, 10, 2, 0, 0, TimeSpan.Zero));
        judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }));
        Assert.Equal("Listed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }
}
