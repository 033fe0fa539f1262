using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>GET /verify: the public page the QR code leads to.</summary>
public sealed class VerifyPageTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task The_page_needs_no_sign_in_and_shows_an_empty_form_in_chinese()
    {
        var response = await api.Anonymous().GetAsync("/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("法律文书核验", html, StringComparison.Ordinal);
        Assert.Contains("name=\"number\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verify-result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_qr_codes_url_lands_with_both_fields_filled_and_the_answer_shown()
    {
        var document = await api.IssueNoticeAsync();
        var url = new Uri(Court.Application.Documents.VerificationLinks.For(new Uri("https://court.example.cn/"), document).PathAndQuery, UriKind.Relative);

        var html = WebUtility.HtmlDecode(await (await api.Anonymous().GetAsync(url)).Content.ReadAsStringAsync());

        Assert.Contains("文书真实", html, StringComparison.Ordinal);
        Assert.Contains("有效", html, StringComparison.Ordinal);
        Assert.Contains("重庆市江津区人民法院", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{document.VerificationCode}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("鼎山大道", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_says_not_verified_and_nothing_about_the_document()
    {
        var document = await api.IssueNoticeAsync();

        var html = WebUtility.HtmlDecode(await (await api.Anonymous().GetAsync($"/verify?number={Uri.EscapeDataString(document.Number)}&code=AAAA-AAAA-AAAA-AAAA")).Content.ReadAsStringAsync());

        Assert.Contains("未能核验", html, StringComparison.Ordinal);
        Assert.DoesNotContain("文书真实", html, StringComparison.Ordinal);
        Assert.DoesNotContain("重庆市江津区规划和自然资源局", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_switches_to_english()
    {
        var document = await api.IssueNoticeAsync();

        var html = WebUtility.HtmlDecode(await (await api.Anonymous().GetAsync($"/verify?culture=en&number={Uri.EscapeDataString(document.Number)}&code={document.VerificationCode}")).Content.ReadAsStringAsync());

        Assert.Contains("Verify a court document", html, StringComparison.Ordinal);
        Assert.Contains("Genuine document", html, StringComparison.Ordinal);
        Assert.Contains("In force", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_typed_into_the_form_comes_back_encoded()
    {
        var html = await (await api.Anonymous().GetAsync("/verify?number=%3Cscript%3Ealert(1)%3C%2Fscript%3E&code=x")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("未能核验", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
