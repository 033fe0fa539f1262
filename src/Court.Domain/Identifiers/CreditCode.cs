using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>The kind of body a credit code was issued to (registration authority + category).</summary>
public enum RegisteredBodyKind
{
    /// <summary>机关: registered by the staffing authority (机构编制), category 1.</summary>
    GovernmentOrgan,

    /// <summary>事业单位: staffing authority, category 2.</summary>
    PublicInstitution,

    /// <summary>群众团体 under the central staffing office: staffing authority, category 3.</summary>
    MassOrganisation,

    /// <summary>社会组织: civil-affairs registrations (5x).</summary>
    SocialOrganisation,

    /// <summary>企业: market-regulation registration, category 1 (91).</summary>
    Enterprise,

    /// <summary>个体工商户 (92).</summary>
    IndividualBusiness,

    /// <summary>农民专业合作社 (93).</summary>
    FarmersCooperative,

    Other,
}

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an alphabet without I, O, S, V
/// and Z; characters 3–8 are the administrative-division code; the 18th is a check character over the first 17.
/// </summary>
public sealed record CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The administrative division of the registering authority, e.g. 500116 (Jiangjin).</summary>
    public string DivisionCode => Value[2..8];

    /// <summary>
    /// What kind of body the code was issued to, from its first two characters (registration authority and
    /// category, GB 32100-2015 table 1). A state-owned enterprise reads as an enterprise: its code does not say.
    /// </summary>
    public RegisteredBodyKind BodyKind => (Value[0], Value[1]) switch
    {
        ('1', '1') => RegisteredBodyKind.GovernmentOrgan,
        ('1', '2') => RegisteredBodyKind.PublicInstitution,
        ('1', '3') => RegisteredBodyKind.MassOrganisation,
        ('5', _) => RegisteredBodyKind.SocialOrganisation,
        ('9', '1') => RegisteredBodyKind.Enterprise,
        ('9', '2') => RegisteredBodyKind.IndividualBusiness,
        ('9', '3') => RegisteredBodyKind.FarmersCooperative,
        _ => RegisteredBodyKind.Other,
    };

    public override string ToString() => Value;

    public static Parsed<CreditCode> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("credit-code.required", "请填写统一社会信用代码（18 位）。", "Enter the unified social credit code (18 characters).");
        }

        var s = Normalize.WithoutBlanks(input).ToUpperInvariant();
        if (s.Length != 18)
        {
            return DomainError.Invalid("credit-code.length", $"统一社会信用代码为 18 位；“{Shorten(s)}”为 {s.Length} 位。", $"A unified social credit code has 18 characters; '{Shorten(s)}' has {s.Length}.");
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (!Alphabet.Contains(s[i], StringComparison.Ordinal))
            {
                return DomainError.Invalid("credit-code.character", $"“{s}”的第 {i + 1} 位是“{s[i]}”，统一社会信用代码不使用该字符（可用：数字和除 I、O、S、V、Z 以外的大写字母）。", $"Character {i + 1} of '{s}' is '{s[i]}', which a credit code never uses (allowed: digits and letters except I, O, S, V, Z).");
            }
        }

        if (!Normalize.IsAsciiDigits(s.AsSpan(2, 6)))
        {
            return DomainError.Invalid("credit-code.division", $"“{s}”的第 3–8 位应为 6 位行政区划代码，而不是“{s[2..8]}”。", $"Characters 3–8 of '{s}' must be the six-digit administrative-division code, not '{s[2..8]}'.");
        }

        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            return DomainError.Invalid("credit-code.check", $"“{s}”校验不通过：第 18 位应为“{expected}”，而不是“{s[17]}”。是否有字符输错？", $"'{s}' fails its check: the 18th character should be '{expected}', not '{s[17]}'. Is a character mistyped?");
        }

        return new CreditCode(s);
    }

    /// <summary>The check character of the first 17 characters: 31 − (Σ index × weight mod 31), where 31 means index 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
