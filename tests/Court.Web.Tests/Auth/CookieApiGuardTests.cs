using System.Net;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Auth;

/// <summary>Cross-site request forgery on the API: the staff cookie alone cannot write; bearer tokens and page scripts with the anti-forgery token can.</summary>
public sealed class CookieApiGuardTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    private const string AcknowledgeUnknownNotice = "/api/notices/no-such-notice/acknowledge";

    [Fact]
    public async Task A_cross_site_form_post_riding_on_the_staff_cookie_is_refused_before_it_reaches_the_command()
    {
        using var browser = await SignedInBrowserAsync("nrb");

        using var forged = await browser.PostAsync(new Uri(AcknowledgeUnknownNotice, UriKind.Relative), new FormUrlEncodedContent([]));
        using var forgedJson = await browser.PostAsync(new Uri(AcknowledgeUnknownNotice, UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forgedJson.StatusCode);
    }

    [Fact]
    public async Task The_cookie_with_the_page_anti_forgery_token_passes_and_reads_need_no_token()
    {
        using var browser = await SignedInBrowserAsync("nrb");
        var token = await CookieSignIn.PageTokenAsync(browser, "/");

        using var request = new HttpRequestMessage(HttpMethod.Post, AcknowledgeUnknownNotice);
        request.Headers.Add("X-CSRF-TOKEN", token);
        using var withToken = await browser.SendAsync(request);
        using var read = await browser.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        // Past the guard: the command itself answers that there is no such notice.
        Assert.Equal(HttpStatusCode.NotFound, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_needs_no_anti_forgery_token()
    {
        using var system = await app.CreateClientAs("nrb");

        using var response = await system.PostAsync(new Uri(AcknowledgeUnknownNotice, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string userName)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await CookieSignIn.PostLoginAsync(browser, userName);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
