using Court.Application.Bankruptcy.Documents;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;
using Court.Domain.Common;
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
        rendering.IssueAsync(new DocumentToIssue(DocumentKind.AssistedEnforcementNotice, "渝0116", "notice-long", LongCaseNotice()));

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
    public async Task The_slip_is_the_documents_own_and_a_letter_has_none()
    {
        var notice = await LongNoticeAsync();
        var letter = await rendering.IssueAsync(new DocumentToIssue(DocumentKind.LetterToSeizingBody, "渝0116", "letter-1", LongCaseNotice() with { Title = "协助解除查封函" }));

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

    /// <summary>As the bankruptcy slice writes it, for a case with everything long.</summary>
    internal static DocumentContent LongCaseNotice()
    {
        var staff = new BankruptcyDocuments.CaseStaff(
            new Person("judge.li", "欧阳建国", "审判员", null, "渝0116", new HashSet<string> { Roles.Judge }),
            new Person("clerk.wang", "司马晓燕", "书记员", null, "渝0116", new HashSet<string> { Roles.Clerk }));
        var content = new NoticeContent(
            "渝0116",
            "重庆市江津区人民法院",
            "(2022)渝0116破12号",
            Agencies.NaturalResources.Code,
            Agencies.NaturalResources.NameZh,
            Guid.NewGuid().ToString("D"),
            "(2022)渝0116破12号之三",
            new DateOnly(2022, 3, 8),
            "重庆市江津区某某精密机械制造与进出口贸易有限责任公司",
            "91500116MA5U8XXX0X",
            AssetKind.Building,
            "位于重庆市江津区几江街道鼎山大道888号的工业厂房（含办公楼、仓库及其占用范围内的国有建设用地使用权）",
            new AssetIdentifiers
            {
                Location = "重庆市江津区几江街道鼎山大道888号1幢、2幢、3幢及附属设施",
                CertificateNumber = "渝(2019)江津区不动产权第0001234号",
                UnitCode = "500116001001GB00001F00010001",
                AreaSquareMetres = 12_365.48m,
                Use = "工业用地/工业厂房",
            },
            [
                new("s1", "重庆市公安局江津区分局经济犯罪侦查支队", "重庆市公安局江津区分局", "江公(经)查字〔2021〕第00015号", new DateOnly(2021, 6, 2), SeizureRank.First, "渝(2021)江津区不动产证明第0045678号"),
                new("s2", "重庆市江津区人民法院执行局", null, "(2021)渝0116执保1234号", new DateOnly(2021, 7, 19), SeizureRank.Queued, "渝(2021)江津区不动产证明第0051234号"),
                new("s3", "重庆市第五中级人民法院", null, "(2021)渝05执保567号", new DateOnly(2021, 9, 30), SeizureRank.Queued, "渝(2021)江津区不动产证明第0067890号"),
            ],
            NoticeAction.CancelSeizureRegistration,
            null,
            null,
            null,
            BankruptcyDocuments.Contact("渝0116", staff),
            new DateOnly(2022, 3, 10));
        return BankruptcyDocuments.Notice(content, new DeadlineDefinition(3, PeriodUnit.WorkingDays, null), new DeadlineDefinition(15, PeriodUnit.CalendarDays, null));
    }
}
