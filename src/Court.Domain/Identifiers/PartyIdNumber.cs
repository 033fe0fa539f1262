using Court.Domain.Common;

namespace Court.Domain.Identifiers;

public enum PartyIdKind
{
    /// <summary>A natural person's resident identity number (居民身份证号码).</summary>
    ResidentId,

    /// <summary>An organisation's unified social credit code (统一社会信用代码).</summary>
    CreditCode,
}

/// <summary>
/// How a party or buyer is identified: a person by resident identity number, an organisation by unified social credit
/// code. Both have 18 characters, so the parser tries both checks; the error names the one the input resembles.
/// </summary>
public sealed record PartyIdNumber
{
    private PartyIdNumber(PartyIdKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public PartyIdKind Kind { get; }

    public string Value { get; }

    public override string ToString() => Value;

    public static Parsed<PartyIdNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("party-id.required", "请填写自然人的居民身份号码或组织的统一社会信用代码（18 位）。", "Enter the resident identity number of a person or the unified social credit code of an organisation (18 characters).");
        }

        var person = ResidentIdNumber.Parse(input);
        if (person.IsValid)
        {
            return new PartyIdNumber(PartyIdKind.ResidentId, person.Value.Value);
        }

        var organisation = CreditCode.Parse(input);
        if (organisation.IsValid)
        {
            return new PartyIdNumber(PartyIdKind.CreditCode, organisation.Value.Value);
        }

        // Seventeen digits then a digit or X reads as a person's number (credit codes of companies carry letters).
        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        var looksLikeResidentId = (s.Length == 18 && Normalize.IsAsciiDigits(s.AsSpan(0, 17))) || (s.Length == 15 && Normalize.IsAsciiDigits(s));
        var nearest = looksLikeResidentId ? person.Error! : organisation.Error!;
        return nearest.Prefixed("既不是有效的居民身份号码，也不是有效的统一社会信用代码。", "Neither a valid resident identity number nor a valid unified social credit code.");
    }
}
