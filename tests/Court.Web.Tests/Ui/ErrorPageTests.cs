using System.Net;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Ui;

/// <summary>A page that faults whenever its address carries <c>?fault</c>, so a test can see what a browser gets for a 500.</summary>
public sealed class AppWithAFaultingPage : CourtWebFactory
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add(new FaultWhenAsked()));

    private sealed class FaultWhenAsked : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Query.ContainsKey("fault") && !context.HttpContext.Request.Path.StartsWithSegments("/Error"))
            {
                throw new InvalidOperationException("Simulated fault in Court.Web.Pages with a SecretTypeName.");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}

/// <summary>
/// Browsers get an error page for 404, 403 and 500 in the UI's language, with the layout and a way back, and no
/// developer words; the API keeps answering problem details.
/// </summary>
public sealed class ErrorPageTests(AppWithAFaultingPage app) : IClassFixture<AppWithAFaultingPage>
{
    [Theory]
    [InlineData(null, "找不到此页面", "zh-CN")]
    [InlineData("en", "Page not found", "en")]
    public async Task An_unknown_page_is_a_404_page_in_the_chosen_language(string? culture, string heading, string lang)
    {
        var browser = await SignedInAsync("clerk", culture);

        var (response, html) = await GetAsync(browser, "/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(html, heading, lang);
    }

    [Fact]
    public async Task A_record_that_does_not_exist_is_a_404_page()
    {
        var browser = await SignedInAsync("judge");

        var (response, html) = await GetAsync(browser, "/Bankruptcy/Case/no-such-case");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(html, "找不到此页面", "zh-CN");
    }

    [Theory]
    [InlineData(null, "无权访问此页面", "zh-CN")]
    [InlineData("en", "You may not open this page", "en")]
    public async Task A_page_the_role_may_not_open_is_a_403_page_where_it_is(string? culture, string heading, string lang)
    {
        var browser = await SignedInAsync("bank", culture);

        var (response, html) = await GetAsync(browser, "/Workflows");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertErrorPage(html, heading, lang);
    }

    [Theory]
    [InlineData(null, "系统出错了", "zh-CN")]
    [InlineData("en", "Something went wrong", "en")]
    public async Task A_fault_is_a_500_page_with_a_reference_and_no_stack_trace(string? culture, string heading, string lang)
    {
        var browser = await SignedInAsync("clerk", culture);

        var (response, html) = await GetAsync(browser, "/?fault");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertErrorPage(html, heading, lang);
        Assert.Contains("data-testid=\"error-reference\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Simulated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretTypeName", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_form_post_is_the_error_page_too()
    {
        var browser = await SignedInAsync("clerk");
        var token = await CookieSignIn.PageTokenAsync(browser, "/");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        using var response = await browser.PostAsync(new Uri("/no-such-form", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(await response.Content.ReadAsStringAsync(), "找不到此页面", "zh-CN");
    }

    [Fact]
    public async Task The_api_keeps_answering_problem_details_even_to_a_browser()
    {
        var browser = await SignedInAsync("bank");

        var (missing, missingBody) = await GetAsync(browser, "/api/no-such-thing");
        var (refused, refusedBody) = await GetAsync(browser, "/api/joint-meeting/agenda");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", missingBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":403", refusedBody, StringComparison.Ordinal);
    }

    private static void AssertErrorPage(string html, string heading, string lang)
    {
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-home\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        foreach (var developerWord in new[] { "Exception", "   at ", "problem+json", "traceId", "Stack" })
        {
            Assert.DoesNotContain(developerWord, html, StringComparison.Ordinal);
        }
    }

    /// <remarks>
    /// English as the language switch's cookie says it, but a session cookie: the switch's own expires a year after the
    /// fake clock's 2022, which the test client's cookie jar already counts as past.
    /// </remarks>
    private async Task<HttpClient> SignedInAsync(string userName, string? culture = null)
    {
        var jar = new CookieContainer();
        if (culture is not null)
        {
            jar.Add(app.Server.BaseAddress, new Cookie(".AspNetCore.Culture", Uri.EscapeDataString($"c={culture}|uic={culture}")));
        }

        var browser = app.CreateDefaultClient(new CookieContainerHandler(jar));
        using var signedIn = await CookieSignIn.PostLoginAsync(browser, userName);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return browser;
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
