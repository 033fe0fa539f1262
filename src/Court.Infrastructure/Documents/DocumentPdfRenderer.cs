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
    private const string NoLineStart = "，。、；：！？）》」』”’〕】…—,.;:!?)]";

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>Letters and rulings: GB/T 9704-like margins, 三号-size body.</summary>
    private static readonly Layout Standard = new(Top: 72, Bottom: 842 - 76, Left: 79, Right: 595 - 74, Court: 17, Title: 24, Body: 14, Table: 14, BodyLeading: 1.6, Qr: 86, Compact: false);

    /// <summary>A one-page notice (<see cref="DocumentForms.IsOnePageNotice"/>): 小四 body, 五号 tables, narrower margins.</summary>
    private static readonly Layout OnePage = new(Top: 36, Bottom: 842 - 40, Left: 56, Right: 595 - 52, Court: 14, Title: 18, Body: 10.5, Table: 9.5, BodyLeading: 1.3, Qr: 64, Compact: true);

    private readonly Layout layout;
    private readonly XFont court;
    private readonly XFont title;
    private readonly XFont body;
    private readonly XFont cell;
    private readonly XFont small;
    private readonly PdfDocument pdf = new();
    private XGraphics gfx = null!;
    private double y;

    private DocumentPdfRenderer(Layout layout)
    {
        this.layout = layout;
        court = new(CourtFontResolver.Family, layout.Court, XFontStyleEx.Regular, Unicode);
        title = new(CourtFontResolver.Family, layout.Title, XFontStyleEx.Regular, Unicode);
        body = new(CourtFontResolver.Family, layout.Body, XFontStyleEx.Regular, Unicode);
        cell = new(CourtFontResolver.Family, layout.Table, XFontStyleEx.Regular, Unicode);
        small = new(CourtFontResolver.Family, layout.Compact ? 8 : 10, XFontStyleEx.Regular, Unicode);
    }

    private double Left => layout.Left;

    private double Right => layout.Right;

    private double Top => layout.Top;

    private double Bottom => layout.Bottom;

    private double Width => layout.Right - layout.Left;

    public static byte[] Render(IssuedDocument document, Uri verificationUrl)
    {
        CourtFontResolver.EnsureInstalled();
        using var renderer = new DocumentPdfRenderer(DocumentForms.IsOnePageNotice(document.Kind) ? OnePage : Standard);
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

        var gap = layout.Compact ? 0.35 : 1;
        Centered(d.Court.NameZh, court, layout.Compact ? 1.5 : 1.9);
        Centered(c.Title, title, layout.Compact ? 1.35 : 1.8, simulateBold: true);
        y += 4 * gap;
        if (layout.Compact)
        {
            // One line: the case on the left, the document's number on the right.
            gfx.DrawString(PrintedText.Of("案号：" + c.CaseNumber), body, XBrushes.Black, new XRect(Left, y, Width, body.Height), XStringFormats.TopLeft);
            Line(d.Number, body, align: XStringFormats.TopRight);
        }
        else
        {
            Line(d.Number, body, align: XStringFormats.TopRight);
            Line("案号：" + c.CaseNumber, body, align: XStringFormats.TopRight);
        }

        y += body.Height * 0.6 * gap;

        Paragraph(c.Addressee + "：", indent: false);
        if (layout.Compact)
        {
            CompactBody(c.Sections);
            CompactClosing(d, url);
            if (DocumentForms.ReturnSlipOf(d) is { } slip)
            {
                ReturnSlipBlock(slip);
            }
        }
        else
        {
            StandardBody(c.Sections);
            StandardClosing(d, url);
        }

        gfx.Dispose();
        Footers(d);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void StandardBody(IReadOnlyList<DocumentSection> sections)
    {
        foreach (var section in sections)
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
                Block(null, TableRows(fields, Width));
                y += body.Height * 0.6;
            }
        }
    }

    private void StandardClosing(IssuedDocument d, Uri url)
    {
        var c = d.Content;
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

        y += body.Height;
        VerificationBlock(d, url, Width);
    }

    /// <summary>
    /// A one-page form: a table's heading is its first column, not a line of its own; two short facts share a row; a
    /// run of tables with the same heading and labels (one per seizure) is one grid.
    /// </summary>
    private void CompactBody(IReadOnlyList<DocumentSection> sections)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var fields = section.Fields is { Count: > 0 } f ? f : null;
            if (section.Heading is { } heading && (fields is null || section.Paragraphs.Count > 0))
            {
                Paragraph(heading, indent: true);
            }

            foreach (var p in section.Paragraphs)
            {
                Paragraph(p, indent: true);
            }

            if (fields is null)
            {
                continue;
            }

            var headed = section.Paragraphs.Count == 0 ? section.Heading : null;
            var width = headed is null ? Width : Width - HeadingColumn;
            var run = SameTableRun(sections, i);
            Block(headed, run > 1 ? GridRows([.. sections.Skip(i).Take(run).Select(s => s.Fields!)], width) : TableRows(fields, width));
            i += run - 1;
        }
    }

    /// <summary>The verification block on the left and the court's signature and seal on the right, side by side; then contact and copies.</summary>
    private void CompactClosing(IssuedDocument d, Uri url)
    {
        var c = d.Content;
        y += body.Height * 0.4;
        var signature = new[] { (d.Court.NameZh, body), (ChineseDates.Format(d.IssuedOn), body), ("（院印）", small) };
        var signatureWidth = signature.Max(l => gfx.MeasureString(l.Item1, l.Item2).Width) + 24;
        EnsureSpace(Math.Max(VerificationHeight(), signature.Sum(l => l.Item2.Height * 1.35) + 6));
        var top = y;
        VerificationBlock(d, url, Width - signatureWidth - 12);
        var bottom = y;
        var sy = top + 6;
        foreach (var (text, font) in signature)
        {
            gfx.DrawString(text, font, XBrushes.Black, new XRect(Right - signatureWidth, sy, signatureWidth, font.Height), XStringFormats.TopCenter);
            sy += font.Height * 1.35;
        }

        y = Math.Max(bottom, sy) + body.Height * 0.3;
        if (c.Contact is { } contact)
        {
            Paragraph(contact, indent: false, cell);
        }

        if (c.CopyTo is { Count: > 0 } copyTo)
        {
            Paragraph("抄送：" + string.Join("、", copyTo), indent: false, cell);
        }
    }

    /// <summary>
    /// The return slip at the foot of the last page, under a dashed cut line that carries its instruction; on a page of
    /// its own when the notice leaves no room for it (nothing is cut).
    /// </summary>
    private void ReturnSlipBlock(ReturnSlip slip)
    {
        var rows = SlipRows(slip, Width - HeadingColumn);
        var cut = small.Height * 1.7;
        var total = cut + rows.Sum(r => r.Columns.Max(c => c.Lines.Count) * cell.Height * CellLeading + 2 * Pad) + 5;
        if (y + total > Bottom)
        {
            NewPage();
        }

        y = Bottom - total;
        var instruction = PrintedText.Of(slip.Instruction);
        var gap = gfx.MeasureString(instruction, small).Width + 16;
        var middle = y + (cut / 2);
        var pen = new XPen(XColors.Gray, 0.6) { DashStyle = XDashStyle.Dash };
        gfx.DrawLine(pen, Left, middle, Left + ((Width - gap) / 2), middle);
        gfx.DrawLine(pen, Right - ((Width - gap) / 2), middle, Right, middle);
        gfx.DrawString(instruction, small, XBrushes.Black, new XRect(Left, middle - (small.Height / 2), Width, small.Height), XStringFormats.TopCenter);
        y += cut;
        Block(slip.Title, rows);
    }

    /// <summary>A slip's rows as cells: one label column as wide as the longest label; two cells share a row half and half.</summary>
    private List<Row> SlipRows(ReturnSlip slip, double width)
    {
        var labelWidth = slip.Rows.SelectMany(r => r.Cells).Max(c => gfx.MeasureString(c.Label, cell).Width) + (2 * Pad) + 1;
        List<string> Lines(ReturnSlipCell c, int count, double w)
        {
            var lines = c.Value is null ? [] : Wrap(PrintedText.Of(c.Value), cell, w - (2 * Pad));
            while (lines.Count < count)
            {
                lines.Add("");
            }

            return lines;
        }

        return [.. slip.Rows.Select(r =>
        {
            var share = width / r.Cells.Count;
            return new Row([.. r.Cells.SelectMany(c => new[] { new Column(labelWidth, [c.Label]), new Column(share - labelWidth, Lines(c, r.Lines, share - labelWidth)) })]);
        })];
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
        var leading = layout.Compact ? 1.3 : 1.5;
        EnsureSpace(font.Height * leading);
        gfx.DrawString(PrintedText.Of(text), font, XBrushes.Black, new XRect(Left, y, Width - rightInset, font.Height), align);
        y += font.Height * leading;
    }

    private void Paragraph(string text, bool indent, XFont? font = null)
    {
        font ??= body;
        var indentWidth = indent ? gfx.MeasureString("　　", font).Width : 0;
        var lines = Wrap(PrintedText.Of(text), font, Width, indentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(font.Height * layout.BodyLeading);
            gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(Left + (i == 0 ? indentWidth : 0), y), XStringFormats.TopLeft);
            y += font.Height * layout.BodyLeading;
        }
    }

    private double Pad => layout.Compact ? 2.5 : 5;

    private double CellLeading => layout.Compact ? 1.12 : 1.35;

    /// <summary>The width of the column a one-page form prints a table's heading in: three characters.</summary>
    private double HeadingColumn => gfx.MeasureString("协助执", cell).Width + 2 * Pad + 1;

    /// <summary>
    /// A table of labelled facts as rows of cells. The label column is as wide as the longest label, so labels never
    /// wrap. On a one-page form two short facts share a row (label, value, label, value).
    /// </summary>
    private List<Row> TableRows(IReadOnlyList<DocumentField> fields, double width)
    {
        var labels = fields.Select(f => PrintedText.Of(f.Label)).ToList();
        var values = fields.Select(f => PrintedText.Of(f.Value)).ToList();
        var labelWidth = Math.Min(labels.Max(l => gfx.MeasureString(l, cell).Width) + 2 * Pad + 1, width * 0.4);
        var half = width / 2;
        bool Short(int k) => gfx.MeasureString(values[k], cell).Width <= half - labelWidth - 2 * Pad;
        var rows = new List<Row>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (layout.Compact && i + 1 < fields.Count && Short(i) && Short(i + 1))
            {
                rows.Add(new Row([
                    new Column(labelWidth, [labels[i]]), new Column(half - labelWidth, [values[i]]),
                    new Column(labelWidth, [labels[i + 1]]), new Column(half - labelWidth, [values[i + 1]])]));
                i++;
            }
            else
            {
                rows.Add(new Row([new Column(labelWidth, [labels[i]]), new Column(width - labelWidth, Wrap(values[i], cell, width - labelWidth - 2 * Pad))]));
            }
        }

        return rows;
    }

    /// <summary>How many tables from <paramref name="start"/> on share the heading and labels of the first and carry nothing else.</summary>
    private static int SameTableRun(IReadOnlyList<DocumentSection> sections, int start)
    {
        var first = sections[start];
        if (first.Paragraphs.Count > 0)
        {
            return 1;
        }

        var n = 1;
        while (start + n < sections.Count && sections[start + n] is { Paragraphs.Count: 0, Fields: { } next } s
            && s.Heading == first.Heading && next.Select(f => f.Label).SequenceEqual(first.Fields!.Select(f => f.Label)))
        {
            n++;
        }

        return n;
    }

    /// <summary>Tables with the same labels as one grid: the labels as column heads, one row per table.</summary>
    private List<Row> GridRows(IReadOnlyList<IReadOnlyList<DocumentField>> tables, double width)
    {
        var heads = tables[0].Select(f => PrintedText.Of(f.Label)).ToList();
        var values = tables.Select(t => t.Select(f => PrintedText.Of(f.Value)).ToList()).ToList();

        // Each column gets its head's width, and the rest is shared out by the longest value it holds.
        var minimum = heads.Select(h => gfx.MeasureString(h, cell).Width + 2 * Pad + 1).ToList();
        var wanted = heads.Select((_, k) => Math.Max(minimum[k], values.Max(r => gfx.MeasureString(r[k], cell).Width) + 2 * Pad + 1)).ToList();
        var spare = width - minimum.Sum();
        var extra = wanted.Select((w, k) => w - minimum[k]).ToList();
        var widths = extra.Sum() <= spare
            ? wanted.Select(w => w + (spare - extra.Sum()) / heads.Count).ToList()
            : minimum.Select((m, k) => m + spare * extra[k] / extra.Sum()).ToList();

        var rows = new List<Row> { new([.. heads.Select((h, k) => new Column(widths[k], [h], Centred: true))]) };
        rows.AddRange(values.Select(r => new Row([.. r.Select((v, k) => new Column(widths[k], Wrap(v, cell, widths[k] - 2 * Pad)))])));
        return rows;
    }

    /// <summary>
    /// Draws rows of cells, with <paramref name="heading"/> (if any) as a first column spanning them. A headed block is
    /// kept on one page; an unheaded one breaks between rows.
    /// </summary>
    private void Block(string? heading, IReadOnlyList<Row> rows)
    {
        var pen = new XPen(XColors.Black, 0.6);
        var heights = rows.Select(r => r.Columns.Max(c => c.Lines.Count) * cell.Height * CellLeading + 2 * Pad).ToList();
        var x0 = heading is null ? Left : Left + HeadingColumn;
        y += 2;
        if (heading is not null)
        {
            EnsureSpace(heights.Sum());
            var headLines = Wrap(PrintedText.Of(heading), cell, HeadingColumn - 2 * Pad);
            var total = heights.Sum();
            gfx.DrawRectangle(pen, Left, y, HeadingColumn, total);
            var hy = y + (total - headLines.Count * cell.Height * CellLeading) / 2;
            foreach (var line in headLines)
            {
                gfx.DrawString(line, cell, XBrushes.Black, new XRect(Left, hy, HeadingColumn, cell.Height), XStringFormats.TopCenter);
                hy += cell.Height * CellLeading;
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (y + heights[r] > Bottom)
            {
                NewPage();
            }

            var x = x0;
            foreach (var column in rows[r].Columns)
            {
                gfx.DrawRectangle(pen, x, y, column.Width, heights[r]);
                for (var i = 0; i < column.Lines.Count; i++)
                {
                    var at = y + Pad + i * cell.Height * CellLeading;
                    if (column.Centred)
                    {
                        gfx.DrawString(column.Lines[i], cell, XBrushes.Black, new XRect(x, at, column.Width, cell.Height), XStringFormats.TopCenter);
                    }
                    else
                    {
                        gfx.DrawString(column.Lines[i], cell, XBrushes.Black, new XPoint(x + Pad, at), XStringFormats.TopLeft);
                    }
                }

                x += column.Width;
            }

            y += heights[r];
        }

        y += layout.Compact ? 3 : 0;
    }

    private (string Text, XFont Font)[] VerificationLines(IssuedDocument d, Uri url) =>
    [
        ("文书编号：" + d.Number, layout.Compact ? cell : body),
        ("验证码：" + d.VerificationCode, layout.Compact ? cell : body),
        ("扫描二维码，或在本院文书核验页面输入文书编号和验证码，", small),
        ("可核验本文书的真伪及效力状态（有效、已执行、已撤销）。", small),
        (url.GetLeftPart(UriPartial.Path), small),
    ];

    private double VerificationHeight() =>
        Math.Max(layout.Qr, (2 * (layout.Compact ? cell : body).Height + 3 * small.Height) * VerificationLeading) + (layout.Compact ? 8 : 12);

    private double VerificationLeading => layout.Compact ? 1.15 : 1.3;

    private void VerificationBlock(IssuedDocument d, Uri url, double width)
    {
        var size = layout.Qr;
        var lines = VerificationLines(d, url);
        var textHeight = lines.Sum(l => l.Font.Height * VerificationLeading);
        var height = VerificationHeight();
        EnsureSpace(height);
        var pen = new XPen(XColor.FromArgb(120, 120, 120), 0.5) { DashStyle = XDashStyle.Dash };
        gfx.DrawRectangle(pen, Left, y, width, height);

        var modules = QrCodes.Modules(url.AbsoluteUri);
        var n = modules.GetLength(0);
        var module = size / n;
        var x0 = Left + 6;
        var y0 = y + (height - size) / 2;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                if (modules[row, col])
                {
                    // Slight overlap so anti-aliasing leaves no seams between modules.
                    gfx.DrawRectangle(XBrushes.Black, x0 + col * module, y0 + row * module, module + 0.05, module + 0.05);
                }
            }
        }

        var tx = x0 + size + 10;
        var ty = y + (height - textHeight) / 2;
        foreach (var (text, font) in lines)
        {
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(tx, ty), XStringFormats.TopLeft);
            ty += font.Height * VerificationLeading;
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
            g.DrawString(text, small, XBrushes.Gray, new XRect(Left, Bottom + (842 - Bottom) / 3, Width, small.Height), XStringFormats.TopCenter);
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

/// <summary>Margins (points on A4) and type sizes of one paper form.</summary>
internal sealed record Layout(double Top, double Bottom, double Left, double Right, double Court, double Title, double Body, double Table, double BodyLeading, double Qr, bool Compact);

/// <summary>One row of a drawn table.</summary>
internal sealed record Row(IReadOnlyList<Column> Columns);

/// <summary>A cell of a row: its width and its lines, already wrapped.</summary>
internal sealed record Column(double Width, IReadOnlyList<string> Lines, bool Centred = false);
