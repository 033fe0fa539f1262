using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>POST /api/documents/{number}/execute.</summary>
public sealed class MarkDocumentExecutedTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task The_addressee_marks_it_executed_with_its_registration_reference()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("nrb")).PostJsonAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/execute", new { reference = "不动产登记第88号" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        var body = await response.JsonAsync();
        Assert.Equal("Executed", body.GetProperty("status").GetString());
        Assert.Equal("nrb", body.GetProperty("lastChange").GetProperty("by").GetString());
        Assert.Equal("不动产登记第88号", body.GetProperty("lastChange").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Marking_it_executed_twice_changes_nothing()
    {
        var document = await api.IssueNoticeAsync();
        var nrb = await api.As("nrb");
        var path = $"/api/documents/{DocumentsApi.PathOf(document.Number)}/execute";

        await nrb.PostJsonAsync(path, new { reference = "第1号" });
        var again = await nrb.PostJsonAsync(path, new { reference = "第2号" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"0\"", again.Headers.ETag?.Tag);
        Assert.Equal("第1号", (await again.JsonAsync()).GetProperty("lastChange").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_stale_if_match_is_412()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("nrb")).PostJsonAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/execute", new { reference = "x" }, ifMatch: "\"3\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Another_agency_gets_404_and_a_revoked_document_gets_409()
    {
        var document = await api.IssueNoticeAsync();
        var path = $"/api/documents/{DocumentsApi.PathOf(document.Number)}";

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("psb")).PostJsonAsync(path + "/execute", new { reference = "x" })).StatusCode);

        await (await api.As("judge")).PostJsonAsync(path + "/revoke", new { reason = "撤销" });
        var response = await (await api.As("nrb")).PostJsonAsync(path + "/execute", new { reference = "x" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("documents.revoked", (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
