using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>A browser host with four demo cases per seeder: small-claims cases whose summons the demo serves by judicial express, stopping at different points.</summary>
public sealed class CourtWithDemoService : BrowserFixture
{
    protected override int DemoCases => 4;
}

public sealed class ServiceDeskBrowserTests(CourtWithDemoService browser) : IClassFixture<CourtWithDemoService>
{

    [Fact]
    public async Task The_clerk_finds_a_failed_service_on_the_desk_and_opens_the_cases_service_history()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GetByRole(AriaRole.Link, new() { Name = "送达工作台" }).ClickAsync();

        Assert.True(await page.GetByTestId("desk-row").CountAsync() >= 3);
        await page.GetByLabel("状态").SelectOptionAsync("failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var rows = page.GetByTestId("desk-row");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("未送达，需另选方式", await rows.First.GetByTestId("desk-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("无法投递退回", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "service-desk-failed-zh");

        await rows.First.Locator("a").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/Service/Case/");
        var defendant = page.GetByTestId("services-defendant");
        Assert.Contains("法院专递", await defendant.InnerTextAsync(), StringComparison.Ordinal);
        var plaintiff = page.GetByTestId("services-plaintiff");
        Assert.Contains("交费期 7 日", await plaintiff.GetByTestId("periods").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("serve-form").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "service-case-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_desk_in_english_and_the_carriers_dispatch_list()
    {
        var page = await browser.SignedInAsync("clerk", "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");
        await page.GotoAsync("/Service/Desk?desk=pending");
        Assert.Equal("Service desk", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Judicial express", await page.GetByTestId("service-desk").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        var carrier = await browser.SignedInAsync("carrier");
        await carrier.GotoAsync("/Carrier");
        Assert.True(await carrier.GetByTestId("dispatch-list").Locator("tbody tr").CountAsync() >= 1);
        await BrowserFixture.ScreenshotAsync(carrier, "carrier-dispatch-zh");
        await carrier.Context.CloseAsync();
    }
}
