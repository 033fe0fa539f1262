using System.Globalization;
using Court.Application.Documents;
using Court.Domain.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Court.Infrastructure.Documents;

/// <summary>
/// Lays a document out on A4 pages the way Chinese court documents look (GB/T 9704-like margins, centred court name
/// and title, number on the right, body with two-character indents, fact tables, date and seal line), then a
/// verification block with the code and the QR code. Breaks CJK text at any character, keeping closing punctuation
/// off the start of a line; continues on new pages; numbers the pages.
/// </summary>
internal sealed class DocumentPdfRenderer : IDisposable
{
    private const double Left = 79;
    private const double Right = 595 - 74;
    private const double Top = 72;
    private const double Bottom = 842 - 76;
    private const double Width = Right - Left;
    private const string NoLineStart = "，。、；：！？）》」』”’〕】…—,.;:!?)]";

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly XFont court = new(CourtFontResolver.Family, 17, XFontStyleEx.Regular, Unicode);
    private readonly XFont title = new(CourtFontResolver.Family, 24, XFontStyleEx.Regular, Unicode);
    private readonly XFont body = new(CourtFontResolver.Family, 14, XFontStyleEx.Regular, Unicode);
    private readonly XFont small = new(CourtFontResolver.Family, 10, XFontStyleEx.Regular, Unicode);
    private readonly PdfDocument pdf = new();
    private XGraphics gfx = null!;
    private double y;

    public static byte[] Render(IssuedDocument document, Uri verificationUrl)
    {
        CourtFontResolver.EnsureInstalled();
        using var renderer = new DocumentPdfRenderer();
        return renderer.Draw(document, verificationUrl);
    }

    public void Dispose()
    {
        gfx?.Dispose();
        pdf.Dispose();
    }

    private byte[] Draw(IssuedDocument d, Uri url)
    {
        var c = d.Content;
        pdf.Info.Title = $"{c.Title} {d.Number}";
        pdf.Info.Author = d.Court.NameZh;
        pdf.Info.Subject = c.CaseNumber;
        pdf.Info.Keywords = $"{d.Number} {d.ContentHash}";
        pdf.Info.CreationDate = d.IssuedAt.UtcDateTime;
        pdf.Info.ModificationDate = d.IssuedAt.UtcDateTime;
        NewPage();

        Centered(d.Court.NameZh, court, 1.9);
        Centered(c.Title, title, 1.8, simulateBold: true);
        y += 4;
        Line(d.Number, body, align: XStringFormats.TopRight);
        Line("案号：" + c.CaseNumber, body, align: XStringFormats.TopRight);
        y += body.Height * 0.6;

        Paragraph(c.Addressee + "：", indent: false);
        foreach (var section in c.Sections)
        {
            if (section.Heading is { } heading)
            {
                y += body.Height * 0.3;
                Paragraph(heading, indent: true);
            }

            foreach (var p in section.Paragraphs)
            {
                Paragraph(p, indent: true);
            }

            if (section.Fields is { Count: > 0 } fields)
            {
                Table(fields);
            }
        }

        y += body.Height * 1.2;
        EnsureSpace(body.Height * 4.5);
        Line(d.Court.NameZh, body, align: XStringFormats.TopRight, rightInset: 24);
        Line(ChineseDates.Format(d.IssuedOn), body, align: XStringFormats.TopRight, rightInset: 24);
        Line("（院印）", small, align: XStringFormats.TopRight, rightInset: 40);

        if (c.Contact is { } contact)
        {
            y += body.Height * 0.5;
            Paragraph(contact, indent: false);
        }

        if (c.CopyTo is { Count: > 0 } copyTo)
        {
            Paragraph("抄送：" + string.Join("、", copyTo), indent: false);
        }

        VerificationBlock(d, url);
        gfx.Dispose();
        Footers(d);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void NewPage()
    {
        gfx?.Dispose();
        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Top;
    }

    private void EnsureSpace(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void Centered(string text, XFont font, double lineHeight, bool simulateBold = false)
    {
        foreach (var line in Wrap(PrintedText.Of(text), font, Width))
        {
            EnsureSpace(font.Height * lineHeight);
            var rect = new XRect(Left, y, Width, font.Height);
            gfx.DrawString(line, font, XBrushes.Black, rect, XStringFormats.TopCenter);
            if (simulateBold)
            {
                // A hairline offset thickens the strokes; the shipped font has one weight only.
                gfx.DrawString(line, font, XBrushes.Black, rect with { X = rect.X + 0.45 }, XStringFormats.TopCenter);
            }

            y += font.Height * lineHeight;
        }
    }

    private void Line(string text, XFont font, XStringFormat align, double rightInset = 0)
    {
        EnsureSpace(font.Height * 1.5);
        gfx.DrawString(PrintedText.Of(text), font, XBrushes.Black, new XRect(Left, y, Width - rightInset, font.Height), align);
        y += font.Height * 1.5;
    }

    private void Paragraph(string text, bool indent)
    {
        var indentWidth = indent ? gfx.MeasureString("　　", body).Width : 0;
        var lines = Wrap(PrintedText.Of(text), body, Width, indentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(body.Height * 1.6);
            gfx.DrawString(lines[i], body, XBrushes.Black, new XPoint(Left + (i == 0 ? indentWidth : 0), y), XStringFormats.TopLeft);
            y += body.Height * 1.6;
        }
    }

    private void Table(IReadOnlyList<DocumentField> fields)
    {
        const double labelWidth = 118;
        const double pad = 5;
        var pen = new XPen(XColors.Black, 0.6);
        y += 2;
        foreach (var field in fields)
        {
            var labels = Wrap(PrintedText.Of(field.Label), body, labelWidth - 2 * pad);
            var values = Wrap(PrintedText.Of(field.Value), body, Width - labelWidth - 2 * pad);
            var rows = Math.Max(labels.Count, values.Count);
            var height = rows * body.Height * 1.35 + 2 * pad;
            if (y + height > Bottom)
            {
                NewPage();
            }

            gfx.DrawRectangle(pen, Left, y, labelWidth, height);
            gfx.DrawRectangle(pen, Left + labelWidth, y, Width - labelWidth, height);
            for (var i = 0; i < labels.Count; i++)
            {
                gfx.DrawString(labels[i], body, XBrushes.Black, new XPoint(Left + pad, y + pad + i * body.Height * 1.35), XStringFormats.TopLeft);
            }

            for (var i = 0; i < values.Count; i++)
            {
                gfx.DrawString(values[i], body, XBrushes.Black, new XPoint(Left + labelWidth + pad, y + pad + i * body.Height * 1.35), XStringFormats.TopLeft);
            }

            y += height;
        }

        y += body.Height * 0.6;
    }

    private void VerificationBlock(IssuedDocument d, Uri url)
    {
        const double size = 86;
        var lines = new (string Text, XFont Font)[]
        {
            ("文书编号：" + d.Number, body),
            ("验证码：" + d.VerificationCode, body),
            ("扫描二维码，或在本院文书核验页面输入文书编号和验证码，", small),
            ("可核验本文书的真伪及效力状态（有效、已执行、已撤销）。", small),
            (url.GetLeftPart(UriPartial.Path), small),
        };
        var textHeight = lines.Sum(l => l.Font.Height * 1.3);
        var height = Math.Max(size, textHeight) + 12;
        y += body.Height;
        EnsureSpace(height);
        var pen = new XPen(XColor.FromArgb(120, 120, 120), 0.5) { DashStyle = XDashStyle.Dash };
        gfx.DrawRectangle(pen, Left, y, Width, height);

        var modules = QrCodes.Modules(url.AbsoluteUri);
        var n = modules.GetLength(0);
        var cell = size / n;
        var x0 = Left + 6;
        var y0 = y + (height - size) / 2;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                if (modules[row, col])
                {
                    // Slight overlap so anti-aliasing leaves no seams between modules.
                    gfx.DrawRectangle(XBrushes.Black, x0 + col * cell, y0 + row * cell, cell + 0.05, cell + 0.05);
                }
            }
        }

        var tx = x0 + size + 10;
        var ty = y + (height - textHeight) / 2;
        foreach (var (text, font) in lines)
        {
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(tx, ty), XStringFormats.TopLeft);
            ty += font.Height * 1.3;
        }

        y += height;
    }

    private void Footers(IssuedDocument d)
    {
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{d.Number}　第 {i + 1} 页 共 {count} 页");
            g.DrawString(text, small, XBrushes.Gray, new XRect(Left, 842 - 50, Width, small.Height), XStringFormats.TopCenter);
        }
    }

    /// <summary>Greedy line breaking: CJK may break anywhere, runs of Latin letters and digits stay whole when they fit.</summary>
    private List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            var available = lines.Count == 0 ? width - firstIndent : width;
            foreach (var token in Tokens(paragraph))
            {
                var candidate = line + token;
                if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > available && !NoLineStart.Contains(token[0], StringComparison.Ordinal))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    available = width;
                    var t = token.TrimStart();
                    if (gfx.MeasureString(t, font).Width > available)
                    {
                        foreach (var ch in t)
                        {
                            if (line.Length > 0 && gfx.MeasureString(line + ch.ToString(), font).Width > available)
                            {
                                lines.Add(line.ToString());
                                line.Clear();
                            }

                            line.Append(ch);
                        }

                        continue;
                    }

                    line.Append(t);
                    continue;
                }

                line.Append(token);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '/' or '.' or '@')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '/' or '.' or '@'))
                {
                    i++;
                }
            }
            else
            {
                i += char.IsSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            }

            yield return text[start..i];
        }
    }
}
