using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/release-requests/{id}/approve on requests waiting for the judge.</summary>
public sealed class ApproveReleaseTests(ApiWithRequestedRelease api) : IClassFixture<ApiWithRequestedRelease>
{
    [Fact]
    public async Task Approving_sends_a_letter_with_a_deadline_to_each_seizing_body()
    {
        var response = await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/approve", new { note = "同意" });

        var version = (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64();
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.Tag);
        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{api.RequestId}");
        var request = details.GetProperty("request");
        Assert.Equal(("AwaitingSeizingBodies", "judge"), (request.GetProperty("stage").GetString(), request.GetProperty("decidedBy").GetString()));

        // 15 calendar days from Saturday 23 April 2022 end on Sunday 8 May; a period ending on a day off ends on the next working day.
        Assert.All(request.GetProperty("letters").EnumerateArray(), l => Assert.Equal("2022-05-09", l.GetProperty("dueOn").GetString()));
        Assert.Equal(new DateTimeOffset(2022, 5, 10, 0, 0, 0, TimeSpan.FromHours(8)), request.GetProperty("dueAt").GetDateTimeOffset());
        var letters = details.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("title").GetString() == "商请解除查封函").Select(d => d.GetProperty("addressee").GetString()).Order().ToList();
        Assert.Equal(["国家税务总局重庆市江津区税务局", "重庆市江津区人民法院"], letters);
        Assert.Contains("ApproveRelease", (await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{(await api.NewRequestAsync(api.CaseId)).RequestId}")).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Approving again changes nothing.
        var again = await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/approve", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(version, again.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Two_judges_approving_at_once_with_the_same_etag_one_wins_the_other_gets_412()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);
        var etag = (await (await api.AsJudge()).GetAsync($"/api/release-requests/{requestId}")).Headers.ETag!.Tag;
        var first = await api.AsJudge();
        var second = await api.AsJudge(BankruptcyApi.SecondJudge);
        var before = await api.CountEventsAsync();

        var responses = await Task.WhenAll(
            first.PostJsonAsync($"/api/release-requests/{requestId}/approve", new { note = "甲" }, ifMatch: etag),
            second.PostJsonAsync($"/api/release-requests/{requestId}/approve", new { note = "乙" }, ifMatch: etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var timeline = (await (await api.AsJudge()).GetJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline")).GetProperty("entries").EnumerateArray();
        Assert.Single(timeline, e => e.GetProperty("streamId").GetString() == $"release-request-{requestId}" && e.GetProperty("type").GetString() == "bankruptcy.release-approved.v1");
        Assert.True(await api.CountEventsAsync() > before);
    }

    [Fact]
    public async Task Two_judges_approving_at_once_without_an_etag_write_one_approval()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);
        var first = await api.AsJudge();
        var second = await api.AsJudge(BankruptcyApi.SecondJudge);

        var responses = await Task.WhenAll(
            first.PostJsonAsync($"/api/release-requests/{requestId}/approve", new { note = "甲" }),
            second.PostJsonAsync($"/api/release-requests/{requestId}/approve", new { note = "乙" }));

        // Whoever comes second either finds it approved (nothing to do) or collides on the append (409).
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var timeline = (await (await api.AsJudge()).GetJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline")).GetProperty("entries").EnumerateArray();
        Assert.Single(timeline, e => e.GetProperty("streamId").GetString() == $"release-request-{requestId}" && e.GetProperty("type").GetString() == "bankruptcy.release-approved.v1");
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_and_changes_nothing()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        var response = await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/approve", new { }, ifMatch: "\"0\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("Requested", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task The_administrator_may_not_approve_and_an_agency_does_not_see_the_request()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsAdministrator()).PostJsonAsync($"/api/release-requests/{requestId}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBureau()).PostJsonAsync($"/api/release-requests/{requestId}/approve", new { })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_request_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsJudge()).PostJsonAsync("/api/release-requests/nope/approve", new { })).StatusCode);
}
