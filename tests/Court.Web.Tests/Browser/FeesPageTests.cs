using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>A browser host with four demo cases per seeder: small-claims cases with notices, refunds and a docket.</summary>
public sealed class CourtWithDemoFees : BrowserFixture
{
    protected override int DemoCases => 4;
}

public sealed class FeesPageTests(CourtWithDemoFees browser) : IClassFixture<CourtWithDemoFees>
{

    [Fact]
    public async Task The_clerk_quotes_a_fee_and_sees_it_band_by_band()
    {
        var page = await browser.SignedInAsync("clerk");
        // Exact: the inbox's fee-notice period tasks name the 交纳诉讼费用通知书 too.
        await page.GetByRole(AriaRole.Link, new() { Name = "诉讼费用", Exact = true }).ClickAsync();

        await page.GetByLabel("诉讼请求金额（元）").FillAsync("123456.78");
        await page.GetByLabel("审理程序").SelectOptionAsync("ordinary");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();

        Assert.Equal("¥2,769.14", await page.GetByTestId("quote-fee").InnerTextAsync());
        Assert.Equal(3, await page.GetByTestId("quote-breakdown").Locator("tbody tr").CountAsync());
        Assert.Contains("cn-fee-measures-2007", await page.GetByTestId("quote-result").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "fees-quote-zh");

        await page.GetByLabel("审理程序").SelectOptionAsync("small-claims");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        Assert.Equal("¥1,384.57", await page.GetByTestId("quote-fee").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_amount_shows_the_reason_beside_the_field()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/Fees?Kind=property&Amount=-5&Procedure=ordinary");

        Assert.Contains("negative", await page.Locator("#Amount-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_clerk_sees_the_demo_fee_notices_and_schedules_in_english()
    {
        var page = await browser.SignedInAsync("clerk", "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");
        await page.GotoAsync("/Fees");

        Assert.True(await page.GetByTestId("fee-notices").Locator("tbody tr").CountAsync() >= 1);
        Assert.Contains("Court Fee Measures", await page.GetByTestId("schedules").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "fees-clerk-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_clerk_files_a_case_from_the_docket_and_a_refused_filing_keeps_what_she_typed()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GetByRole(AriaRole.Link, new() { Name = "小额诉讼", Exact = true }).ClickAsync();
        await page.GetByTestId("file-case").ClickAsync();

        var year = DateTime.UtcNow.AddHours(8).Year;
        await page.GetByLabel("案号").FillAsync($"（{year}）渝0116破9001号");
        await page.GetByLabel("原告").FillAsync("重庆江津某建材有限公司");
        await page.GetByLabel("被告").FillAsync("王小明");
        await page.GetByLabel("诉讼请求金额（元）").FillAsync("12000");
        await page.GetByRole(AriaRole.Button, new() { Name = "立案", Exact = true }).ClickAsync();

        Assert.Contains("civil first-instance", await page.GetByTestId("errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("王小明", await page.GetByLabel("被告").InputValueAsync());
        Assert.Equal("12000", await page.GetByLabel("诉讼请求金额（元）").InputValueAsync());

        await page.GetByLabel("案号").FillAsync($"（{year}）渝0116民初9001号");
        await page.GetByLabel("承办法官").SelectOptionAsync("judge");
        await page.GetByRole(AriaRole.Button, new() { Name = "立案", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/SmallClaims/Case/");

        Assert.Contains($"({year})渝0116民初9001号", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("王小明", await page.GetByTestId("case-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "small-claims-filed-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_judge_sees_the_docket_with_days_left()
    {
        var page = await browser.SignedInAsync("judge");
        await page.GetByRole(AriaRole.Link, new() { Name = "小额诉讼", Exact = true }).ClickAsync();

        Assert.True(await page.GetByTestId("docket").Locator("tbody tr").CountAsync() >= 1);
        var daysLeft = await page.GetByTestId("days-left").First.InnerTextAsync();
        Assert.Matches(@"^-?\d+", daysLeft.Trim());
        await BrowserFixture.ScreenshotAsync(page, "small-claims-docket-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_system_administrator_publishes_a_local_small_claims_schedule()
    {
        var page = await browser.SignedInAsync("sysadmin");
        await page.GotoAsync("/Admin/FeeSchedules");

        await page.GetByLabel("标准编号").FillAsync("jiangjin-small-claims-ui");
        await page.GetByLabel("生效日期").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("本程序减收（按比例交纳，如 1/2）").FillAsync("1/4");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();

        Assert.Contains("jiangjin-small-claims-ui v1", await page.GetByTestId("published").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "fees-admin-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_judge_opens_a_case_from_the_docket_and_sees_its_workflow_history_and_actions()
    {
        var page = await browser.SignedInAsync("judge");
        await page.GotoAsync("/SmallClaims/Docket");
        await page.GetByTestId("docket").Locator("tbody tr a").First.ClickAsync();

        await page.WaitForSelectorAsync("[data-testid=case-summary]");
        // The diagram is folded on a record page, and drawn when opened.
        Assert.Equal(0, await page.Locator("details.workflow-diagram[open]").CountAsync());
        await page.Locator("details.workflow-diagram summary").ClickAsync();
        await page.WaitForSelectorAsync("details.workflow-diagram[open] pre.mermaid svg");
        Assert.Contains("以小额诉讼程序立案", await page.Locator(".timeline").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "small-claims-case-judge-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_clerk_is_told_that_public_notice_is_refused_in_small_claims()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/Fees");
        var cases = await page.GetByTestId("fee-notices").Locator("tbody tr a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        // The demo leaves some cases filed and unserved with their notice outstanding: find one.
        string? unserved = null;
        foreach (var href in cases)
        {
            await page.GotoAsync(href);
            if (await page.Locator("#method").CountAsync() > 0)
            {
                unserved = href;
                break;
            }
        }

        Assert.NotNull(unserved);
        await page.Locator("#method").SelectOptionAsync("public-notice");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记送达" }).ClickAsync();

        Assert.Contains("Public-notice service is not available", await page.GetByTestId("errors").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
