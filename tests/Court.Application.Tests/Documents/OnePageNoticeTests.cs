using Court.Application.Bankruptcy.Documents;
using Court.Application.Documents;
using Court.Domain.Documents;
using Court.Testing;

namespace Court.Application.Tests.Documents;

/// <summary>
/// The assisted-enforcement notice is a one-page form (issue 12): a long case — a long debtor name, a long address,
/// several seizures by bodies with long names — still prints on one A4 sheet, read back by poppler as a printer would.
/// </summary>
public sealed class OnePageNoticeTests(RenderingFixture rendering) : IClassFixture<RenderingFixture>
{
    private Task<IssuedDocument> LongNoticeAsync() =>
        rendering.IssueAsync(new DocumentToIssue(DocumentKind.AssistedEnforcementNotice, "渝0116", "notice-long", LongNotices.Content()));

    [Fact]
    public async Task A_notice_for_a_long_case_with_several_seizures_prints_on_exactly_one_a4_page()
    {
        var document = await LongNoticeAsync();
        var pdf = await RenderingFixture.PdfAsync(document);

        var (pages, a4) = await Poppler.InfoAsync(pdf);
        var text = RenderingFixture.DrawnText(pdf);

        Assert.Equal(1, pages);
        Assert.True(a4);
        foreach (var expected in new[] { "重庆市江津区某某精密机械制造与进出口贸易有限责任公司", "鼎山大道888号", "重庆市公安局江津区分局经济犯罪侦查支队", "重庆市江津区人民法院执行局", "重庆市第五中级人民法院", "渝(2021)江津区不动产证明第0045678号", "（院印）", document.VerificationCode, "抄送" })
        {
            Assert.Contains(Flat(expected), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_notice_names_its_issuing_court_and_date_once()
    {
        var document = await LongNoticeAsync();
        var text = RenderingFixture.DrawnText(await RenderingFixture.PdfAsync(document));

        Assert.Single(Occurrences(text, ChineseDates.Format(document.IssuedOn)));
        Assert.DoesNotContain(BankruptcyDocuments.Date(document.IssuedOn), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_ends_with_a_return_slip_for_the_agency_below_a_cut_line_on_the_same_page()
    {
        var document = await LongNoticeAsync();
        var pdf = await RenderingFixture.PdfAsync(document);
        var text = RenderingFixture.DrawnText(pdf);

        Assert.Equal(1, (await Poppler.InfoAsync(pdf)).Pages);
        var slip = text[text.LastIndexOf("沿虚线剪下", StringComparison.Ordinal)..];
        Assert.True(text.IndexOf("（院印）", StringComparison.Ordinal) < text.IndexOf("沿虚线剪下", StringComparison.Ordinal), "the slip comes after the signature and seal");
        foreach (var expected in new[] { "回执", document.Number, "签收人", "签收日期", "办理结果", "已按本通知协助执行", "未能执行", "单位盖章" })
        {
            Assert.Contains(Flat(expected), slip, StringComparison.Ordinal);
        }

        Assert.Contains("退回重庆市江津区人民法院", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_form_of_the_notice_carries_the_same_return_slip()
    {
        var document = await LongNoticeAsync();
        var html = RenderingFixture.Html(document);

        var slip = html[html.IndexOf("<section class=\"slip\"", StringComparison.Ordinal)..];
        Assert.True(html.IndexOf("（院印）", StringComparison.Ordinal) < html.IndexOf("<section class=\"slip\"", StringComparison.Ordinal));
        foreach (var cell in DocumentForms.ReturnSlipOf(document)!.Rows.SelectMany(r => r.Cells))
        {
            Assert.Contains($"<th scope=\"row\">{cell.Label}</th>", slip, StringComparison.Ordinal);
        }

        Assert.Contains(document.Number, slip, StringComparison.Ordinal);
        Assert.Contains("沿虚线剪下退回重庆市江津区人民法院", slip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_preview_of_a_notice_is_laid_out_as_its_pdf_form_and_a_letter_keeps_the_letter_layout()
    {
        var notice = RenderingFixture.Html(await LongNoticeAsync());
        var letter = RenderingFixture.Html(await rendering.IssueAsync(new DocumentToIssue(DocumentKind.LetterToSeizingBody, "渝0116", "letter-2", LongNotices.Content() with { Title = "协助解除查封函" })));

        Assert.Contains("<main class=\"page form\">", notice, StringComparison.Ordinal);
        Assert.Contains("<p class=\"ids\"><span class=\"case\">案号：（2022）渝0116破12号</span>", notice, StringComparison.Ordinal);
        Assert.Contains("scope=\"rowgroup\">债务人</th>", notice, StringComparison.Ordinal); // a table's heading as its first column
        Assert.Contains("rowspan=\"4\" scope=\"rowgroup\">查封情况</th>", notice, StringComparison.Ordinal); // three seizures: one grid, a head row and three rows
        Assert.Single(Occurrences(notice, "<th scope=\"col\">查封机关</th>"));
        Assert.Contains("<div class=\"closing\"><section class=\"verify\">", notice, StringComparison.Ordinal); // verification beside the signature
        Assert.DoesNotContain("<h2>查封情况</h2>", notice, StringComparison.Ordinal);
        Assert.Contains("<main class=\"page\">", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"closing\"", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"slip\"", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_slip_is_the_documents_own_and_a_letter_has_none()
    {
        var notice = await LongNoticeAsync();
        var letter = await rendering.IssueAsync(new DocumentToIssue(DocumentKind.LetterToSeizingBody, "渝0116", "letter-1", LongNotices.Content() with { Title = "协助解除查封函" }));

        Assert.NotNull(DocumentForms.ReturnSlipOf(notice));
        Assert.Equal(notice.Number, DocumentForms.ReturnSlipOf(notice)!.Rows[0].Cells[0].Value);
        Assert.Null(DocumentForms.ReturnSlipOf(letter));
        Assert.DoesNotContain("单位盖章", RenderingFixture.DrawnText(await RenderingFixture.PdfAsync(letter)), StringComparison.Ordinal);
    }

    private static string Flat(string text) => RenderingFixture.Flat(text);

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
