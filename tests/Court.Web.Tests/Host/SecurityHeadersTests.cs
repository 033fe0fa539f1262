using System.Net;
using System.Text.RegularExpressions;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Host;

/// <summary>The headers every answer carries against framing, sniffing, caching and leaking, on the pages, the API, files and errors.</summary>
public sealed partial class SecurityHeadersTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    private static readonly string[] SignedInPages =
    [
        "/", "/Bankruptcy", "/Bankruptcy/Requests", "/Bankruptcy/Inbox", "/Bankruptcy/JointMeeting", "/Documents", "/Fees", "/Workflows", "/SmallClaims/Docket",
    ];

    [Fact]
    public async Task Every_signed_in_page_forbids_framing_and_inline_script_and_is_not_stored()
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var signedIn = await CookieSignIn.PostLoginAsync(browser, "judge"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        foreach (var path in SignedInPages)
        {
            using var page = await browser.GetAsync(new Uri(path, UriKind.Relative));

            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path}: {page.StatusCode}");
            AssertHardened(page, path);
            Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            var html = await page.Content.ReadAsStringAsync();
            Assert.All(ScriptTags().Matches(html), tag => Assert.Contains(" src=", tag.Value, StringComparison.Ordinal));
            Assert.DoesNotMatch(InlineHandler(), html);
        }
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/bankruptcy-cases")]
    [InlineData("/css/site.css")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_answers_pages_errors_and_files_carry_the_same_headers(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        AssertHardened(response, path);
    }

    [Fact]
    public async Task Authenticated_api_answers_and_csv_downloads_are_never_stored_but_public_files_may_be()
    {
        using var officer = await app.CreateClientAs("nrb");

        using var me = await officer.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        using var csv = await officer.GetAsync(new Uri("/api/notices?format=csv", UriKind.Relative));
        using var anonymous = app.CreateClient();
        using var stylesheet = await anonymous.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True(me.Headers.CacheControl?.NoStore);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.True(csv.Headers.CacheControl?.NoStore);
        Assert.NotEqual(true, stylesheet.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Over_https_the_answer_asks_for_https_from_now_on_and_every_cookie_is_secure()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://court.example/"), AllowAutoRedirect = false, HandleCookies = false });

        using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.StartsWith("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_header()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://court.example/") });

        using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        await using var data = await HostData.CreateAsync();
        await using var server = CourtHost.Build(["--urls=http://127.0.0.1:0", "--environment=Testing", "--Court:Demo:Enabled=false", .. data.Settings.Select(s => $"--{s.Key}={s.Value}")]);
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls.First()) };

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Select(h => h.Key)));
        await server.StopAsync();
    }

    private static void AssertHardened(HttpResponseMessage response, string path)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0], StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), path);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();

    [GeneratedRegex("\\son(click|load|submit|change|error|input)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}

/// <summary>Every request arrives from <see cref="Connection"/>, and two verifications a minute per client are allowed.</summary>
public abstract class HostWithClientAddress : CourtWebFactory
{
    public static IPAddress ProxyAddress { get; } = IPAddress.Parse("10.0.0.1");

    protected abstract IPAddress Connection { get; }

    protected virtual string? TrustedProxy => null;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Court:Http:TrustedProxies:0"] = TrustedProxy,
        ["Court:Documents:Verify:PermitLimit"] = "2",
    }.Where(s => s.Value is not null).ToDictionary();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new ConnectionFrom(Connection));

    /// <summary>The test server has no socket; this gives every request the address it would have come from.</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>Behind the one configured reverse proxy.</summary>
public sealed class HostBehindTrustedProxy : HostWithClientAddress
{
    protected override IPAddress Connection => ProxyAddress;

    protected override string? TrustedProxy => ProxyAddress.ToString();
}

/// <summary>No proxy configured; requests come from loopback, which ASP.NET Core would trust by default.</summary>
public sealed class HostWithoutProxy : HostWithClientAddress
{
    protected override IPAddress Connection => IPAddress.Loopback;
}

public sealed class ForwardedHeadersTests(HostBehindTrustedProxy app) : IClassFixture<HostBehindTrustedProxy>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_rate_limits_count_per_real_client()
    {
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forwarded.VerifyFromAsync(client, "203.0.113.7")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forwarded.VerifyFromAsync(client, "203.0.113.7")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forwarded.VerifyFromAsync(client, "198.51.100.9")).StatusCode);
    }
}

public sealed class UntrustedForwardedHeadersTests(HostWithoutProxy app) : IClassFixture<HostWithoutProxy>
{
    [Fact]
    public async Task Without_a_configured_proxy_a_client_cannot_choose_its_address_with_x_forwarded_for()
    {
        using var client = app.CreateClient();

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forwarded.VerifyFromAsync(client, "203.0.113.1")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forwarded.VerifyFromAsync(client, "203.0.113.2")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forwarded.VerifyFromAsync(client, "203.0.113.3")).StatusCode);
    }
}

internal static class Forwarded
{
    public static async Task<HttpResponseMessage> VerifyFromAsync(HttpClient client, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/verify?number=x&code=AAAA-AAAA-AAAA-AAAA");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request);
    }
}
