using System.Globalization;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>
/// A resident identity number (居民身份证号码, GB 11643-1999): six-digit division code, birth date (yyyyMMdd), a
/// three-digit sequence whose last digit is odd for men, and a check character (a digit or X) over the first 17.
/// Residence permits of Hong Kong, Macao and Taiwan residents (prefixes 81, 82, 83) use the same format.
/// </summary>
public sealed record ResidentIdNumber
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }

    /// <summary>The division where the number was first issued, e.g. 500116 (Jiangjin).</summary>
    public string DivisionCode => Value[..6];

    public DateOnly BirthDate { get; }

    /// <summary>The number with the birth date hidden, for lists and answers that must not disclose it (e.g. 500116********123X).</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14));

    public override string ToString() => Value;

    public static Parsed<ResidentIdNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("resident-id.required", "请填写居民身份号码（18 位）。", "Enter the resident identity number (18 characters).");
        }

        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        if (s.Length == 15 && Normalize.IsAsciiDigits(s))
        {
            return DomainError.Invalid("resident-id.first-generation", $"“{s}”是 15 位的第一代身份证号码，2013 年起已停止使用；请填写第二代身份证的 18 位号码。", $"'{s}' is a 15-digit first-generation number, no longer valid since 2013; enter the 18-character number of the second-generation card.");
        }

        if (s.Length != 18)
        {
            return DomainError.Invalid("resident-id.length", $"居民身份号码为 18 位；“{Shorten(s)}”为 {s.Length} 位。", $"A resident identity number has 18 characters; '{Shorten(s)}' has {s.Length}.");
        }

        if (!Normalize.IsAsciiDigits(s.AsSpan(0, 17)) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            return DomainError.Invalid("resident-id.character", $"“{s}”：居民身份号码前 17 位为数字，最后一位为数字或 X。", $"'{s}': the first 17 characters of a resident identity number are digits and the last is a digit or X.");
        }

        if (!Provinces.IsResidentIdPrefix(s.AsSpan(0, 2)))
        {
            return DomainError.Invalid("resident-id.division", $"“{s}”以“{s[..2]}”开头，这不是省级行政区划代码（如重庆为 50）。", $"'{s}' starts with '{s[..2]}', which is not a province code (e.g. 50 for Chongqing).");
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate) || birthDate.Year < 1900)
        {
            return DomainError.Invalid("resident-id.birth-date", $"“{s}”：第 7–14 位应为出生日期（yyyyMMdd），而不是“{s[6..14]}”。", $"'{s}': characters 7–14 must be a birth date (yyyyMMdd), not '{s[6..14]}'.");
        }

        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            return DomainError.Invalid("resident-id.check", $"“{s}”校验不通过：第 18 位应为“{expected}”，而不是“{s[17]}”。是否有数字输错？", $"'{s}' fails its check: the 18th character should be '{expected}', not '{s[17]}'. Is a digit mistyped?");
        }

        return new ResidentIdNumber(s, birthDate);
    }

    /// <summary>The check character of the first 17 digits: Σ digit × weight mod 11 indexes 1 0 X 9 8 7 6 5 4 3 2.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
