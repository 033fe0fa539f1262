using Court.Application.Common;
using Court.Application.Documents;
using Court.Web.Tests.Documents.Support;
using Court.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>A registry officer scans a notice's QR code and lands on the public verification page, signed out.</summary>
public sealed class VerifyPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_qr_link_shows_a_genuine_document_in_chinese_then_english_and_a_mistyped_code_is_not_verified()
    {
        var document = await IssueNoticeAsync();
        var link = VerificationLinks.For(new Uri(browser.BaseUrl), document);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(link.PathAndQuery);

        var result = page.GetByTestId("verify-result");
        Assert.Contains("文书真实", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("有效", await page.GetByTestId("verify-status").InnerTextAsync());
        Assert.Equal(document.Number, await page.GetByLabel("文书编号").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "verify-genuine-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal("In force", await page.GetByTestId("verify-status").InnerTextAsync());

        await page.GetByLabel("Verification code").FillAsync("AAAA-BBBB-CCCC-DDDD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "code=AAAA-BBBB-CCCC-DDDD");
        Assert.Contains("Not verified", await page.GetByTestId("verify-result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("鼎山大道", await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "verify-not-verified-en");
        await page.Context.CloseAsync();
    }

    private async Task<IssuedDocument> IssueNoticeAsync()
    {
        var scopes = browser.App.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(new FixedCaller("judge", null, new HashSet<string> { Roles.Judge }, Guid.NewGuid()));
        return await scope.ServiceProvider.GetRequiredService<DocumentIssuer>().IssueAsync(DocumentsApi.Notice());
    }
}
