using System.Text.RegularExpressions;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>A Chinese licence plate (号牌): province abbreviation, issuing-office letter, then 5 (or 6 for new-energy) characters.</summary>
public sealed partial record PlateNumber
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    private PlateNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static Parsed<PlateNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("plate.required", "Enter the plate number, e.g. 渝A12345.");
        }

        var s = Normalize.WithoutBlanks(input).Replace("·", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!Provinces.Contains(s[0], StringComparison.Ordinal))
        {
            return DomainError.Invalid("plate.province", $"'{s}' must start with a province abbreviation (e.g. 渝), not '{s[0]}'.");
        }

        if (!Shape().IsMatch(s))
        {
            return DomainError.Invalid("plate.shape", $"'{s}' is not a plate number: after the province comes the office letter and 5 or 6 digits or letters (no I or O), e.g. 渝A12345, 渝AD12345 or 渝A1234挂.");
        }

        return new PlateNumber(s);
    }

    [GeneratedRegex("^.[A-HJ-NP-Z]([A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警])$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Shape();
}

/// <summary>A vehicle identification number (VIN, GB 16735 / ISO 3779): 17 characters without I, O, Q; the 9th is a check digit.</summary>
public sealed record Vin
{
    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    private Vin(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static Parsed<Vin> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("vin.required", "Enter the vehicle identification number (17 characters).");
        }

        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        if (s.Length != 17)
        {
            return DomainError.Invalid("vin.length", $"A VIN has 17 characters; '{(s.Length > 40 ? s[..40] + "…" : s)}' has {s.Length}.");
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = ValueOf(s[i]);
            if (value < 0)
            {
                return DomainError.Invalid("vin.character", $"Character {i + 1} of '{s}' is '{s[i]}'; a VIN has only digits and capital letters other than I, O and Q.");
            }

            sum += value * Weights[i];
        }

        var check = sum % 11 == 10 ? 'X' : (char)('0' + (sum % 11));
        if (s[8] != check)
        {
            return DomainError.Invalid("vin.check", $"'{s}' fails its check: the 9th character should be '{check}', not '{s[8]}'. Is a character mistyped?");
        }

        return new Vin(s);
    }

    // Letters transliterate A–H 1–8, J–R 1–9 skipping O and Q, S–Z 2–9 (ISO 3779).
    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'I' or 'O' or 'Q' => -1,
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'R' => c - 'J' + 1,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => -1,
    };
}
