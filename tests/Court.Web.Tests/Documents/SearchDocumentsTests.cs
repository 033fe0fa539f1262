using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>GET /Documents: the register page.</summary>
public sealed class SearchDocumentsTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task A_clerk_finds_a_document_by_its_number_typed_loosely()
    {
        var document = await api.IssueNoticeAsync();
        var typed = document.Number.Replace('〔', '(').Replace('〕', ')').Replace("第", "", StringComparison.Ordinal);

        var response = await (await api.As("clerk")).GetAsync($"/Documents?q={Uri.EscapeDataString(typed)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("法律文书", html, StringComparison.Ordinal);
        Assert.Contains(document.Number, html, StringComparison.Ordinal);
        Assert.Contains($"/api/documents/{Uri.EscapeDataString(document.Number)}/document.pdf", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_sees_only_what_is_addressed_to_it()
    {
        var document = await api.IssueNoticeAsync();

        var forNrb = WebUtility.HtmlDecode(await (await (await api.As("nrb")).GetAsync("/Documents")).Content.ReadAsStringAsync());
        var forPsb = WebUtility.HtmlDecode(await (await (await api.As("psb")).GetAsync("/Documents")).Content.ReadAsStringAsync());

        Assert.Contains(document.Number, forNrb, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Number, forPsb, StringComparison.Ordinal);
        Assert.Contains("暂无文书", forPsb, StringComparison.Ordinal);
    }
}
