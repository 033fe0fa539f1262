using System.Net;
using System.Text.Json;
using Court.Application.Common;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>The demo court plus a clerk, a judge and a president of the Fifth Intermediate Court (渝05).</summary>
public sealed class GovernmentDebtApiWithAnotherCourt : GovernmentDebtApi
{
    protected override Task GivenAsync() =>
        AddUsersAsync("渝05", ("clerk-05", Roles.Clerk, "孙丽"), ("judge-05", Roles.Judge, "周明"), ("president-05", Roles.CourtPresident, "吴刚"));
}

/// <summary>
/// A government-debtor case belongs to its court: another court's clerk, judge or president neither lists it, nor reads
/// it, nor acts on it (404: its existence does not leak); the supervision office sees every court's.
/// </summary>
public sealed class CourtScopeTests(GovernmentDebtApiWithAnotherCourt api) : IClassFixture<GovernmentDebtApiWithAnotherCourt>
{
    private async Task<string> OpenIntermediateCaseAsync(int serial)
    {
        var body = JsonSerializer.SerializeToNode(Opening(serial))!.AsObject();
        body["caseNumber"] = $"(2022)渝05执{serial}号";
        body["judgeId"] = "judge-05";
        return (await Ok(await (await api.As("clerk-05")).PostJsonAsync("/api/government-debts/cases", body))).GetProperty("id").GetString()!;
    }

    private async Task<List<string>> DocketAsync(string user) =>
        [.. (await Ok(await (await api.As(user)).GetAsync("/api/government-debts/docket?limit=200"))).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("clerk-05")]
    [InlineData("judge-05")]
    [InlineData("president-05")]
    public async Task Another_courts_staff_neither_list_nor_read_a_case(string user)
    {
        var jiangjin = await api.OpenAsync(8100 + user.Length);

        Assert.DoesNotContain(jiangjin, await DocketAsync(user));
        var client = await api.As(user);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CasePath(jiangjin))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CasePath(jiangjin) + "/history")).StatusCode);
        Assert.Contains(jiangjin, await DocketAsync("judge"));
    }

    [Fact]
    public async Task Another_courts_judge_cannot_act_on_a_case_and_nothing_is_recorded()
    {
        var jiangjin = await api.OpenAsync(8201);
        var before = (await api.CaseAsync(jiangjin)).GetProperty("version").GetInt64();

        var problem = await Problem(await (await api.As("judge-05")).PostJsonAsync(CasePath(jiangjin) + "/enforcement-notice", new { }), HttpStatusCode.NotFound);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, (await api.CaseAsync(jiangjin)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Each_court_lists_its_own_cases_and_the_supervision_office_both()
    {
        var jiangjin = await api.OpenAsync(8301);
        var intermediate = await OpenIntermediateCaseAsync(8302);

        var jiangjinDocket = await DocketAsync("clerk");
        Assert.Contains(jiangjin, jiangjinDocket);
        Assert.DoesNotContain(intermediate, jiangjinDocket);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).GetAsync(CasePath(intermediate))).StatusCode);

        var intermediateDocket = await DocketAsync("judge-05");
        Assert.Contains(intermediate, intermediateDocket);
        Assert.DoesNotContain(jiangjin, intermediateDocket);
        Assert.Equal(HttpStatusCode.OK, (await (await api.As("judge-05")).GetAsync(CasePath(intermediate))).StatusCode);

        var supervisor = await DocketAsync("supervisor");
        Assert.Contains(jiangjin, supervisor);
        Assert.Contains(intermediate, supervisor);
    }
}
