using System.Globalization;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>
/// A resident identity number (居民身份证号码, GB 11643-1999): a 6-digit division code, the birth date (yyyyMMdd),
/// a 3-digit sequence (odd for men, even for women) and a check character: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
/// on the first 17 digits, sum mod 11 indexes "10X98765432".
/// </summary>
public sealed record ResidentIdNumber
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The provincial-level division codes of GB/T 2260 (the first two digits of every division code).</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }

    public string DivisionCode => Value[..6];

    public DateOnly BirthDate { get; }

    public override string ToString() => Value;

    public static bool IsProvinceCode(string twoDigits) => Provinces.Contains(twoDigits);

    public static Parsed<ResidentIdNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("resident-id.required", "Enter the resident identity number (18 characters).");
        }

        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        if (s.Length != 18)
        {
            return DomainError.Invalid("resident-id.length", $"A resident identity number has 18 characters; '{Shorten(s)}' has {s.Length}.");
        }

        if (!Normalize.IsAsciiDigits(s.AsSpan(0, 17)) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            return DomainError.Invalid("resident-id.character", $"'{s}' must be 17 digits and a check character (a digit or X).");
        }

        if (!Provinces.Contains(s[..2]))
        {
            return DomainError.Invalid("resident-id.division", $"'{s}' starts with '{s[..2]}', which is no province's division code.");
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return DomainError.Invalid("resident-id.birth-date", $"Characters 7–14 of '{s}' must be a birth date (yyyyMMdd), not '{s[6..14]}'.");
        }

        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            return DomainError.Invalid("resident-id.check", $"'{s}' fails its check: the 18th character should be '{expected}', not '{s[17]}'. Is a digit mistyped?");
        }

        return new ResidentIdNumber(s, birth);
    }

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
