using System.Net;
using Court.Infrastructure.Persistence;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Auth;

/// <summary>Locking an account takes effect on the sign-ins already handed out, within a minute.</summary>
public sealed class LockedAccountTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task A_locked_out_users_bearer_token_stops_working_within_a_minute()
    {
        using var system = await app.CreateClientAs("bank");
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        await LockAsync("bank");
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        using var refused = await system.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_out_users_cookie_stops_working_within_a_minute()
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var signedIn = await CookieSignIn.PostLoginAsync(browser, "market"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        await LockAsync("market");
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        using var page = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_locked_out_user_gets_no_new_token()
    {
        await LockAsync("psb");

        using var client = app.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { username = "psb", password = Court.Application.Demo.DemoUsers.Password }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task LockAsync(string userName) => app.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<CourtUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        Assert.True(result.Succeeded);
    });
}
