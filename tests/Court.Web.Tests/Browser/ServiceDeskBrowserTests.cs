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
    public async Task The_clerk_records_a_periods_act_done_and_a_bad_date_keeps_what_was_typed_in_the_pages_language()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/Service/Desk?desk=failed");
        await page.GetByTestId("desk-row").First.Locator("a").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/Service/Case/");
        var caseUrl = page.Url;
        var form = page.GetByTestId("period-done-form");
        var chosen = await form.Locator("select[name=choice]").InputValueAsync();

        // A day after today: refused in Chinese, the date and the period as they were.
        await form.Locator("input[name=doneOn]").FillAsync("2099-01-01");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        var error = await page.Locator(".validation-summary").InnerTextAsync();
        Assert.Contains("完成日期应在送达日", error, StringComparison.Ordinal);
        Assert.Equal("2099-01-01", await page.GetByTestId("period-done-form").Locator("input[name=doneOn]").InputValueAsync());
        Assert.Equal(chosen, await page.GetByTestId("period-done-form").Locator("select[name=choice]").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "service-period-done-refused-zh");

        // In English the same refusal is worded in English.
        var english = await browser.SignedInAsync("clerk", "en");
        await english.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await english.WaitForSelectorAsync("html[lang=en]");
        await english.GotoAsync(caseUrl);
        var englishForm = english.GetByTestId("period-done-form");
        await englishForm.Locator("input[name=doneOn]").FillAsync("2099-01-01");
        await englishForm.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        Assert.Contains("between the service date", await english.Locator(".validation-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2099-01-01", await english.GetByTestId("period-done-form").Locator("input[name=doneOn]").InputValueAsync());

        await english.Context.CloseAsync();

        // The service date the message names is a good day: the act is recorded and the period leaves the form.
        var servedOn = System.Text.RegularExpressions.Regex.Match(error, @"\d{4}-\d{2}-\d{2}").Value;
        await page.GetByTestId("period-done-form").Locator("input[name=doneOn]").FillAsync(servedOn);
        await page.GetByTestId("period-done-form").GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await page.WaitForURLAsync(caseUrl);
        Assert.DoesNotContain("完成日期", await page.Locator(".validation-summary").InnerTextAsync(), StringComparison.Ordinal);
        var left = page.GetByTestId("period-done-form").Locator($"select[name=choice] option[value='{chosen}']");
        Assert.Equal(0, await left.CountAsync());
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

    [Fact]
    public async Task The_carrier_uploads_a_file_with_bad_rows_and_finds_them_under_what_was_refused()
    {
        var page = await browser.SignedInAsync("carrier");
        await page.GotoAsync("/Carrier");
        const string csv = "event_id,waybill,kind,occurred_at,signer_name,relationship,signer_id_number,return_reason,contact_reached,note\n"
            + "BROWSER-REFUSED-1,EA123456784CN,accepted,2022-04-23T10:00:00+08:00,,,,,,\n"
            + "BROWSER-REFUSED-2,EA123456785CN,teleported,2022-04-23T10:00:00+08:00,,,,,,\n";
        await page.GetByTestId("upload-form").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "daily.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();

        var summary = await page.GetByTestId("upload-summary").InnerTextAsync();
        Assert.Contains("拒收 2", summary, StringComparison.Ordinal);
        var report = page.GetByTestId("upload-report").Locator("tbody tr");
        Assert.Equal(2, await report.CountAsync());

        // Each row says what is wrong with it: the waybill's check digit (not "no such service"), and the unknown kind.
        await page.GotoAsync("/Carrier");
        Assert.Equal("被拒收的记录", await page.Locator("h2").Nth(2).InnerTextAsync());
        var badCheck = page.GetByTestId("refusals").Locator("tbody tr", new() { HasText = "BROWSER-REFUSED-1" });
        var badKind = page.GetByTestId("refusals").Locator("tbody tr", new() { HasText = "BROWSER-REFUSED-2" });
        Assert.Equal((1, 1), (await badCheck.CountAsync(), await badKind.CountAsync()));
        var checkText = await badCheck.InnerTextAsync();
        Assert.Contains("EA123456784CN", checkText, StringComparison.Ordinal);
        Assert.Contains("校验不通过：第 11 位应为“5”", checkText, StringComparison.Ordinal);
        var kindText = await badKind.InnerTextAsync();
        Assert.Contains("“teleported”无效", kindText, StringComparison.Ordinal);
        Assert.DoesNotContain("carrier-event.", await page.GetByTestId("refusals").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByText("没有被拒收的记录。").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "carrier-refusals-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_lawyer_reads_what_was_served_on_his_client_and_the_deadlines_and_can_change_nothing()
    {
        var page = await browser.SignedInAsync("lawyer");
        await page.GetByRole(AriaRole.Link, new() { Name = "我代理的案件" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/Lawyer");

        Assert.Equal("我代理的案件", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByTestId("lawyer-case").CountAsync() >= 2);
        var service = page.GetByTestId("lawyer-service").First;
        Assert.Contains("已送达", await service.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("交费期 7 日", await service.GetByTestId("lawyer-deadlines").InnerTextAsync(), StringComparison.Ordinal);
        // Read only: no step forms, and the defendant's side is not shown.
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        Assert.DoesNotContain("应诉通知书", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "lawyer-cases-zh");
        await page.Context.CloseAsync();
    }
}
