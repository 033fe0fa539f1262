using Court.Web.Tests.Support;

namespace Court.Web.Tests.Browser;

public sealed class BrowserSmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Chromium_reaches_the_real_host_on_its_free_port()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/health/ready");

        Assert.Equal(200, response?.Status);
        Assert.Equal("Healthy", await page.InnerTextAsync("body"));
        await page.Context.CloseAsync();
    }
}
