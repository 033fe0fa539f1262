using Court.Application.Service;
using Court.Domain.Common;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ZXing;
using ZXing.OneD;

namespace Court.Infrastructure.Documents;

/// <summary>
/// The electronic waybill as an A6 label (105 × 148 mm): the 法院专递 mark, the S10 number as a Code 128 barcode with
/// the number beneath it, sender and recipient blocks, the case number and the documents in the envelope, and the
/// return-receipt mark. The same data as <see cref="WaybillLabel"/>; nothing on the label that the record lacks.
/// </summary>
public sealed class WaybillLabelPdfRenderer : IWaybillLabelRenderer
{
    private const double Width = 105 / 25.4 * 72;
    private const double Height = 148 / 25.4 * 72;
    private const double Margin = 14;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public byte[] Render(WaybillLabel label)
    {
        CourtFontResolver.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"法院专递 {label.Waybill}";
        pdf.Info.Subject = label.CaseNumber;
        pdf.Info.CreationDate = label.IssuedAt.UtcDateTime;
        pdf.Info.ModificationDate = label.IssuedAt.UtcDateTime;
        var page = pdf.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, label);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics gfx, WaybillLabel label)
    {
        var mark = new XFont(CourtFontResolver.Family, 20, XFontStyleEx.Regular, Unicode);
        var heading = new XFont(CourtFontResolver.Family, 9, XFontStyleEx.Regular, Unicode);
        var text = new XFont(CourtFontResolver.Family, 8.5, XFontStyleEx.Regular, Unicode);
        var number = new XFont(CourtFontResolver.Family, 11, XFontStyleEx.Regular, Unicode);
        var inner = Width - (2 * Margin);
        var y = Margin;

        gfx.DrawRectangle(XPens.Black, Margin, y, inner, 28);
        gfx.DrawString(label.Mark, mark, XBrushes.Black, new XRect(Margin, y + 2, inner, 26), XStringFormats.Center);
        y += 36;

        DrawBarcode(gfx, label.Waybill, Margin + 6, y, inner - 12, 46);
        y += 48;
        gfx.DrawString(Spaced(label.Waybill), number, XBrushes.Black, new XRect(Margin, y, inner, 14), XStringFormats.TopCenter);
        y += 20;

        y = Block(gfx, "收件人", [label.Recipient, label.PostalAddress ?? "", label.Phone ?? ""], heading, text, y, inner);
        y = Block(gfx, "寄件人", [label.SenderName, label.SenderAddress, label.SenderPhone], heading, text, y, inner);
        y = Block(gfx, "内件", [$"案号：{label.CaseNumber}", .. label.Documents], heading, text, y, inner);

        var receipt = label.ReturnReceipt ? "需回执（送达回证随附）" : "";
        gfx.DrawString(receipt, heading, XBrushes.Black, new XRect(Margin, Height - Margin - 12, inner, 12), XStringFormats.TopLeft);
        gfx.DrawString(label.IssuedAt.ToOffset(CourtTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), heading, XBrushes.Black, new XRect(Margin, Height - Margin - 12, inner, 12), XStringFormats.TopRight);
    }

    private static double Block(XGraphics gfx, string title, IReadOnlyList<string> lines, XFont heading, XFont text, double y, double inner)
    {
        var height = 14 + (lines.Count * 11) + 4;
        gfx.DrawRectangle(XPens.Black, Margin, y, inner, height);
        gfx.DrawString(title, heading, XBrushes.Black, new XRect(Margin + 4, y + 3, inner - 8, 11), XStringFormats.TopLeft);
        var lineY = y + 15;
        foreach (var line in lines)
        {
            gfx.DrawString(Fit(gfx, line, text, inner - 12), text, XBrushes.Black, new XRect(Margin + 8, lineY, inner - 12, 11), XStringFormats.TopLeft);
            lineY += 11;
        }

        return y + height + 6;
    }

    /// <summary>Code 128 (the carriers' scanners read it), bars drawn as rectangles so it stays sharp at any print resolution.</summary>
    private static void DrawBarcode(XGraphics gfx, string value, double x, double y, double width, double height)
    {
        var bits = new Code128Writer().encode(value, BarcodeFormat.CODE_128, 0, 0, new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0 });
        var modules = bits.Width;
        var module = width / modules;
        var start = -1;
        for (var i = 0; i <= modules; i++)
        {
            var dark = i < modules && bits[i, 0];
            if (dark && start < 0)
            {
                start = i;
            }
            else if (!dark && start >= 0)
            {
                gfx.DrawRectangle(XBrushes.Black, x + (start * module), y, (i - start) * module, height);
                start = -1;
            }
        }
    }

    private static string Spaced(string waybill) => waybill.Length == 13 ? $"{waybill[..2]} {waybill[2..5]} {waybill[5..8]} {waybill[8..11]} {waybill[11..]}" : waybill;

    private static string Fit(XGraphics gfx, string line, XFont font, double width)
    {
        if (gfx.MeasureString(line, font).Width <= width)
        {
            return line;
        }

        var cut = line;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }
}
