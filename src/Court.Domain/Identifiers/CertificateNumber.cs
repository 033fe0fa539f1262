using System.Globalization;
using System.Text.RegularExpressions;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>
/// A real-estate title certificate number, e.g. 渝(2019)江津区不动产权第0001234号 (or 不动产证明 for a certificate of
/// proof). Full-width brackets are accepted; the canonical form uses ASCII brackets.
/// </summary>
public sealed partial record CertificateNumber
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    private CertificateNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static Parsed<CertificateNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("certificate-number.required", "Enter the certificate number, e.g. 渝(2019)江津区不动产权第0001234号.");
        }

        var s = Normalize.WithoutBlanks(input).Replace('〔', '(').Replace('〕', ')');
        if (s.Length > 60)
        {
            return DomainError.Invalid("certificate-number.too-long", "A certificate number has at most 60 characters.");
        }

        if (!Provinces.Contains(s[0], StringComparison.Ordinal))
        {
            return DomainError.Invalid("certificate-number.province", $"'{s}' must start with the province abbreviation (e.g. 渝), not '{s[0]}'.");
        }

        var match = Shape().Match(s);
        if (!match.Success)
        {
            return DomainError.Invalid("certificate-number.shape", $"'{s}' is not shaped like 渝(2019)江津区不动产权第0001234号: province, (year), place, 不动产权 or 不动产证明, 第, seven digits, 号.");
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 2014)
        {
            // Unified real-estate registration (and its certificates) began in 2014.
            return DomainError.Invalid("certificate-number.year", $"'{s}': unified real-estate certificates date from 2014, not {year}.");
        }

        return new CertificateNumber(s);
    }

    [GeneratedRegex(@"^.\((?<year>\d{4})\)[^()]{1,20}?不动产(权|证明)第\d{7}号$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Shape();
}
