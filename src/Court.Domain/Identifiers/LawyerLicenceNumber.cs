using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>A lawyer's practice category, digit 10 of the licence number.</summary>
public enum LawyerCategory
{
    FullTime = 1,
    PartTime = 2,
    HongKongResident = 3,
    MacaoResident = 4,
    TaiwanResident = 5,
    PublicSector = 6,
    InHouse = 7,
    LegalAid = 8,
    Military = 9,
}

/// <summary>
/// A lawyer licence number (律师执业证号), as the Ministry of Justice compiles it: 17 digits — digit 1 the certificate
/// type, 2–3 the issuing province (GB/T 2260, 50 = Chongqing), 4–5 the city, 6–9 the year first licensed, 10 the
/// practice category, 11 sex, 12–17 a serial. The number has no check digit, so structure is all that can be
/// validated; whether it belongs to the person in front of you is for the document that names him
/// (docs/decisions/0090).
/// </summary>
public sealed record LawyerLicenceNumber
{
    /// <summary>1: a practising certificate (律师执业证) or a lawyer's work certificate (律师工作证); no other type is issued.</summary>
    public const char PractisingCertificate = '1';

    private LawyerLicenceNumber(string value) => Value = value;

    public string Value { get; }

    public string Province => Value[1..3];

    public LawyerCategory Category => (LawyerCategory)(Value[9] - '0');

    public override string ToString() => Value;

    public static Parsed<LawyerLicenceNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("lawyer-licence.required", "请填写律师执业证号（17 位）。", "Enter the lawyer licence number (17 digits).");
        }

        var s = Normalize.WithoutBlanks(input);
        if (!Normalize.IsAsciiDigits(s))
        {
            return DomainError.Invalid("lawyer-licence.character", $"律师执业证号只含数字；“{Shorten(s)}”含有其他字符。", $"A lawyer licence number has only digits; '{Shorten(s)}' has others.");
        }

        if (s.Length != 17)
        {
            return DomainError.Invalid(
                "lawyer-licence.length",
                s.Length == 12 ? $"“{s}”是旧版 12 位证号；请填写现行执业证的 17 位证号。" : $"律师执业证号为 17 位；“{Shorten(s)}”为 {s.Length} 位。",
                s.Length == 12
                ? $"'{s}' is a 12-digit number of the old format; enter the 17-digit number of the current licence."
                : $"A lawyer licence number has 17 digits; '{Shorten(s)}' has {s.Length}.");
        }

        if (s[0] != PractisingCertificate)
        {
            return DomainError.Invalid("lawyer-licence.certificate-type", $"“{s}”：第 1 位为证书类型，应为 1（律师执业证），而不是 {s[0]}。", $"'{s}': digit 1 is the certificate type and must be 1 (律师执业证), not {s[0]}.");
        }

        if (!Provinces.IsMainland(s.AsSpan(1, 2)))
        {
            return DomainError.Invalid("lawyer-licence.province", $"“{s}”：第 2–3 位应为发证省份代码（如重庆为 50），而不是 {s[1..3]}。", $"'{s}': digits 2–3 must be the issuing province (e.g. 50 for Chongqing), not {s[1..3]}.");
        }

        if (s[9] == '0')
        {
            return DomainError.Invalid("lawyer-licence.category", $"“{s}”：第 10 位为执业类别（1 专职、2 兼职、3–5 香港、澳门、台湾、6 公职、7 公司、8 法律援助、9 军队），不能为 0。", $"'{s}': digit 10 is the practice category (1 full-time, 2 part-time, 3–5 Hong Kong, Macao, Taiwan, 6 public-sector, 7 in-house, 8 legal aid, 9 military) and cannot be 0.");
        }

        return new LawyerLicenceNumber(s);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>
/// A law firm's practice licence number (律师事务所执业许可证号). Since the 2017 reform the licence number is the firm's
/// unified social credit code, registered by the justice administration as a law-practice body: it starts with 31
/// and passes the credit-code check.
/// </summary>
public sealed record LawFirmLicenceNumber
{
    /// <summary>Registration authority 3 (司法行政) and body kind 1 (律师执业机构), GB 32100-2015 annex.</summary>
    public const string LawPracticeBody = "31";

    private LawFirmLicenceNumber(CreditCode code) => Code = code;

    public CreditCode Code { get; }

    public string Value => Code.Value;

    public override string ToString() => Value;

    public static Parsed<LawFirmLicenceNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("law-firm-licence.required", "请填写律师事务所执业许可证号（18 位）。", "Enter the law firm's licence number (18 characters).");
        }

        var code = CreditCode.Parse(input);
        if (!code.IsValid)
        {
            var error = code.Error!;
            return error.Prefixed("律师事务所执业许可证号即其统一社会信用代码。", "A law firm's licence number is its unified social credit code.") with
            {
                Code = error.Code.Replace("credit-code.", "law-firm-licence.", StringComparison.Ordinal),
            };
        }

        if (!code.Value.Value.StartsWith(LawPracticeBody, StringComparison.Ordinal))
        {
            return DomainError.Invalid("law-firm-licence.not-a-law-firm", $"“{code.Value}”是统一社会信用代码，但不是律师事务所的：律师事务所的代码以 31 开头（司法行政机关登记的律师执业机构）。", $"'{code.Value}' is a credit code, but not a law firm's: a law firm's starts with 31 (registered by the justice administration as a law-practice body).");
        }

        return new LawFirmLicenceNumber(code.Value);
    }
}
