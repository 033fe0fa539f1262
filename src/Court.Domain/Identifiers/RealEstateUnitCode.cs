using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>A real-estate unit code (不动产单元代码): 28 characters (digits and capital letters), starting with the six-digit division code.</summary>
public sealed record RealEstateUnitCode
{
    private RealEstateUnitCode(string value) => Value = value;

    public string Value { get; }

    public string DivisionCode => Value[..6];

    public override string ToString() => Value;

    public static Parsed<RealEstateUnitCode> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("unit-code.required", "Enter the real-estate unit code (28 characters).");
        }

        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        if (s.Length != 28)
        {
            return DomainError.Invalid("unit-code.length", $"A real-estate unit code has 28 characters; '{(s.Length > 40 ? s[..40] + "…" : s)}' has {s.Length}.");
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) && !char.IsAsciiLetterUpper(s[i]))
            {
                return DomainError.Invalid("unit-code.character", $"Character {i + 1} of '{s}' is '{s[i]}'; a unit code has only digits and capital letters.");
            }
        }

        if (!Normalize.IsAsciiDigits(s.AsSpan(0, 6)) || s[..2] is "00")
        {
            return DomainError.Invalid("unit-code.division", $"'{s}' must start with the six-digit administrative-division code (e.g. 500116), not '{s[..6]}'.");
        }

        return new RealEstateUnitCode(s);
    }
}
