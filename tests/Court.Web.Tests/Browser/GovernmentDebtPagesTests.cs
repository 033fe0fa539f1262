using Court.Application.Demo;
using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>A browser host with the demo data: a dozen government-debtor cases in every state, the town's leader changed.</summary>
public sealed class CourtWithDemoGovernmentDebts : BrowserFixture
{
    protected override int DemoCases => 1;
}

public sealed class GovernmentDebtPagesTests(CourtWithDemoGovernmentDebts browser) : IClassFixture<CourtWithDemoGovernmentDebts>
{
    private async Task<IPage> SignedInAsync(string userName, string locale = "zh-CN")
    {
        var page = await browser.NewPageAsync(locale);
        await page.GotoAsync("/Account/Login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(DemoUsers.Password);
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        return page;
    }

    [Fact]
    public async Task The_supervision_office_sees_every_flagged_case_the_units_with_their_leaders_and_exports_csv()
    {
        var page = await SignedInAsync("supervisor");
        await page.GetByRole(AriaRole.Link, new() { Name = "涉党政机关执行", Exact = true }).ClickAsync();

        var rows = page.GetByTestId("gd-docket").Locator("tbody tr");
        Assert.Equal(10, await rows.CountAsync()); // 12 demo cases, two closed
        Assert.True(await page.GetByTestId("gd-docket").Locator("tr.overdue").CountAsync() > 0);
        var town = page.GetByTestId("gd-units").Locator("tbody tr", new() { HasText = "白沙镇人民政府" });
        Assert.Equal("张明、黄立新", (await town.GetByTestId("leaders").InnerTextAsync()).Trim());
        Assert.Contains("format=csv", await page.GetByTestId("csv").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("gd-chart").Locator("rect").CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(page, "government-debts-supervision-zh");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(11, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        await rows.First.Locator("a").ClickAsync();
        Assert.Contains("/GovernmentDebtors/Case/", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("gd-documents").Locator("li").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_town_sees_only_its_own_cases_and_reports_a_month()
    {
        var page = await SignedInAsync("town");
        await page.GotoAsync("/GovernmentDebtors?sort=report-due");
        var rows = page.GetByTestId("gd-docket").Locator("tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("白沙镇人民政府", text, StringComparison.Ordinal);
        }

        await rows.First.Locator("a").ClickAsync();
        var form = page.GetByTestId("report-form");
        var missingBefore = await page.GetByTestId("gd-reports").Locator("tbody tr").CountAsync();
        await form.Locator("textarea[name=Progress]").FillAsync("Funds requested from the district treasury");
        await form.Locator("button[type=submit]").ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Status).CountAsync());
        Assert.Equal(missingBefore, await page.GetByTestId("gd-reports").Locator("tbody tr").CountAsync());
        Assert.All(await page.Locator(".validation-summary li").AllInnerTextsAsync(), t => Assert.True(string.IsNullOrWhiteSpace(t), t));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_public_list_shows_published_entries_without_sign_in_linking_to_the_listing_decision()
    {
        var page = await browser.NewPageAsync("zh-CN");
        await page.GotoAsync("/GovernmentDebtors/Public");
        var rows = page.GetByTestId("public-list").Locator("tbody tr");
        Assert.Equal(2, await rows.CountAsync()); // published, and published then performed (removal due)
        await rows.First.Locator("a").ClickAsync();
        Assert.Contains("/verify", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
