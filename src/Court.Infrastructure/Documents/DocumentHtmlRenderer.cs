using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Court.Application.Documents;
using Court.Domain.Documents;

namespace Court.Infrastructure.Documents;

/// <summary>
/// The document as one A4 HTML page: screen view for staff, and a print stylesheet (A4 margins, no screen chrome)
/// so the browser's print gives the paper form. Every value is HTML-encoded; CJK stays readable in the source.
/// </summary>
internal static class DocumentHtmlRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #e9e9e9; font-family: "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif; color: #000; }
        .toolbar { font-family: system-ui, sans-serif; padding: .6rem 1rem; background: #243447; color: #fff; display: flex; gap: 1rem; align-items: center; }
        .toolbar a, .toolbar button { color: #fff; background: transparent; border: 1px solid #fff8; border-radius: 4px; padding: .25rem .7rem; font: inherit; cursor: pointer; text-decoration: none; }
        .status { margin-left: auto; font-weight: 600; }
        .status-Revoked { color: #ffb4b4; }
        .page { width: 210mm; min-height: 297mm; margin: 1.5rem auto; background: #fff; padding: 25mm 26mm 24mm 28mm; box-shadow: 0 2px 10px #0003; position: relative; }
        .court { text-align: center; font-size: 17pt; letter-spacing: .1em; margin: 0; }
        h1 { text-align: center; font-size: 24pt; margin: .5em 0 .6em; letter-spacing: .15em; }
        .number, .case { text-align: right; font-size: 14pt; margin: .2em 0; }
        .addressee { font-size: 14pt; margin: 1.2em 0 .4em; }
        p.body { font-size: 14pt; line-height: 1.75; text-indent: 2em; margin: 0; text-align: justify; }
        h2 { font-size: 14pt; font-weight: normal; text-indent: 2em; margin: .5em 0 0; }
        table { width: 100%; border-collapse: collapse; margin: .4em 0 .8em; font-size: 13pt; }
        th, td { border: .6pt solid #000; padding: .25em .5em; vertical-align: top; text-align: left; }
        th { width: 30%; font-weight: normal; }
        .sign { text-align: right; font-size: 14pt; margin-top: 2.5em; line-height: 1.8; padding-right: 2em; }
        .contact, .copyto { font-size: 13pt; margin: .6em 0 0; }
        .verify { display: flex; gap: 1em; align-items: center; border: 1px dashed #888; padding: .6em; margin-top: 2em; break-inside: avoid; }
        .verify svg { width: 30mm; height: 30mm; flex: none; }
        .verify p { margin: .15em 0; font-size: 10.5pt; }
        .verify .code { font-size: 13pt; letter-spacing: .05em; font-family: ui-monospace, monospace; }
        .form { padding: 12mm 14mm 14mm 15mm; }
        .form .court { font-size: 14pt; }
        .form h1 { font-size: 18pt; margin: .2em 0 .3em; }
        .form .ids { display: flex; justify-content: space-between; font-size: 10.5pt; margin: .2em 0; }
        .form .addressee, .form p.body, .form h2 { font-size: 10.5pt; line-height: 1.3; }
        .form .addressee { margin: .5em 0 .2em; }
        .form table { font-size: 9.5pt; margin: .3em 0; }
        .form th, .form td { padding: .15em .3em; }
        .form th { width: auto; white-space: nowrap; }
        .form th.group { width: 3.6em; white-space: normal; text-align: center; vertical-align: middle; }
        .form th[scope=col] { text-align: center; }
        .form .closing { display: flex; gap: 1em; align-items: center; margin-top: .6em; }
        .form .closing .verify { flex: 1; margin-top: 0; }
        .form .closing .verify svg { width: 22mm; height: 22mm; }
        .form .closing .verify p { font-size: 8pt; }
        .form .closing .verify .code { font-size: 9.5pt; }
        .form .sign { margin: 0; font-size: 10.5pt; line-height: 1.5; padding-right: 0; text-align: center; min-width: 12em; }
        .form .contact, .form .copyto { font-size: 9.5pt; margin: .3em 0 0; }
        .slip { margin-top: 2em; break-inside: avoid; }
        .slip .cut { display: flex; align-items: center; gap: .6em; font-size: 9pt; color: #444; }
        .slip .cut::before, .slip .cut::after { content: ""; flex: 1; border-top: 1px dashed #888; }
        .slip table { font-size: 10.5pt; margin: .4em 0 0; }
        .slip th { width: auto; white-space: nowrap; }
        .slip th.title { width: 3em; text-align: center; vertical-align: middle; }
        .slip td.blank { height: 1.6em; }
        .slip td.lines-2 { height: 3.2em; }
        .slip td.lines-3 { height: 4.8em; }
        .revoked-mark { position: absolute; top: 40%; left: 0; right: 0; text-align: center; font-size: 60pt; color: #c0000040; transform: rotate(-20deg); pointer-events: none; }
        @page { size: A4; margin: 0; }
        @media print {
          body { background: #fff; }
          .toolbar { display: none; }
          .page { margin: 0; box-shadow: none; width: auto; min-height: auto; }
        }
        """;

    public static string Render(IssuedDocument d, Uri url)
    {
        var c = d.Content;
        var b = new StringBuilder(8 * 1024);
        b.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        b.Append("<title>").Append(E(c.Title)).Append(' ').Append(E(d.Number)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        b.Append("<div class=\"toolbar\"><button type=\"button\" onclick=\"window.print()\">打印</button>");
        b.Append("<a href=\"/api/documents/").Append(E(Uri.EscapeDataString(d.Number))).Append("/document.pdf\">PDF</a>");
        b.Append("<span class=\"status status-").Append(d.Status).Append("\">").Append(E(StatusZh(d.Status))).Append("</span></div>");

        // A one-page notice is a form (decision 0092): the HTML follows the PDF's layout, so a browser print matches it.
        var form = DocumentForms.IsOnePageNotice(d.Kind);
        b.Append(form ? "<main class=\"page form\">" : "<main class=\"page\">");
        if (d.Status == DocumentStatus.Revoked)
        {
            b.Append("<div class=\"revoked-mark\" aria-hidden=\"true\">已撤销</div>");
        }

        b.Append("<p class=\"court\">").Append(E(d.Court.NameZh)).Append("</p>");
        b.Append("<h1>").Append(P(c.Title)).Append("</h1>");
        if (form)
        {
            b.Append("<p class=\"ids\"><span class=\"case\">案号：").Append(P(c.CaseNumber)).Append("</span><span class=\"number\">").Append(E(d.Number)).Append("</span></p>");
        }
        else
        {
            b.Append("<p class=\"number\">").Append(E(d.Number)).Append("</p>");
            b.Append("<p class=\"case\">案号：").Append(P(c.CaseNumber)).Append("</p>");
        }

        b.Append("<p class=\"addressee\">").Append(P(c.Addressee)).Append("：</p>");
        if (form)
        {
            FormBody(b, c.Sections);
            b.Append("<div class=\"closing\">");
            Verification(b, d, url);
            Signature(b, d);
            b.Append("</div>");
            ContactAndCopies(b, c);
            if (DocumentForms.ReturnSlipOf(d) is { } slip)
            {
                ReturnSlip(b, slip);
            }

            b.Append("</main></body></html>");
            return b.ToString();
        }

        foreach (var section in c.Sections)
        {
            if (section.Heading is { } heading)
            {
                b.Append("<h2>").Append(P(heading)).Append("</h2>");
            }

            foreach (var p in section.Paragraphs)
            {
                b.Append("<p class=\"body\">").Append(P(p)).Append("</p>");
            }

            if (section.Fields is { Count: > 0 } fields)
            {
                b.Append("<table>");
                foreach (var f in fields)
                {
                    b.Append("<tr><th scope=\"row\">").Append(P(f.Label)).Append("</th><td>").Append(P(f.Value)).Append("</td></tr>");
                }

                b.Append("</table>");
            }
        }

        Signature(b, d);
        ContactAndCopies(b, c);
        Verification(b, d, url);
        b.Append("</main></body></html>");
        return b.ToString();
    }

    private static void Signature(StringBuilder b, IssuedDocument d) =>
        b.Append("<div class=\"sign\">").Append(E(d.Court.NameZh)).Append("<br>").Append(E(ChineseDates.Format(d.IssuedOn))).Append("<br>（院印）</div>");

    private static void ContactAndCopies(StringBuilder b, DocumentContent c)
    {
        if (c.Contact is { } contact)
        {
            b.Append("<p class=\"contact\">").Append(P(contact)).Append("</p>");
        }

        if (c.CopyTo is { Count: > 0 } copyTo)
        {
            b.Append("<p class=\"copyto\">抄送：").Append(P(string.Join("、", copyTo))).Append("</p>");
        }
    }

    private static void Verification(StringBuilder b, IssuedDocument d, Uri url)
    {
        b.Append("<section class=\"verify\">").Append(QrCodes.Svg(url.AbsoluteUri, "qr"));
        b.Append("<div><p>文书编号：").Append(E(d.Number)).Append("</p>");
        b.Append("<p>验证码：<span class=\"code\">").Append(E(d.VerificationCode)).Append("</span></p>");
        b.Append("<p>扫描二维码，或在本院文书核验页面输入文书编号和验证码，可核验本文书的真伪及效力状态。</p>");
        b.Append("<p><a href=\"").Append(E(url.AbsoluteUri)).Append("\">").Append(E(url.GetLeftPart(UriPartial.Path))).Append("</a></p></div></section>");
    }

    /// <summary>
    /// The body of a one-page form, as the PDF lays it out: a table's heading is its first column; two short facts
    /// share a row; a run of tables with the same heading and labels (one per seizure) is one grid.
    /// </summary>
    private static void FormBody(StringBuilder b, IReadOnlyList<DocumentSection> sections)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var fields = section.Fields is { Count: > 0 } f ? f : null;
            if (section.Heading is { } heading && (fields is null || section.Paragraphs.Count > 0))
            {
                b.Append("<h2>").Append(P(heading)).Append("</h2>");
            }

            foreach (var p in section.Paragraphs)
            {
                b.Append("<p class=\"body\">").Append(P(p)).Append("</p>");
            }

            if (fields is null)
            {
                continue;
            }

            var group = section.Paragraphs.Count == 0 ? section.Heading : null;
            var run = DocumentForms.SameTableRun(sections, i);
            b.Append("<table>");
            if (run > 1)
            {
                var tables = sections.Skip(i).Take(run).Select(s => s.Fields!).ToList();

                // One row group: a rowspan stops at the end of its group, so with the heads in a thead the group's
                // column would end there and each seizure's first value would slide into it (one character wide).
                b.Append("<tr>");
                if (group is not null)
                {
                    b.Append("<th class=\"group\" rowspan=\"").Append(run + 1).Append("\" scope=\"rowgroup\">").Append(P(group)).Append("</th>");
                }

                foreach (var label in fields.Select(x => x.Label))
                {
                    b.Append("<th scope=\"col\">").Append(P(label)).Append("</th>");
                }

                b.Append("</tr>");
                foreach (var table in tables)
                {
                    b.Append("<tr>");
                    foreach (var field in table)
                    {
                        b.Append("<td>").Append(P(field.Value)).Append("</td>");
                    }

                    b.Append("</tr>");
                }

                i += run - 1;
            }
            else
            {
                FactRows(b, group, fields);
            }

            b.Append("</table>");
        }
    }

    /// <summary>Labelled facts, two to a row when both values are short (as the PDF pairs them), four columns wide.</summary>
    private static void FactRows(StringBuilder b, string? group, IReadOnlyList<DocumentField> fields)
    {
        static bool Short(DocumentField f) => PrintedText.Of(f.Value).Length <= 16;
        var rows = new List<(DocumentField First, DocumentField? Second)>();
        for (var k = 0; k < fields.Count; k++)
        {
            if (k + 1 < fields.Count && Short(fields[k]) && Short(fields[k + 1]))
            {
                rows.Add((fields[k], fields[k + 1]));
                k++;
            }
            else
            {
                rows.Add((fields[k], null));
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            b.Append("<tr>");
            if (r == 0 && group is not null)
            {
                b.Append("<th class=\"group\" rowspan=\"").Append(rows.Count).Append("\" scope=\"rowgroup\">").Append(P(group)).Append("</th>");
            }

            var (first, second) = rows[r];
            b.Append("<th scope=\"row\">").Append(P(first.Label)).Append("</th><td");
            if (second is null)
            {
                b.Append(" colspan=\"3\"");
            }

            b.Append('>').Append(P(first.Value)).Append("</td>");
            if (second is not null)
            {
                b.Append("<th scope=\"row\">").Append(P(second.Label)).Append("</th><td>").Append(P(second.Value)).Append("</td>");
            }

            b.Append("</tr>");
        }
    }

    /// <summary>The return slip under its cut line, as the PDF draws it: the title as a first column spanning the rows.</summary>
    private static void ReturnSlip(StringBuilder b, ReturnSlip slip)
    {
        b.Append("<section class=\"slip\" aria-label=\"").Append(E(slip.Title)).Append("\"><p class=\"cut\">").Append(P(slip.Instruction)).Append("</p><table>");
        var columns = slip.Rows.Max(r => r.Cells.Count);
        for (var r = 0; r < slip.Rows.Count; r++)
        {
            var row = slip.Rows[r];
            b.Append("<tr>");
            if (r == 0)
            {
                b.Append("<th class=\"title\" rowspan=\"").Append(slip.Rows.Count).Append("\">").Append(E(slip.Title)).Append("</th>");
            }

            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var span = i == row.Cells.Count - 1 ? (2 * (columns - row.Cells.Count)) + 1 : 1;
                b.Append("<th scope=\"row\">").Append(E(cell.Label)).Append("</th><td");
                if (span > 1)
                {
                    b.Append(" colspan=\"").Append(span).Append('"');
                }

                if (cell.Value is null)
                {
                    b.Append(" class=\"blank lines-").Append(Math.Clamp(row.Lines, 1, 3)).Append('"');
                }

                b.Append('>').Append(cell.Value is null ? "" : P(cell.Value)).Append("</td>");
            }

            b.Append("</tr>");
        }

        b.Append("</table></section>");
    }

    public static string StatusZh(DocumentStatus status) => status switch
    {
        DocumentStatus.InForce => "有效",
        DocumentStatus.Executed => "已执行",
        DocumentStatus.Revoked => "已撤销",
        _ => status.ToString(),
    };

    private static string E(string text) => Encoder.Encode(text);

    /// <summary>Document text as printed (<see cref="PrintedText"/>), encoded.</summary>
    private static string P(string text) => Encoder.Encode(PrintedText.Of(text));
}
