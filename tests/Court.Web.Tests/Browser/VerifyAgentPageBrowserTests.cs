using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Service;
using Court.Application.Service.AgentDocuments;
using Court.Web.Tests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Browser;

/// <summary>Seed item 61: the registry officer, signed in, checks a lawyer against the acceptance notice he shows.</summary>
public sealed class VerifyAgentPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string CaseNumber = "(2026)渝0116民初7001号";

    [Fact]
    public async Task The_registry_officer_is_told_the_lawyer_is_the_agent_of_record_and_another_licence_is_not_confirmed()
    {
        var issued = await CaseWithAgentDocumentsAsync();
        var page = await browser.SignedInAsync("nrb");
        await page.GotoAsync("/verify/agent");

        await page.GetByLabel("律师执业证号").FillAsync(DemoUsers.LawyerLicence);
        await page.GetByLabel("所涉案件案号").FillAsync("（2026）渝0116民初7001号");
        await page.GetByLabel("文书编号或验证码").FillAsync(issued.AcceptanceNotice.Number);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "licence=");

        var result = page.GetByTestId("agent-check-result");
        Assert.Contains("登记在案的诉讼代理人", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("文书有效。", await page.GetByTestId("agent-check-in-force").InnerTextAsync());
        // Nothing of the case is shown: no party, no firm.
        Assert.DoesNotContain("重庆某某小额贷款有限公司", await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "verify-agent-yes-zh");

        await page.GetByLabel("律师执业证号").FillAsync("15001201910100002");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "licence=15001201910100002");
        Assert.Contains("未能确认", await page.GetByTestId("agent-check-result").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("律师执业证号").FillAsync("25001201910100002");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "licence=25001201910100002");
        Assert.Contains("证书类型", await page.Locator("#licence-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lawyer_whose_authority_ended_sees_the_case_as_ended_with_its_date_and_the_registry_is_told_it_is_not_in_force()
    {
        const string caseId = "agent-ended-browser";
        var issued = await CaseWithAgentDocumentsAsync(caseId, "(2026)渝0116民初7002号", DemoUsers.Lawyer.UserName);
        var today = Court.Domain.Fees.ChinaTime.DateOf(DateTimeOffset.UtcNow);
        await AsClerkAsync(sender => sender.Send(new EndServiceAgentAuthority(caseId, "plaintiff-agent", today, "当事人解除委托")).AsTask());
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var lawyer = await browser.SignedInAsync(DemoUsers.Lawyer.UserName);
        await lawyer.GotoAsync("/Lawyer");
        var card = lawyer.GetByTestId("lawyer-case").Filter(new() { HasText = "7002" });
        Assert.Contains($"您在本案的委托已于 {date} 终止", await card.GetByTestId("lawyer-authority-ended").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("曾代理当事人", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("代理当事人：重庆", (await card.InnerTextAsync()).Replace("曾代理当事人：", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(lawyer, "lawyer-authority-ended-zh");
        await lawyer.Context.CloseAsync();

        var english = await browser.SignedInAsync(DemoUsers.Lawyer.UserName, "en");
        await english.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await english.WaitForSelectorAsync("html[lang=en]");
        await english.GotoAsync("/Lawyer");
        Assert.Contains($"ended on {date}", await english.GetByTestId("lawyer-case").Filter(new() { HasText = "7002" }).GetByTestId("lawyer-authority-ended").InnerTextAsync(), StringComparison.Ordinal);
        await english.Context.CloseAsync();

        var page = await browser.SignedInAsync("nrb");
        await page.GotoAsync($"/verify/agent?licence={DemoUsers.LawyerLicence}&caseNumber={Uri.EscapeDataString("（2026）渝0116民初7002号")}&document={Uri.EscapeDataString(issued.LetterOfAuthority.Number)}");
        Assert.Equal("文书已失效：已被撤销或委托已终止。", await page.GetByTestId("agent-check-in-force").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    private async Task<T> AsClerkAsync<T>(Func<ISender, Task<T>> act)
    {
        var scopes = browser.App.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(new FixedCaller("clerk", null, new HashSet<string> { Roles.Clerk }, Guid.NewGuid(), court: "渝0116"));
        return await act(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    private Task<AgentDocumentsIssued> CaseWithAgentDocumentsAsync(string caseId = "agent-check-browser", string caseNumber = CaseNumber, string? userName = null) =>
        AsClerkAsync(async sender =>
        {
            await sender.Send(new OpenServiceFile(caseId, caseNumber, "ordinary"));
            await sender.Send(new RegisterServiceParty(caseId, "plaintiff", "plaintiff", "organisation", "重庆某某小额贷款有限公司", "91500116MA5U5X7A8B"));
            await sender.Send(new AppointServiceAgent(caseId, "plaintiff-agent", "plaintiff", DemoUsers.Lawyer.DisplayNameZh, DemoUsers.LawyerLicence, DemoUsers.LawyerFirm, userName));
            return await sender.Send(new IssueAgentDocuments(caseId, "plaintiff-agent"));
        });
}
