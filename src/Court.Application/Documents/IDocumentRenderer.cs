using System.Globalization;
using System.Text;

namespace Court.Application.Documents;

/// <summary>Turns an issued document into what people print: an A4 HTML page and a PDF, both with the QR code of its verification URL.</summary>
public interface IDocumentRenderer
{
    /// <summary>An A4 PDF with embedded Chinese font, the verification code and a QR code of <paramref name="verificationUrl"/>.</summary>
    byte[] RenderPdf(IssuedDocument document, Uri verificationUrl);

    /// <summary>A complete, self-contained HTML page (print stylesheet, inline SVG QR code); every value is HTML-encoded.</summary>
    string RenderHtml(IssuedDocument document, Uri verificationUrl);
}

public static class VerificationLinks
{
    /// <summary>The public page a QR code leads to, with number and code filled in: <c>{base}/verify?number=…&amp;code=…</c>.</summary>
    public static Uri For(Uri publicBase, IssuedDocument document) => For(publicBase, document.Number, document.VerificationCode);

    public static Uri For(Uri publicBase, string number, string code)
    {
        var root = publicBase.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");
    }
}

/// <summary>Dates as Chinese documents print them: 二〇二二年三月十日.</summary>
public static class ChineseDates
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Format(DateOnly date)
    {
        var b = new StringBuilder();
        foreach (var c in date.Year.ToString(CultureInfo.InvariantCulture))
        {
            b.Append(Digits[c - '0']);
        }

        return b.Append('年').Append(Number(date.Month)).Append('月').Append(Number(date.Day)).Append('日').ToString();
    }

    private static string Number(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n - 10],
        _ when n % 10 == 0 => Digits[n / 10] + "十",
        _ => Digits[n / 10] + "十" + Digits[n % 10],
    };
}
