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

    [Fact]
    public async Task The_register_shows_fifty_newest_first_and_a_next_link_that_leads_to_older_ones()
    {
        for (var i = 0; i < 51; i++)
        {
            await api.IssueNoticeAsync();
        }

        var clerk = await api.As("clerk");
        var first = WebUtility.HtmlDecode(await (await clerk.GetAsync("/Documents")).Content.ReadAsStringAsync());
        var link = System.Text.RegularExpressions.Regex.Match(first, "data-testid=\"documents-next\" href=\"([^\"]+)\"");
        Assert.True(link.Success, "the first page has a next link");
        var second = WebUtility.HtmlDecode(await (await clerk.GetAsync(link.Groups[1].Value)).Content.ReadAsStringAsync());
        var refused = WebUtility.HtmlDecode(await (await clerk.GetAsync("/Documents?after=bm90LWEtY3Vyc29y")).Content.ReadAsStringAsync());

        var numbers = (string html) => System.Text.RegularExpressions.Regex.Matches(html, "href=\"/documents/[^\"]+\" target=\"_blank\" rel=\"noopener\">([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(50, numbers(first).Count);
        Assert.NotEmpty(numbers(second));
        Assert.Empty(numbers(second).Intersect(numbers(first)));
        Assert.Contains("翻页标记无效", refused, StringComparison.Ordinal);
    }
}
