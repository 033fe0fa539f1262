using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>A repeated request with the same Idempotency-Key writes one set of events and gets the first answer back.</summary>
public sealed class IdempotencyTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    [Fact]
    public async Task Filing_a_release_request_twice_with_one_key_files_it_once()
    {
        var (asset, seizure) = await api.NewSeizedBuildingAsync(api.CaseId);
        var admin = await api.AsAdministrator();
        var body = new { assetId = asset, seizureIds = new[] { seizure }, reasons = "企业破产法第十九条" };
        var before = await api.CountEventsAsync();

        var first = await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", body, idempotencyKey: "release-" + asset);
        var written = await api.CountEventsAsync() - before;
        var second = await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", body, idempotencyKey: "release-" + asset);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString(), (await second.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString());
        Assert.Equal(before + written, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Executing_a_notice_twice_with_one_key_executes_it_once()
    {
        var noticeId = await api.NewNoticeAsync(api.CaseId);
        var bureau = await api.AsBureau();
        var body = new { registrationReference = "注销查封2022-3", executedOn = api.Today() };

        var first = await bureau.PostJsonAsync($"/api/notices/{noticeId}/execute", body, idempotencyKey: "exec-" + noticeId);
        var after = await api.CountEventsAsync();
        var second = await bureau.PostJsonAsync($"/api/notices/{noticeId}/execute", body, idempotencyKey: "exec-" + noticeId);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(after, await api.CountEventsAsync());
        var timeline = (await (await api.AsJudge()).GetJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline")).GetProperty("entries").EnumerateArray();
        Assert.Single(timeline, e => e.GetProperty("streamId").GetString() == $"notice-{noticeId}" && e.GetProperty("type").GetString() == "bankruptcy.notice-executed.v1");
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422()
    {
        var admin = await api.AsAdministrator();
        await admin.PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure("国家税务总局重庆市江津区税务局", "渝江税封〔2021〕31号", "Queued"), idempotencyKey: "seizure-31");

        var response = await admin.PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure("国家税务总局重庆市江津区税务局", "渝江税封〔2021〕32号", "Queued"), idempotencyKey: "seizure-31");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
