using System.Net;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Auth;

public sealed class AntiforgeryTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = "Court!2022" });
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("court.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_same_post_with_the_page_token_signs_in()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_sign_out_post_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var signedIn = await SignInAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client) => CookieSignIn.PostLoginAsync(client, "clerk");
}
