using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Court.Application.Demo;
using Court.Web.Tests.Host;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Auth;

/// <summary>Behind a trusted proxy, so each test picks its clients' addresses; tighter per-address and per-account limits than the defaults.</summary>
public sealed class SignInHost : HostWithClientAddress
{
    protected override IPAddress Connection => ProxyAddress;

    protected override string? TrustedProxy => ProxyAddress.ToString();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Court:Auth:MaxFailuresPerClient"] = "8",
        ["Court:Auth:MaxFailuresPerAccount"] = "12",
    };
}

public sealed class SignInThrottlingTests(SignInHost app) : IClassFixture<SignInHost>
{
    [Fact]
    public async Task Five_wrong_guesses_from_one_address_make_only_that_address_wait_so_the_owner_still_signs_in()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("bank", "guess-" + i, "203.0.113.10")).StatusCode);
        }

        using var attackerWithRightPassword = await TokenAsync("bank", DemoUsers.Password, "203.0.113.10");
        using var owner = await TokenAsync("bank", DemoUsers.Password, "198.51.100.10");

        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWithRightPassword.StatusCode);
        Assert.Equal("application/problem+json", attackerWithRightPassword.Content.Headers.ContentType?.MediaType);
        Assert.InRange(attackerWithRightPassword.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 15 * 60);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task One_address_guessing_at_many_accounts_must_wait_and_others_are_unaffected()
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("nobody-" + i, "guess", "203.0.113.20")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync("market", DemoUsers.Password, "203.0.113.20")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("market", DemoUsers.Password, "198.51.100.20")).StatusCode);
    }

    [Fact]
    public async Task Guesses_at_one_account_from_many_addresses_throttle_that_account_until_the_window_passes()
    {
        for (var address = 0; address < 3; address++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("psb", "guess-" + i, $"203.0.113.{30 + address}")).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync("psb", DemoUsers.Password, "198.51.100.30")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("psb", DemoUsers.Password, "198.51.100.30")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_makes_a_guessing_browser_wait_in_chinese_and_lets_the_owner_in_elsewhere()
    {
        using var attacker = Browser("203.0.113.40");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await CookieSignIn.PostLoginAsync(attacker, "judge", "guess-" + i);
            Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var refused = await CookieSignIn.PostLoginAsync(attacker, "judge");
        using var owner = Browser("198.51.100.40");
        using var signedIn = await CookieSignIn.PostLoginAsync(owner, "judge");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录失败次数过多，请15分钟后再试", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_takes_about_as_long_to_refuse_as_a_known_user_with_a_wrong_password()
    {
        // Warm up both paths (first hashing, first query), then compare medians of several attempts, each from its own address.
        await TokenAsync("clerk", "warm-up", "192.0.2.200");
        await TokenAsync("no-such-user", "warm-up", "192.0.2.201");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await TimeAsync("clerk", $"192.0.2.{i}"));
            unknown.Add(await TimeAsync("no-such-user-" + i, $"192.0.2.{100 + i}"));
        }

        var ratio = Median(known) / Median(unknown);
        Assert.InRange(ratio, 1 / 3.0, 3.0);
    }

    private async Task<double> TimeAsync(string userName, string address)
    {
        var watch = Stopwatch.StartNew();
        using var response = await TokenAsync(userName, "wrong-password", address);
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string address)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = userName, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return await client.SendAsync(request);
    }

    private HttpClient Browser(string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
