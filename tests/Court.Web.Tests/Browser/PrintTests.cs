using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

public sealed class PrintTests(DemoCourtBrowser browser) : IClassFixture<DemoCourtBrowser>
{
    [Fact]
    public async Task A_printed_case_list_keeps_the_court_the_table_and_the_date_and_drops_navigation_forms_and_paging()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/Bankruptcy");
        Assert.True(await page.Locator("nav.site-nav").IsVisibleAsync());
        Assert.True(await page.Locator("form[role=search]").IsVisibleAsync());
        Assert.True(await page.GetByTestId("cases").IsVisibleAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Locator("nav.site-nav").IsVisibleAsync());
        Assert.False(await page.Locator("form[role=search]").IsVisibleAsync());
        Assert.False(await page.GetByTestId("open-case").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Heading, new() { Name = "登记已受理的破产案件" }).IsVisibleAsync());
        Assert.False(await page.Locator(".header-tools").IsVisibleAsync());
        Assert.True(await page.GetByTestId("cases").IsVisibleAsync());
        Assert.Contains("重庆市江津区人民法院", await page.Locator(".brand-court").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".site-footer").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "cases-print-zh");
        await page.Context.CloseAsync();
    }
}
