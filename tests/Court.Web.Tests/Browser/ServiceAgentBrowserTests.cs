using Court.Web.Tests.Support;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>The clerk registers a party's lawyer (the letter of authority) on a case's service page, and records the end of his authority.</summary>
public sealed class ServiceAgentBrowserTests(CourtWithDemoService browser) : IClassFixture<CourtWithDemoService>
{
    private async Task<IPage> CaseAsync()
    {
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/Service/Desk?desk=failed");
        await page.GetByTestId("desk-row").First.Locator("a").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "/Service/Case/");
        return page;
    }

    private static async Task RegisterAsync(IPage page, string name, string licence, string firm)
    {
        var form = page.GetByTestId("agent-form");
        await form.GetByLabel("当事人").SelectOptionAsync("defendant");
        await form.GetByLabel("律师姓名").FillAsync(name);
        await form.GetByLabel("律师执业证号（17 位）").FillAsync(licence);
        await form.GetByLabel("律师事务所", new() { Exact = true }).FillAsync(firm);
        await form.GetByRole(AriaRole.Button, new() { Name = "登记代理人" }).ClickAsync();
    }

    [Fact]
    public async Task The_clerk_registers_a_defendants_lawyer_through_the_form_and_finds_him_listed_under_the_party()
    {
        var page = await CaseAsync();

        await RegisterAsync(page, "欧阳明远", "15001201910200002", "重庆江津明远律师事务所");

        Assert.Contains("已登记欧阳明远为", await page.GetByTestId("flash").InnerTextAsync(), StringComparison.Ordinal);
        var agent = page.GetByTestId("party-defendant").GetByTestId("agent").Filter(new() { HasText = "欧阳明远" });
        Assert.Equal(1, await agent.CountAsync());
        Assert.Contains("重庆江津明远律师事务所，15001201910200002", await agent.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await agent.GetByTestId("agent-ended").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "service-agent-registered-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_licence_number_is_refused_beside_its_field_by_the_forms_label_and_the_rest_stays_as_typed()
    {
        var page = await CaseAsync();

        await RegisterAsync(page, "司马长风", "1500120191020000", "");

        var form = page.GetByTestId("agent-form");
        var licenceError = await form.Locator("[data-valmsg-for='Agent.LicenceNumber']").InnerTextAsync();
        Assert.Contains("律师执业证号为 17 位", licenceError, StringComparison.Ordinal);
        Assert.Contains("为 16 位", licenceError, StringComparison.Ordinal);
        // A generic "required" names the field by the form's label, not the command's property.
        var firmError = await form.Locator("[data-valmsg-for='Agent.LawFirm']").InnerTextAsync();
        Assert.Contains("“律师事务所”", firmError, StringComparison.Ordinal);
        Assert.DoesNotContain("Law Firm", firmError, StringComparison.Ordinal);
        Assert.Equal("司马长风", await form.GetByLabel("律师姓名").InputValueAsync());
        Assert.Equal("1500120191020000", await form.GetByLabel("律师执业证号（17 位）").InputValueAsync());
        Assert.Equal("defendant", await form.GetByLabel("当事人").InputValueAsync());
        Assert.Equal(0, await page.GetByTestId("flash").CountAsync());
        Assert.Equal(0, await page.GetByTestId("agent").Filter(new() { HasText = "司马长风" }).CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "service-agent-refused-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ending_an_authority_asks_to_confirm_what_happens_to_whom_and_then_marks_the_agent_ended()
    {
        var page = await CaseAsync();
        await RegisterAsync(page, "诸葛文清", "15001201910200003", "重庆文清律师事务所");
        var agent = page.GetByTestId("agent").Filter(new() { HasText = "诸葛文清" });
        await agent.Locator("summary").ClickAsync();
        var form = agent.GetByTestId("end-agent-form");
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await form.GetByLabel("委托终止日期").FillAsync(today);
        await form.GetByLabel("终止原因").FillAsync("当事人解除委托");
        var confirmation = await form.Locator("label:has(input[type=checkbox])").InnerTextAsync();
        Assert.Contains("诸葛文清（重庆文清律师事务所）不再担任", confirmation, StringComparison.Ordinal);
        Assert.Contains("授权委托书和受理案件通知书随之失效", confirmation, StringComparison.Ordinal);
        var party = (await page.GetByTestId("party-defendant").Locator("h2").InnerTextAsync()).Split(" (")[0].Trim();
        Assert.Contains($"不再担任{party}的诉讼代理人", confirmation, StringComparison.Ordinal);

        // Not confirmed: refused beside the box, nothing recorded, what was typed kept.
        await form.GetByRole(AriaRole.Button, new() { Name = "确认并登记委托终止" }).ClickAsync();
        agent = page.GetByTestId("agent").Filter(new() { HasText = "诸葛文清" });
        form = agent.GetByTestId("end-agent-form");
        Assert.Contains("请勾选确认", await form.Locator("[data-valmsg-for='End.Confirmed']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("当事人解除委托", await form.GetByLabel("终止原因").InputValueAsync());
        Assert.Equal(0, await agent.GetByTestId("agent-ended").CountAsync());

        await form.Locator("input[type=checkbox]").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "确认并登记委托终止" }).ClickAsync();

        Assert.Contains("诸葛文清的委托已终止", await page.GetByTestId("flash").InnerTextAsync(), StringComparison.Ordinal);
        agent = page.GetByTestId("agent").Filter(new() { HasText = "诸葛文清" });
        Assert.Equal($"委托已于 {today} 终止", await agent.GetByTestId("agent-ended").InnerTextAsync());
        Assert.Equal(0, await agent.GetByTestId("end-agent-form").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "service-agent-ended-zh");
        await page.Context.CloseAsync();
    }
}
