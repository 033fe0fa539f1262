using System.Globalization;
using Court.Application.GovernmentDebtors.Demo;
using Court.Domain.Fees;
using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>A browser host with the demo data: thirteen government-debtor cases, at least one in every state, the town's leader changed.</summary>
public sealed class CourtWithDemoGovernmentDebts : BrowserFixture
{
    protected override int DemoCases => 1;
}

public sealed class GovernmentDebtPagesTests(CourtWithDemoGovernmentDebts browser) : IClassFixture<CourtWithDemoGovernmentDebts>
{

    [Fact]
    public async Task The_case_page_links_to_the_cases_history_in_words_oldest_first_in_chinese_and_in_english()
    {
        var page = await browser.SignedInAsync("supervisor");
        await page.GotoAsync("/GovernmentDebtors");
        await page.GetByTestId("gd-docket").Locator("tbody tr").First.Locator("a").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/GovernmentDebtors/Case/");
        await page.GetByRole(AriaRole.Link, new() { Name = "案件经过", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/GovernmentDebtors/History/");

        var history = page.GetByTestId("gd-history");
        Assert.True(await history.Locator("tbody tr").CountAsync() > 1);
        Assert.Contains("立案执行", await history.Locator("tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        var zh = await history.InnerTextAsync();
        Assert.Contains("李晓梅", zh, StringComparison.Ordinal); // the demo clerk opened it: a name, not "clerk"
        Assert.DoesNotContain("记录了", zh, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Z][a-z]+[A-Z]", zh); // no type names
        await BrowserFixture.ScreenshotAsync(page, "government-debts-history-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.StartsWith("opened;", (await page.GetByTestId("gd-history").Locator("tbody tr").First.Locator("td").Nth(2).InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_supervision_office_sees_every_flagged_case_the_units_with_their_leaders_and_exports_csv()
    {
        var page = await browser.SignedInAsync("supervisor");
        await page.GetByRole(AriaRole.Link, new() { Name = "涉党政机关执行", Exact = true }).ClickAsync();

        var rows = page.GetByTestId("gd-docket").Locator("tbody tr");
        Assert.Equal(11, await rows.CountAsync()); // 13 demo cases, two closed
        Assert.True(await page.GetByTestId("gd-docket").Locator("tr.overdue").CountAsync() > 0);
        var town = page.GetByTestId("gd-units").Locator("tbody tr", new() { HasText = "白沙镇人民政府" });
        Assert.Equal("张明、黄立新", (await town.GetByTestId("leaders").InnerTextAsync()).Trim());
        Assert.Contains("format=csv", await page.GetByTestId("csv").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("gd-chart").Locator("rect").CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(page, "government-debts-supervision-zh");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(12, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        await rows.First.Locator("a").ClickAsync();
        Assert.Contains("/GovernmentDebtors/Case/", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("gd-documents").Locator("li").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Flag → notice → push → supervision → meeting, each through the form the case page shows: which forms appear,
    /// and to whom, is the pinned definition's (states, transitions, roles), so each user sees only the steps the
    /// definition gives their role in the current state.
    /// </summary>
    [Fact]
    public async Task A_case_is_flagged_pushed_and_supervised_through_the_forms_its_definition_offers_each_user()
    {
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var clerk = await browser.SignedInAsync("clerk");
        await clerk.GotoAsync("/GovernmentDebtors");
        var open = clerk.GetByTestId("open-form");
        foreach (var (name, value) in new[]
        {
            ("CaseNumber", $"({today.Year})渝0116执9101号"), ("JudgmentNumber", $"({today.Year})渝0116民初9101号"),
            ("JudgmentDate", today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("JudgmentEffectiveOn", today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("CreditorName", "重庆江津某某建材有限公司"), ("DebtorName", "重庆市江津区白沙镇人民政府"), ("DebtorCreditCode", GovernmentDebtDemoSeeder.TownCode),
            ("SupervisingUnit", "重庆市江津区人民政府"), ("Amount", "250000"), ("LeaderName", "黄立新"), ("LeaderPost", "镇长"),
        })
        {
            await open.Locator($"input[name={name}]").FillAsync(value);
        }

        await open.Locator("button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(clerk, "/GovernmentDebtors/Case/");
        var caseUrl = clerk.Url;
        Assert.Contains("已立案", await clerk.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(GovernmentDebtDemoSeeder.TownCode, await clerk.GetByTestId("gd-case").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await clerk.GetByTestId("step-IssueGovernmentDebtEnforcementNotice").CountAsync()); // the judge's step
        Assert.Equal(1, await clerk.GetByTestId("step-RecordGovernmentDebtPerformance").CountAsync());
        await clerk.Context.CloseAsync();

        var judge = await browser.SignedInAsync("judge");
        await judge.GotoAsync(caseUrl);
        Assert.Equal(0, await judge.GetByTestId("step-PushGovernmentDebt").CountAsync()); // not before the notice
        await judge.GetByTestId("step-IssueGovernmentDebtEnforcementNotice").Locator("button[type=submit]").ClickAsync();
        Assert.Contains("已发执行通知", await judge.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await judge.GetByRole(AriaRole.Status).CountAsync());
        await judge.GetByTestId("step-PushGovernmentDebt").Locator("button[type=submit]").ClickAsync();
        Assert.Contains("已推送", await judge.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // The push period runs: the measure's form is offered (the definition allows it here) and the rule refuses it, in the reader's language.
        var measure = judge.GetByTestId("step-TakeGovernmentDebtMeasure");
        await measure.Locator("input[name=Measure]").FillAsync("冻结银行账户");
        await measure.Locator("button[type=submit]").ClickAsync();
        Assert.Contains("个工作日后", await judge.GetByTestId("step-TakeGovernmentDebtMeasure").Locator(".validation-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("冻结银行账户", await judge.GetByTestId("step-TakeGovernmentDebtMeasure").Locator("input[name=Measure]").InputValueAsync());
        await judge.Context.CloseAsync();

        var supervisor = await browser.SignedInAsync("supervisor");
        await supervisor.GotoAsync(caseUrl);
        Assert.Equal(0, await supervisor.GetByTestId("step-TakeGovernmentDebtMeasure").CountAsync()); // the judge's only
        var supervise = supervisor.GetByTestId("step-StartGovernmentDebtSupervision");
        await supervise.Locator("input[name=PerformBy]").FillAsync(today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await supervise.Locator("button[type=submit]").ClickAsync();
        Assert.Contains("督办中", await supervisor.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var meeting = supervisor.GetByTestId("step-HoldGovernmentDebtMeeting");
        await meeting.Locator("textarea[name=Summary]").FillAsync("区政府、法院、镇政府协调：列入下季度预算");
        await meeting.Locator("button[type=submit]").ClickAsync();
        Assert.Equal(1, await supervisor.GetByRole(AriaRole.Status).CountAsync());
        await BrowserFixture.ScreenshotAsync(supervisor, "government-debts-case-steps-zh");
        await supervisor.Context.CloseAsync();

        var town = await browser.SignedInAsync("town");
        await town.GotoAsync(caseUrl);
        Assert.Equal(1, await town.GetByTestId("step-SubmitGovernmentDebtReport").CountAsync());
        Assert.Equal(0, await town.GetByTestId("step-HoldGovernmentDebtMeeting").CountAsync());
        Assert.Equal(0, await town.GetByTestId("step-FindGovernmentDebtNonPerformance").CountAsync());
        await town.Context.CloseAsync();
    }

    [Fact]
    public async Task The_town_sees_only_its_own_cases_and_reports_a_month()
    {
        var page = await browser.SignedInAsync("town");
        await page.GotoAsync("/GovernmentDebtors?sort=report-due");
        var rows = page.GetByTestId("gd-docket").Locator("tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("白沙镇人民政府", text, StringComparison.Ordinal);
        }

        await rows.First.Locator("a").ClickAsync();
        var form = page.GetByTestId("step-SubmitGovernmentDebtReport");
        var missingBefore = await page.GetByTestId("gd-reports").Locator("tbody tr").CountAsync();
        await form.Locator("textarea[name=Progress]").FillAsync("Funds requested from the district treasury");
        await form.Locator("button[type=submit]").ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Status).CountAsync());
        Assert.Equal(missingBefore, await page.GetByTestId("gd-reports").Locator("tbody tr").CountAsync());
        Assert.All(await page.Locator(".validation-summary li").AllInnerTextsAsync(), t => Assert.True(string.IsNullOrWhiteSpace(t), t));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_report_amount_is_shown_beside_the_amount_field_with_what_was_typed_kept()
    {
        var page = await browser.SignedInAsync("town");
        await page.GotoAsync("/GovernmentDebtors?sort=report-due");
        await page.GetByTestId("gd-docket").Locator("tbody tr").First.Locator("a").ClickAsync();
        var form = page.GetByTestId("step-SubmitGovernmentDebtReport");
        await form.Locator("input[name=Amount]").FillAsync("2000000000000");
        await form.Locator("textarea[name=Progress]").FillAsync("已付部分款项");
        await form.Locator("button[type=submit]").ClickAsync();

        var refused = page.GetByTestId("step-SubmitGovernmentDebtReport");
        Assert.Contains("金额以元为单位", await refused.GetByTestId("error-Amount").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2000000000000", await refused.Locator("input[name=Amount]").InputValueAsync());
        Assert.Equal("已付部分款项", await refused.Locator("textarea[name=Progress]").InputValueAsync());
        Assert.Equal(0, await refused.Locator(".validation-summary").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
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
