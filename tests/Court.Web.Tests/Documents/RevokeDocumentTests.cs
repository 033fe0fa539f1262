using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>POST /api/documents/{number}/revoke.</summary>
public sealed class RevokeDocumentTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task A_judge_revokes_with_a_reason()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("judge")).PostJsonAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/revoke", new { reason = "原裁定已撤销" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Revoked", body.GetProperty("status").GetString());
        Assert.Equal("judge", body.GetProperty("lastChange").GetProperty("by").GetString());
    }

    [Fact]
    public async Task A_clerk_or_the_addressee_may_not_revoke()
    {
        var document = await api.IssueNoticeAsync();
        var path = $"/api/documents/{DocumentsApi.PathOf(document.Number)}/revoke";

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(path, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("nrb")).PostJsonAsync(path, new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Revoking_without_a_reason_is_400()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("judge")).PostJsonAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/revoke", new { reason = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
    }
}
