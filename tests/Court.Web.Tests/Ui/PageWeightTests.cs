using System.Net;
using System.Text.RegularExpressions;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Court.Web.Tests.Ui;

/// <summary>
/// A cold visit downloads little: static files come compressed under versioned URLs cached for a year, pages are
/// compressed on the fly, and the diagram script is named only where a diagram is (decision 0150).
/// </summary>
public sealed partial class PageWeightTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task The_diagram_script_comes_gzipped_under_a_versioned_url_cached_for_a_year()
    {
        var browser = await SignedInAsync("judge");
        var page = await browser.GetStringAsync(new Uri("/Workflows", UriKind.Relative));
        var script = DiagramScript().Match(page);
        Assert.True(script.Success, "The workflows page names no diagram script.");
        Assert.NotEqual("/lib/mermaid/mermaid.min.js", script.Groups[1].Value);

        using var request = new HttpRequestMessage(HttpMethod.Get, script.Groups[1].Value);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var length = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.InRange(length, 100_000, 2_500_000); // 5.5 MB uncompressed
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_needs_no_sign_in_and_a_page_without_a_diagram_names_no_diagram_script()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = await anonymous.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var stylesheet = Stylesheet().Match(login);
        Assert.True(stylesheet.Success, "The sign-in page links no stylesheet.");

        using var css = await anonymous.GetAsync(new Uri(WebUtility.HtmlDecode(stylesheet.Groups[1].Value), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("mermaid", login, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_is_compressed_for_a_browser_that_accepts_it(string encoding)
    {
        var browser = await SignedInAsync("clerk");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var browser = app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        using var signedIn = await CookieSignIn.PostLoginAsync(browser, userName);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [GeneratedRegex("data-mermaid=\"([^\"]+)\"")]
    private static partial Regex DiagramScript();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
