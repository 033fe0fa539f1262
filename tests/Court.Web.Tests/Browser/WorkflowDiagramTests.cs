using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

public sealed class WorkflowDiagramTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_judge_sees_the_small_claims_workflow_drawn_by_the_bundled_mermaid_with_the_current_state_highlighted()
    {
        var page = await browser.SignedInAsync("judge");
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "流程图" }).ClickAsync();
        await page.GotoAsync("/Workflows?id=small-claims&state=Filed");
        await page.WaitForSelectorAsync("html[data-diagrams=rendered]");

        Assert.Equal(1, await page.Locator("[data-testid=workflow-small-claims] pre.mermaid svg").CountAsync());
        Assert.True(await page.Locator("[data-testid=workflow-small-claims] svg .current").CountAsync() >= 1);
        Assert.Contains("当前状态", await page.Locator("[data-testid=workflow-small-claims] details[open] summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(external);
        await BrowserFixture.ScreenshotAsync(page, "workflow-small-claims-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agency_officer_has_no_workflow_page()
    {
        var page = await browser.SignedInAsync("bank");

        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "流程图" }).CountAsync());
        var response = await page.GotoAsync("/Workflows");
        Assert.Equal(403, response?.Status);
        Assert.Equal("无权访问此页面", await page.Locator("h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
