using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>
/// A lawyer's practice-licence number (律师执业证号): 17 digits; digit 1 is the certificate type, digits 2–3 the
/// province (50 = Chongqing), digit 10 the practice category (1 full-time, 2 part-time, …). The number has no check
/// digit, so only its shape can be validated; the registry lookup is the real check.
/// </summary>
public sealed record LawyerLicenceNumber
{
    private LawyerLicenceNumber(string value) => Value = value;

    public string Value { get; }

    public string Province => Value[1..3];

    public override string ToString() => Value;

    public static Parsed<LawyerLicenceNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("lawyer-licence.required", "Enter the lawyer's practice-licence number (17 digits).");
        }

        var s = Normalize.WithoutBlanks(input);
        if (!Normalize.IsAsciiDigits(s))
        {
            return DomainError.Invalid("lawyer-licence.character", $"A lawyer's licence number is digits only; '{Shorten(s)}' is not.");
        }

        if (s.Length != 17)
        {
            return DomainError.Invalid("lawyer-licence.length", $"A lawyer's licence number has 17 digits; '{s}' has {s.Length}.");
        }

        if (!ResidentIdNumber.IsProvinceCode(s[1..3]))
        {
            return DomainError.Invalid("lawyer-licence.province", $"Digits 2–3 of '{s}' must be a province code (50 = Chongqing), not '{s[1..3]}'.");
        }

        if (s[9] == '0')
        {
            return DomainError.Invalid("lawyer-licence.category", $"Digit 10 of '{s}' is the practice category (1 full-time, 2 part-time, …) and is never 0.");
        }

        return new LawyerLicenceNumber(s);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
