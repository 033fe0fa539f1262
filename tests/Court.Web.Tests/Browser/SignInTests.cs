using Court.Application.Demo;
using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, string> Workbenches => new()
    {
        { "clerk", "书记员工作台", "Workbench: Court clerk" },
        { "judge", "法官工作台", "Workbench: Judge" },
        { "admin", "破产管理人工作台", "Workbench: Bankruptcy administrator" },
        { "nrb", "协助执行工作台", "Workbench: Agency officer" },
        { "psb", "协助执行工作台", "Workbench: Agency officer" },
        { "bank", "协助执行工作台", "Workbench: Agency officer" },
        { "market", "协助执行工作台", "Workbench: Agency officer" },
        { "supervisor", "督查工作台", "Workbench: Supervision officer" },
        { "carrier", "送达工作台", "Workbench: Carrier operator" },
        { "sysadmin", "系统管理工作台", "Workbench: System administrator" },
    };

    [Theory]
    [MemberData(nameof(Workbenches))]
    public async Task Each_demo_user_signs_in_lands_on_his_workbench_switches_language_and_signs_out(string userName, string headingZh, string headingEn)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);

        await SignInAsync(page, userName, DemoUsers.Password);

        Assert.Equal(browser.BaseUrl + "/", page.Url);
        Assert.Equal(headingZh, await page.GetByTestId("home-heading").InnerTextAsync());
        Assert.Contains(DemoUsers.Get(userName).DisplayNameZh, await page.GetByTestId("current-user").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.ScreenshotAsync(page, $"home-{userName}-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal(headingEn, await page.GetByTestId("home-heading").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, $"home-{userName}-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/Account/Login");
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_lists_every_demo_user_in_demo_mode()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        var listed = await page.GetByTestId("demo-users").InnerTextAsync();
        Assert.All(DemoUsers.All, u => Assert.Contains(u.UserName, listed, StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "sign-in-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_empty_sign_in_form_shows_both_messages_in_chinese()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("form button.primary").ClickAsync();

        Assert.Equal("请输入用户名。", await page.Locator("#UserName-error").InnerTextAsync());
        Assert.Equal("请输入密码。", await page.Locator("#Password-error").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_failed_sign_ins_from_one_browser_make_it_wait_even_with_the_right_password()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(page, "psb", "wrong-" + i);
            Assert.Contains("用户名或密码错误", await page.Locator(".validation-summary").InnerTextAsync(), StringComparison.Ordinal);
        }

        await SignInAsync(page, "psb", DemoUsers.Password);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Contains("登录失败次数过多，请15分钟后再试", await page.Locator(".validation-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
