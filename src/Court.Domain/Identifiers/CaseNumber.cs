using System.Globalization;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>A people's court known to this installation, by its case-number code (法院代字).</summary>
/// <param name="Phone">The switchboard number the court's documents print for the addressee to call.</param>
public sealed record PeoplesCourt(string Code, string NameZh, string NameEn, string? Phone = null);

public static class PeoplesCourts
{
    public static readonly PeoplesCourt ChongqingHigh = new("渝", "重庆市高级人民法院", "Chongqing High People's Court", "023-67673000");
    public static readonly PeoplesCourt ChongqingFifthIntermediate = new("渝05", "重庆市第五中级人民法院", "Chongqing Fifth Intermediate People's Court", "023-63311000");
    public static readonly PeoplesCourt Jiangjin = new("渝0116", "重庆市江津区人民法院", "Jiangjin District People's Court", "023-47520000");

    public static readonly IReadOnlyList<PeoplesCourt> All = [ChongqingHigh, ChongqingFifthIntermediate, Jiangjin];

    public static PeoplesCourt? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}

public enum CaseCategory
{
    Bankruptcy,
    Enforcement,
    Civil,
}

/// <summary>A case-type code (类型代字).</summary>
public sealed record CaseType(string Code, string NameZh, string NameEn, CaseCategory Category);

public static class CaseTypes
{
    public static readonly CaseType BankruptcyApplication = new("破申", "破产申请审查", "bankruptcy application review", CaseCategory.Bankruptcy);
    public static readonly CaseType Bankruptcy = new("破", "破产案件", "bankruptcy case", CaseCategory.Bankruptcy);
    public static readonly CaseType BankruptcyAppeal = new("破终", "破产上诉", "bankruptcy appeal", CaseCategory.Bankruptcy);
    public static readonly CaseType BankruptcySupervision = new("破监", "破产监督", "bankruptcy supervision", CaseCategory.Bankruptcy);
    public static readonly CaseType LiquidationApplication = new("清申", "强制清算申请审查", "compulsory liquidation application review", CaseCategory.Bankruptcy);
    public static readonly CaseType CompulsoryLiquidation = new("强清", "强制清算", "compulsory liquidation", CaseCategory.Bankruptcy);
    public static readonly CaseType Enforcement = new("执", "执行实施", "enforcement", CaseCategory.Enforcement);
    public static readonly CaseType CivilFirstInstance = new("民初", "民事一审", "civil first instance", CaseCategory.Civil);

    public static readonly IReadOnlyList<CaseType> All =
        [BankruptcyApplication, Bankruptcy, BankruptcyAppeal, BankruptcySupervision, LiquidationApplication, CompulsoryLiquidation, Enforcement, CivilFirstInstance];

    public static CaseType? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}

/// <summary>
/// A case number (案号): (year) + court code + type code + serial + 号, e.g. (2022)渝0116破1号. Full-width （） and
/// 〔〕 are accepted; the canonical form, which is what is stored and compared, uses ASCII brackets.
/// </summary>
public sealed record CaseNumber
{
    private CaseNumber(int year, PeoplesCourt court, CaseType type, int serial)
    {
        Year = year;
        Court = court;
        Type = type;
        Serial = serial;
    }

    /// <summary>The rules on case numbers (关于人民法院案件案号的若干规定) apply to cases filed from 1 January 2016.</summary>
    public const int FirstYear = 2016;

    public int Year { get; }

    public PeoplesCourt Court { get; }

    public CaseType Type { get; }

    public int Serial { get; }

    public string Value => string.Create(CultureInfo.InvariantCulture, $"({Year}){Court.Code}{Type.Code}{Serial}号");

    /// <summary>The form printed for readers (documents, the public list): full-width brackets, e.g. （2022）渝0116破1号.</summary>
    public string Printed => string.Create(CultureInfo.InvariantCulture, $"（{Year}）{Court.Code}{Type.Code}{Serial}号");

    public override string ToString() => Value;

    /// <summary>The printed form of a stored (canonical) case number; text that is not one is returned as it is.</summary>
    public static string Print(string caseNumber) => Parse(caseNumber) is { IsValid: true } parsed ? parsed.Value.Printed : caseNumber;

    public static Parsed<CaseNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Error("case-number.required", "Enter the case number, e.g. (2022)渝0116破1号.");
        }

        // NFKC folds （） and full-width digits to ASCII; 〔〕 have no compatibility form, so map them by hand.
        var s = Normalize.WithoutBlanks(input).Replace('〔', '(').Replace('〕', ')').Replace('[', '(').Replace(']', ')');
        if (s.Length > 40)
        {
            return Error("case-number.too-long", "A case number has at most 40 characters.");
        }

        if (!s.StartsWith('('))
        {
            return Error("case-number.year-missing", $"'{s}' does not start with the year in brackets, e.g. (2022).");
        }

        var close = s.IndexOf(')', StringComparison.Ordinal);
        if (close < 0)
        {
            return Error("case-number.year-unclosed", $"'{s}': the bracket around the year is not closed.");
        }

        var yearText = s.AsSpan(1, close - 1);
        if (yearText.Length != 4 || !Normalize.IsAsciiDigits(yearText))
        {
            return Error("case-number.year-invalid", $"'{s}': the year in brackets must be four digits, not '{yearText}'.");
        }

        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > 2099)
        {
            return Error("case-number.year-out-of-range", $"'{s}': the year {year} is not between {FirstYear} and 2099; case numbers of this form exist from {FirstYear}.");
        }

        if (!s.EndsWith('号'))
        {
            return Error("case-number.suffix-missing", $"'{s}' must end with 号.");
        }

        var body = s[(close + 1)..^1];

        // Court code: a province abbreviation and its digits; then the type code (letters); then the serial (digits).
        var i = 0;
        if (i < body.Length && !char.IsAsciiDigit(body[i]))
        {
            i++;
        }

        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
        }

        var courtCode = body[..i];
        var court = PeoplesCourts.Find(courtCode);
        if (court is null)
        {
            return Error("case-number.court-unknown", $"'{s}': the court code '{courtCode}' is not one of this court's codes ({string.Join(", ", PeoplesCourts.All.Select(c => c.Code))}).");
        }

        var typeStart = i;
        while (i < body.Length && !char.IsAsciiDigit(body[i]))
        {
            i++;
        }

        var typeCode = body[typeStart..i];
        var type = CaseTypes.Find(typeCode);
        if (type is null)
        {
            return Error("case-number.type-unknown", $"'{s}': the case type '{typeCode}' is not known ({string.Join(", ", CaseTypes.All.Select(t => t.Code))}).");
        }

        var serialText = body[i..];
        if (!Normalize.IsAsciiDigits(serialText))
        {
            return Error("case-number.serial-invalid", $"'{s}': the serial before 号 must be digits, not '{serialText}'.");
        }

        if (serialText.StartsWith('0') || serialText.Length > 6)
        {
            return Error("case-number.serial-invalid", $"'{s}': the serial must be a number from 1 to 999999 without leading zeros.");
        }

        return new CaseNumber(year, court, type, int.Parse(serialText, CultureInfo.InvariantCulture));
    }

    private static DomainError Error(string code, string message) => DomainError.Invalid(code, message);
}
