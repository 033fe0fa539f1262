using Court.Application.Common;
using Court.Application.Documents;
using Court.Domain.Documents;
using Court.Testing;
using Court.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>
/// The agency notice's printable page, printed by Chromium on A4 as a clerk's browser would (issue 12, decisions 0092
/// and 0094): a long case fits one sheet, the seal and the return slip below it included. The server's own PDF is
/// OnePageNoticeTests' concern.
/// </summary>
public sealed class NoticePrintBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_printable_notice_of_a_long_case_prints_on_one_a4_page_with_the_seal_and_the_return_slip()
    {
        var document = await IssueAsync(LongNotices.Content());
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/documents/" + Uri.EscapeDataString(document.Number));

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        if (Environment.GetEnvironmentVariable("COURT_SAMPLE_PDF") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, pdf);
        }

        var (pages, a4) = await Poppler.InfoAsync(pdf);
        Assert.Equal(1, pages);
        Assert.True(a4);
        var text = Flat(await Poppler.TextAsync(pdf));
        var seal = text.IndexOf("（院印）", StringComparison.Ordinal);
        var slip = text.IndexOf("沿虚线剪下", StringComparison.Ordinal);
        Assert.True(seal >= 0 && slip > seal, "the seal, then the return slip below it");
        Assert.Contains("回执", text[slip..], StringComparison.Ordinal);
        Assert.Contains("重庆市江津区某某精密机械制造与进出口贸易有限责任公司", text, StringComparison.Ordinal);
        Assert.Contains("重庆市公安局江津区分局经济犯罪侦查支队", text, StringComparison.Ordinal);
        Assert.Single(Occurrences(text, ChineseDates.Format(document.IssuedOn)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_label_of_the_printed_notice_stays_on_one_line()
    {
        var document = await IssueAsync(LongNotices.Content());
        var page = await browser.SignedInAsync("clerk");
        await page.GotoAsync("/documents/" + Uri.EscapeDataString(document.Number));
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // A label cell whose text wraps is taller than one line of its own font.
        var wrapped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main th[scope=row], main th[scope=col]')]
                .filter(th => { const r = document.createRange(); r.selectNodeContents(th); return r.getClientRects().length > 1; })
                .map(th => th.textContent)
            """);
        Assert.Empty(wrapped);
        Assert.True(await page.Locator("main th[scope=row]").CountAsync() >= 8);
        await page.Context.CloseAsync();
    }

    private async Task<IssuedDocument> IssueAsync(DocumentContent content)
    {
        var scopes = browser.App.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(new FixedCaller("judge", null, new HashSet<string> { Roles.Judge }, Guid.NewGuid()));
        return await scope.ServiceProvider.GetRequiredService<DocumentIssuer>().IssueAsync(
            new DocumentToIssue(DocumentKind.AssistedEnforcementNotice, "渝0116", $"print-{Guid.NewGuid():N}", content));
    }

    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
