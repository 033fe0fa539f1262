using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/notices/{id}/execute on a notice delivered to the bureau.</summary>
public sealed class ExecuteNoticeTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task Executing_releases_the_request_frees_the_asset_and_marks_the_document_executed()
    {
        var bureau = await api.AsBureau();

        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/execute", new { registrationReference = "渝(2022)江津区不动产注销查封第0000088号", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);

        var details = await bureau.GetJsonAsync($"/api/notices/{api.NoticeId}");
        Assert.Equal(("Executed", "Executed"), (details.GetProperty("notice").GetProperty("status").GetString(), details.GetProperty("document").GetProperty("status").GetString()));
        Assert.DoesNotContain(details.GetProperty("actions").EnumerateArray(), a => a.GetString() != "QueryNotice");
        Assert.Equal("Released", (await api.ReleaseRequestAsync(api.RequestId)).GetProperty("stage").GetString());
        var asset = await api.AssetAsync(api.AssetId);
        Assert.Equal("Free", asset.GetProperty("state").GetString());
        Assert.All(asset.GetProperty("seizures").EnumerateArray(), s => Assert.Equal("渝(2022)江津区不动产注销查封第0000088号", s.GetProperty("liftReference").GetString()));

        // Executing again is satisfied (the repeat rule): it records nothing, and the first reference stands.
        var version = (await bureau.GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice").GetProperty("version").GetInt64();
        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/execute", new { registrationReference = "渝(2022)江津区不动产注销查封第0000088号", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/execute", new { registrationReference = "另一个", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        var after = (await bureau.GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice");
        Assert.Equal((version, "渝(2022)江津区不动产注销查封第0000088号"), (after.GetProperty("version").GetInt64(), after.GetProperty("registrationReference").GetString()));
    }

    [Fact]
    public async Task An_execution_dated_in_the_future_is_a_400_and_changes_nothing()
    {
        var noticeId = await api.NewNoticeAsync(api.CaseId);

        var response = await (await api.AsBureau()).PostJsonAsync($"/api/notices/{noticeId}/execute", new { registrationReference = "x", executedOn = "2099-01-01" });

        Assert.Equal("notice.executed-in-future", (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("Delivered", (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_registration_reference_is_required()
    {
        var noticeId = await api.NewNoticeAsync(api.CaseId);

        Assert.True((await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{noticeId}/execute", new { executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("registrationReference", out _));
    }
}
