using System.Globalization;
using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>
/// The main path in the browser, each party in its own session: the clerk registers the case, the administrator lists
/// a seized building and files, the judge approves with the letters previewed and rules, the bureau works its inbox,
/// the asset is free, then auction, sale, confirmation and transfer. A script typed into a description stays text.
/// </summary>
public sealed class BankruptcyMainPathTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    [Fact]
    public async Task Administrator_judge_and_bureau_take_a_building_from_seized_to_transferred()
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        var caseNumber = $"（{year}）渝0116破{Random.Shared.Next(1000, 9999)}号";

        // The clerk registers the case.
        var clerk = await browser.SignedInAsync("clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "破产案件" }).ClickAsync();
        await clerk.GetByLabel("案号", new() { Exact = true }).FillAsync(caseNumber);
        await clerk.GetByLabel("债务人", new() { Exact = true }).FillAsync("重庆江津浏览器测试机械有限公司");
        await clerk.GetByLabel("统一社会信用代码").FillAsync("91500116MA5U5X7A8B");
        await clerk.GetByLabel("受理日期").FillAsync(Today);
        await clerk.GetByLabel("管理人负责人").SelectOptionAsync(new SelectOptionValue { Label = "陈志强" });
        await clerk.GetByLabel("管理人（机构）").FillAsync("重庆某某律师事务所");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记案件" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(clerk, "/Bankruptcy/Case/");
        var caseUrl = clerk.Url;
        await clerk.Context.CloseAsync();

        // The administrator lists a building (with markup in its description) and records its seizure.
        var admin = await browser.SignedInAsync("admin");
        await admin.GotoAsync(caseUrl);
        var form = admin.GetByTestId("register-asset");
        await form.GetByLabel("名称", new() { Exact = true }).FillAsync("<script>alert('x')</script>厂房");
        await form.GetByLabel("估值（元）").FillAsync("1,200,000.00");
        await form.GetByLabel("不动产权证号").FillAsync("渝(2019)江津区不动产权第0001234号");
        await form.GetByLabel("不动产单元代码（28位）").FillAsync("500116001001GB00001F00010001");
        await form.GetByLabel("坐落").FillAsync("江津区几江街道滨江路1号");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "<script>alert('x')</script>厂房" }).ClickAsync();
        Assert.Contains("<script>", await admin.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var seizure = admin.GetByTestId("record-seizure");
        await admin.GetByText("记录查封", new() { Exact = true }).ClickAsync();
        await seizure.GetByLabel("查封机关", new() { Exact = true }).FillAsync("重庆市江津区人民法院");
        await seizure.GetByLabel("查封文书号").FillAsync("(2021)渝0116执100号");
        // Seized today: the test runs on the real clock, and a seizure past its term (three years for a building) reads as lapsed.
        await seizure.GetByLabel("查封日期").FillAsync(Today);
        await seizure.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        Assert.Equal("被查封", await admin.GetByTestId("asset-state").InnerTextAsync());

        await admin.GotoAsync(caseUrl);
        await admin.GetByTestId("request-release").Locator("input[type=checkbox]").First.CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(admin, "/Bankruptcy/Request/");
        var requestUrl = admin.Url;
        Assert.Contains("待法官审批", await admin.GetByTestId("stage").InnerTextAsync(), StringComparison.Ordinal);
        await admin.Context.CloseAsync();

        // The judge finds it in his queue, reads the letters as drafts, approves, then rules.
        var judge = await browser.SignedInAsync("judge");
        await judge.GetByRole(AriaRole.Link, new() { Name = "解封申请" }).ClickAsync();
        await judge.GetByTestId("queue").GetByRole(AriaRole.Link).First.ClickAsync();
        await judge.GotoAsync(requestUrl);
        var draft = judge.GetByTestId("document-preview").First;
        Assert.Contains("商请解除查封函", await draft.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("重庆市江津区人民法院", await draft.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(judge, "bankruptcy-judge-approval-zh");
        await judge.GetByRole(AriaRole.Button, new() { Name = "批准并发出函件" }).ClickAsync();
        Assert.Contains("限期解除（查封机关）", await judge.GetByTestId("stage").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("商请解除查封函", await judge.GetByTestId("documents").InnerTextAsync(), StringComparison.Ordinal);
        // The seizing bodies' deadline is still running: ruling now is the judge's recorded decision, with its reason.
        await judge.GetByLabel("期限届满前裁定解除的理由").FillAsync("查封机关已书面同意解除查封");
        await judge.GetByRole(AriaRole.Button, new() { Name = "作出解封裁定并送达协助执行通知书" }).ClickAsync();
        Assert.Contains("协助执行中", await judge.GetByTestId("stage").InnerTextAsync(), StringComparison.Ordinal);
        await judge.Locator("details.workflow-diagram summary").ClickAsync();
        await judge.WaitForSelectorAsync("html[data-diagrams=rendered]");
        Assert.True(await judge.Locator("pre.mermaid svg .current").CountAsync() >= 1);
        await judge.Context.CloseAsync();

        // The bureau works its inbox: acknowledge, execute.
        var bureau = await browser.SignedInAsync("nrb");
        await bureau.GetByRole(AriaRole.Link, new() { Name = "协助执行通知书", Exact = true }).ClickAsync();
        await bureau.GetByTestId("notices").GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Contains("解除查封并注销查封登记", await bureau.GetByTestId("notice-action").InnerTextAsync(), StringComparison.Ordinal);
        await bureau.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await bureau.GetByLabel("登记文号").FillAsync("渝(2026)江津区不动产注销查封第0000088号");
        await bureau.GetByLabel("办理日期").FillAsync(Today);
        await bureau.GetByRole(AriaRole.Button, new() { Name = "回执已办结" }).ClickAsync();
        Assert.Equal("已办结", (await bureau.GetByTestId("notice-status").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(bureau, "bankruptcy-bureau-notice-zh");
        await bureau.Context.CloseAsync();

        // Free: the administrator auctions and sells it; the judge confirms; the bureau registers the transfer.
        admin = await browser.SignedInAsync("admin");
        await admin.GotoAsync(caseUrl);
        Assert.Equal("可处置", await admin.GetByTestId("asset-state").First.InnerTextAsync());
        await admin.GetByTestId("assets").GetByRole(AriaRole.Link).First.ClickAsync();
        var schedule = admin.GetByTestId("schedule");
        await schedule.GetByLabel("日期").FillAsync(Today);
        await schedule.GetByLabel("保留价（元）").FillAsync("1000000");
        await schedule.GetByRole(AriaRole.Button).ClickAsync();
        var sale = admin.GetByTestId("record-sale");
        await sale.GetByLabel("买受人", new() { Exact = true }).FillAsync("重庆某某置业有限公司");
        await sale.GetByLabel("买受人统一社会信用代码或身份证号").FillAsync("91500116MA6000000Q");
        await sale.GetByLabel("成交价（元）").FillAsync("1150000");
        await sale.GetByLabel("成交日期").FillAsync(Today);
        await sale.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Equal("已成交待裁定", await admin.GetByTestId("asset-state").InnerTextAsync());
        var assetUrl = admin.Url;
        await admin.Context.CloseAsync();

        judge = await browser.SignedInAsync("judge");
        await judge.GotoAsync(assetUrl);
        await judge.GetByRole(AriaRole.Button, new() { Name = "作出成交确认裁定并发出过户通知书" }).ClickAsync();
        Assert.Equal("已裁定待过户", await judge.GetByTestId("asset-state").InnerTextAsync());
        await judge.Context.CloseAsync();

        bureau = await browser.SignedInAsync("nrb");
        await bureau.GotoAsync("/Bankruptcy/Inbox");
        await bureau.GetByTestId("notices").Locator("tr", new() { HasText = "过户至买受人" }).GetByRole(AriaRole.Link).ClickAsync();
        await bureau.GetByLabel("登记文号").FillAsync("渝(2026)江津区不动产权第0009999号");
        await bureau.GetByLabel("办理日期").FillAsync(Today);
        await bureau.GetByRole(AriaRole.Button, new() { Name = "回执已办结" }).ClickAsync();
        await bureau.Context.CloseAsync();

        admin = await browser.SignedInAsync("admin");
        await admin.GotoAsync(assetUrl);
        Assert.Equal("已过户", await admin.GetByTestId("asset-state").InnerTextAsync());
        await admin.GotoAsync(caseUrl);
        Assert.Contains("过户登记完成", await admin.GetByTestId("timeline").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(admin, "bankruptcy-case-transferred-zh");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task The_joint_meeting_sees_its_figures_drawn_by_the_bundled_chart()
    {
        var page = await browser.SignedInAsync("supervisor");
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "府院联席会议" }).ClickAsync();
        await page.WaitForSelectorAsync("#agenda-chart[data-rendered=true]");

        Assert.Contains("申请至解封天数（中位数）", await page.GetByTestId("figures").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(external);
        await page.Context.CloseAsync();
    }
}
