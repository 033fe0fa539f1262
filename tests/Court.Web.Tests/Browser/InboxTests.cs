using Court.Web.Tests.Support;

namespace Court.Web.Tests.Browser;

/// <summary>The real host after a first start in demo mode with a few cases from every slice's seeder.</summary>
public sealed class DemoCourtBrowser : BrowserFixture
{
    protected override int DemoCases => 3;
}

public sealed class InboxTests(DemoCourtBrowser browser) : IClassFixture<DemoCourtBrowser>
{
    [Theory]
    [InlineData("clerk")]
    [InlineData("judge")]
    public async Task Court_staff_land_on_an_inbox_with_the_seeded_cases_waiting_for_them(string userName)
    {
        var page = await browser.SignedInAsync(userName);

        Assert.True(await page.Locator("[data-testid=inbox] tbody tr").CountAsync() >= 1);
        Assert.Contains("小额诉讼", await page.GetByTestId("inbox").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, $"inbox-{userName}-demo-zh");

        // A task opens its record's own page, where the actions are.
        await page.GetByTestId("inbox").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "小额诉讼程序" }).First.ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/SmallClaims/Case/");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agency_officer_sees_none_of_the_courts_tasks()
    {
        var page = await browser.SignedInAsync("nrb");

        // The bureau's own notices may be there; the court's small-claims tasks are not.
        var inbox = page.GetByTestId("inbox-empty").Or(page.GetByTestId("inbox"));
        Assert.DoesNotContain("小额诉讼", await inbox.First.InnerTextAsync(), StringComparison.Ordinal);
        foreach (var href in await page.Locator("[data-testid=inbox] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            Assert.StartsWith("/Bankruptcy/Notice/", href, StringComparison.Ordinal);
        }
        await page.Context.CloseAsync();
    }
}
