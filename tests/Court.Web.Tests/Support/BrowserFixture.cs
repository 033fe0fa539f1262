using System.Text.RegularExpressions;
using Court.Application.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Court.Web.Tests.Support;

/// <summary>
/// The real host on Kestrel at a free 127.0.0.1 port, on its own data folder with the demo users, and Debian's
/// Chromium driven by Playwright (never <c>playwright install</c>). Share it with <c>IClassFixture&lt;BrowserFixture&gt;</c>;
/// each test opens its own context with <see cref="NewPageAsync"/>, so cookies do not leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private HostData? database;
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl { get; private set; } = "";

    public WebApplication App => app ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Screenshots go under the test output: bin/…/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Cases each demo seeder adds on start; 0 seeds the demo users only.</summary>
    protected virtual int DemoCases => 0;

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        database = await HostData.CreateAsync();
        var settings = database.Settings.Concat(ExtraSettings)
            .Append(new("Court:Demo:Enabled", "true"))
            .Append(new("Court:Demo:Cases", DemoCases.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(s => $"--{s.Key}={s.Value}");
        app = CourtHost.Build(["--urls=http://127.0.0.1:0", "--environment=Testing", .. settings]);
        await app.StartAsync();
        BaseUrl = app.Urls.First();

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) at 1366×768, in zh-CN unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh context signed in as a demo user through the login form, on the home page. A dialog fails the test: no
    /// page of Court opens one, so one that opens is markup that ran as script.
    /// </summary>
    public async Task<IPage> SignedInAsync(string userName, string locale = "zh-CN")
    {
        var page = await NewPageAsync(locale);
        page.Dialog += (_, dialog) => throw new InvalidOperationException("A dialog opened: markup ran as script. " + dialog.Message);
        await page.GotoAsync("/Account/Login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(DemoUsers.Password);
        await page.Locator("form button.primary").ClickAsync();
        await ArrivedAtAsync(page, "^" + Regex.Escape(BaseUrl) + "/$");
        return page;
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="pattern"/>, or fails with the page's error summary. It polls
    /// the address instead of waiting for a load event, which the redirect after a form post can race past (seen in CI:
    /// the address matched, the wait for "load" timed out).
    /// </summary>
    public static async Task ArrivedAtAsync(IPage page, string pattern)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            var errors = await page.Locator(".validation-summary li, .field-error").AllInnerTextsAsync();
            Assert.Fail($"Expected an address matching {pattern} but the page is at {page.Url}: {string.Join(" | ", errors)}");
        }
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
