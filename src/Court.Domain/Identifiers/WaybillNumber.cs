using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>
/// A judicial-express waybill number in UPU S10 form: two letters (service indicator), eight serial digits, a check
/// digit and the ISO country code, e.g. <c>EA123456785CN</c>. The check digit weighs the serial 8 6 4 2 3 5 9 7;
/// r = 11 − (sum mod 11), with r = 10 written 0 and r = 11 written 5.
/// </summary>
public sealed record WaybillNumber
{
    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    private WaybillNumber(string value) => Value = value;

    public string Value { get; }

    public string ServiceIndicator => Value[..2];

    public string Serial => Value[2..10];

    public string Country => Value[11..];

    public override string ToString() => Value;

    /// <summary>The waybill for a serial the court allocates: the check digit is computed, never typed.</summary>
    public static WaybillNumber Create(string serviceIndicator, int serial, string country = "CN")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 99_999_999);
        var digits = serial.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return Parse($"{serviceIndicator}{digits}{CheckDigit(digits)}{country}").Value;
    }

    public static Parsed<WaybillNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("waybill.required", "请填写邮件号（13 位，如 EA123456785CN）。", "Enter the waybill number (13 characters, e.g. EA123456785CN).");
        }

        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        if (s.Length != 13)
        {
            return DomainError.Invalid("waybill.length", $"邮件号为 13 位（2 个字母、9 位数字、2 个字母）；“{Shorten(s)}”为 {s.Length} 位。", $"A waybill number has 13 characters (2 letters, 9 digits, 2 letters); '{Shorten(s)}' has {s.Length}.");
        }

        if (!IsAsciiLetters(s.AsSpan(0, 2)))
        {
            return DomainError.Invalid("waybill.service-indicator", $"“{s}”应以两个字母（业务代码）开头，而不是“{s[..2]}”。", $"'{s}' must start with two letters (the service indicator), not '{s[..2]}'.");
        }

        if (!Normalize.IsAsciiDigits(s.AsSpan(2, 9)))
        {
            return DomainError.Invalid("waybill.serial", $"“{s}”的第 3–11 位应为数字（8 位序号和 1 位校验位），而不是“{s[2..11]}”。", $"Characters 3–11 of '{s}' must be digits (8 serial digits and the check digit), not '{s[2..11]}'.");
        }

        if (!IsAsciiLetters(s.AsSpan(11, 2)))
        {
            return DomainError.Invalid("waybill.country", $"“{s}”应以两个字母的国家代码（CN）结尾，而不是“{s[11..]}”。", $"'{s}' must end with the two-letter country code (CN), not '{s[11..]}'.");
        }

        var expected = CheckDigit(s.AsSpan(2, 8));
        if (s[10] != expected)
        {
            return DomainError.Invalid("waybill.check", $"“{s}”校验不通过：第 11 位应为“{expected}”，而不是“{s[10]}”。是否有数字输错？", $"'{s}' fails its check: the 11th character should be '{expected}', not '{s[10]}'. Is a digit mistyped?");
        }

        return new WaybillNumber(s);
    }

    public static char CheckDigit(ReadOnlySpan<char> serial)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (serial[i] - '0') * Weights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => '0',
            11 => '5',
            var r => (char)('0' + r),
        };
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('A', 'Z');

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
