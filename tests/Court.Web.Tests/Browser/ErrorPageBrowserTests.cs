using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

public sealed class ErrorPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_mistyped_address_shows_the_not_found_page_in_the_chosen_language_with_a_way_back()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        var response = await page.GotoAsync("/Bankruptcy/Nowhere");

        Assert.Equal(404, response?.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("nav.site-nav").IsVisibleAsync());
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("status", text, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "error-404-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to my tasks" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/$");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Context.CloseAsync();
    }
}
