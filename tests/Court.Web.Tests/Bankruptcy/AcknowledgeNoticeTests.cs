using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/notices/{id}/acknowledge on a notice delivered to the bureau.</summary>
public sealed class AcknowledgeNoticeTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_bureau_acknowledges_and_the_execution_period_of_15_working_days_starts()
    {
        var bureau = await api.AsBureau();
        var response = await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/acknowledge", new { });

        var version = (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64();
        var notice = (await bureau.GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice");
        Assert.Equal(("Acknowledged", "nrb"), (notice.GetProperty("status").GetString(), notice.GetProperty("acknowledgedBy").GetString()));

        // Saturday 23 April 2022: 24 April (a Sunday) is a working day by the State Council's adjustment; the 15th working day is 16 May.
        Assert.Equal("2022-05-16", notice.GetProperty("executeBy").GetString());
        Assert.Equal(new DateTimeOffset(2022, 5, 17, 0, 0, 0, TimeSpan.FromHours(8)), notice.GetProperty("dueAt").GetDateTimeOffset());

        var again = await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/acknowledge", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(version, again.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_judge_sees_the_notice_but_may_not_acknowledge_it()
    {
        var noticeId = await api.NewNoticeAsync(api.CaseId);

        await (await api.AsJudge()).GetJsonAsync($"/api/notices/{noticeId}");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsJudge()).PostJsonAsync($"/api/notices/{noticeId}/acknowledge", new { })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_notice_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBureau()).PostJsonAsync("/api/notices/no-such-notice/acknowledge", new { })).StatusCode);
}
