using System.Diagnostics;
using System.Globalization;
using Court.Application.Documents;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Testing;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace Court.Application.Tests.Documents;

public sealed class RenderingDocumentsTests(RenderingFixture rendering) : IClassFixture<RenderingFixture>
{

    [Fact]
    public async Task The_pdf_is_a_valid_a4_pdf_with_the_chinese_text_in_an_embedded_font()
    {
        var document = await rendering.IssueAsync(FullNotice());
        var pdf = await RenderingFixture.PdfAsync(document);

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        using var parsed = PdfDocument.Open(pdf);
        Assert.Equal(1, (await Poppler.InfoAsync(pdf)).Pages); // a one-page notice (DocumentForms.IsOnePageNotice)
        var page = parsed.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        var text = string.Concat(parsed.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        foreach (var expected in new[] { "重庆市江津区人民法院", "协助执行通知书", document.Number, "案号：（2022）渝0116破1号", "（2022）渝0116破1号之三民事裁定", "渝(2019)江津区不动产权第0001234号", "重庆市江津区规划和自然资源局", "鼎山大道88号", "二〇二二年三月十日", document.VerificationCode, "抄送" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.All(page.Letters.Where(l => l.Value.Trim().Length > 0), l => Assert.Contains("Noto Serif SC", l.FontName, StringComparison.Ordinal));
        Assert.True(pdf.Length < 400_000, $"the PDF embeds a font subset, not the whole font ({pdf.Length} bytes)");
    }

    [Fact]
    public async Task The_qr_code_on_the_pdf_decodes_to_the_verification_url()
    {
        var document = await rendering.IssueAsync(FullNotice());
        var url = RenderingFixture.UrlOf(document);
        var pdf = await RenderingFixture.PdfAsync(document);
        using var parsed = PdfDocument.Open(pdf);

        using var dir = new TempDirectory("court-qr");
        await File.WriteAllBytesAsync(dir.File("doc.pdf"), pdf);
        var (width, height, gray) = await RasterizeAsync(dir.File("doc.pdf"), parsed.NumberOfPages, dir.File("page"));
        var source = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true, [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE } };
        var result = new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);

        Assert.NotNull(result);
        Assert.Equal(url.AbsoluteUri, result.Text);
        Assert.StartsWith("https://court.example.cn/verify?number=%E6%B1%9F%E6%B4%A5", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_page_encodes_every_value_and_carries_the_qr_code_and_a_print_stylesheet()
    {
        var hostile = FullNotice() with { Content = FullNotice().Content with { Addressee = "<script>alert(1)</script>局" } };
        var document = await rendering.IssueAsync(hostile);
        var html = RenderingFixture.Html(document);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;局", html, StringComparison.Ordinal);
        Assert.Contains("协助执行通知书", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"qr\"", html, StringComparison.Ordinal);
        Assert.Contains(document.VerificationCode, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printed_case_numbers_use_full_width_brackets_in_the_pdf_and_the_html()
    {
        var document = await rendering.IssueAsync(FullNotice());
        var url = RenderingFixture.UrlOf(document);
        using var parsed = PdfDocument.Open(await RenderingFixture.PdfAsync(document));
        var pdfText = string.Concat(parsed.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        var html = RenderingFixture.Html(document);

        foreach (var text in new[] { pdfText, html })
        {
            Assert.Contains("（2022）渝0116破1号", text, StringComparison.Ordinal);
            Assert.DoesNotContain("(2022)渝0116破1号", text, StringComparison.Ordinal);
            Assert.Contains("渝(2019)江津区不动产权第0001234号", text, StringComparison.Ordinal); // not a case number: as recorded
        }

        Assert.Equal("(2022)渝0116破1号", document.Content.CaseNumber); // the record keeps the form the API takes
    }

    [Fact]
    public async Task A_long_document_continues_on_numbered_pages()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"第{i}项：江津区几江街道鼎山大道{i}号房屋及其占用范围内的国有建设用地使用权，请依法解除查封登记。").ToArray();
        var request = FullNotice() with { Content = FullNotice().Content with { Sections = [DocumentSection.Text(paragraphs)] } };
        var document = await rendering.IssueAsync(request);
        using var parsed = PdfDocument.Open(await RenderingFixture.PdfAsync(document));

        Assert.True(parsed.NumberOfPages >= 2);
        var last = string.Concat(parsed.GetPage(parsed.NumberOfPages).Letters.Select(l => l.Value));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"共{parsed.NumberOfPages}页"), last.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var all = string.Concat(parsed.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Contains("鼎山大道40号", all, StringComparison.Ordinal);
    }

    internal static DocumentToIssue FullNotice() => new(
        DocumentKind.AssistedEnforcementNotice,
        "渝0116",
        "release-request-7",
        new DocumentContent(
            "协助执行通知书",
            "(2022)渝0116破1号",
            "重庆市江津区规划和自然资源局",
            Agencies.NaturalResources.Code,
            [
                DocumentSection.Text("本院于2022年3月1日作出(2022)渝0116破1号民事裁定，受理重庆市江津区某某机械制造有限公司（统一社会信用代码91500116MA5U8XXX0X）破产清算一案。依照《中华人民共和国企业破产法》第十九条之规定，有关债务人财产的保全措施应当解除。本院已于2022年3月8日作出(2022)渝0116破1号之三民事裁定，解除对下列财产的查封。请你局协助执行下列事项："),
                DocumentSection.Table(
                    "一、财产",
                    new DocumentField("坐落", "重庆市江津区几江街道鼎山大道88号1幢"),
                    new DocumentField("不动产权证号", "渝(2019)江津区不动产权第0001234号"),
                    new DocumentField("不动产单元号", "500116001001GB00001F00010001"),
                    new DocumentField("面积", "1,236.50平方米"),
                    new DocumentField("用途", "工业")),
                DocumentSection.Table(
                    "二、查封情况",
                    new DocumentField("查封机关", "重庆市江津区公安局"),
                    new DocumentField("查封文号", "江公(经)查字〔2021〕15号"),
                    new DocumentField("查封日期", "2021年6月2日"),
                    new DocumentField("登记编号", "渝(2021)江津区不动产证明第0045678号")),
                new DocumentSection("三、协助执行事项", ["解除上述查封，注销查封登记。"]),
            ],
            ["重庆市江津区公安局"],
            "联系人：王建国　联系电话：023-47520000"));

    /// <summary>Renders one page with poppler's pdftoppm to 8-bit grey (PGM), the form ZXing reads, at a printer's 300 dpi.</summary>
    private static async Task<(int Width, int Height, byte[] Gray)> RasterizeAsync(string pdf, int page, string prefix)
    {
        var start = new ProcessStartInfo("pdftoppm", ["-gray", "-r", "300", "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), "-singlefile", pdf, prefix])
        {
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm (poppler-utils) is needed: ./test.sh installs it.");
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var bytes = await File.ReadAllBytesAsync(prefix + ".pgm");

        // P5 header: "P5\n<width> <height>\n<max>\n" then width*height bytes.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
            }

            var s = i;
            while (!char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, s, i - s));
        }

        Assert.Equal("P5", fields[0]);
        var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], CultureInfo.InvariantCulture);
        return (width, height, bytes[(i + 1)..]);
    }
}
