using System.Globalization;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>
/// An amount of CNY held as integer fen (分), never a float: the one place amounts are parsed, rounded and written.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>One trillion yuan: beyond any estate or claim (above it the input is a typo), and far from overflow when summed.</summary>
    public const long MaxFen = 100_000_000_000_000L;

    public static Money Zero => new(0);

    public decimal Yuan => ToYuan(Fen);

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public override string ToString() => Format(Fen);

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <summary>Yuan with exactly two decimals (the JSON number a client sees: 2300.00).</summary>
    public static decimal ToYuan(long fen) => fen * 0.01m;

    /// <summary>Yuan as people write it: "12,345.60".</summary>
    public static string Format(long fen) => ToYuan(fen).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Rounds a non-negative exact amount of fen to the fen, half up: the one way fees and shares round.</summary>
    public static long RoundHalfUp(decimal fen) =>
        fen >= 0 ? (long)decimal.Round(fen, 0, MidpointRounding.AwayFromZero) : throw new ArgumentOutOfRangeException(nameof(fen), "Amounts are never negative.");

    /// <summary>An amount given in fen, e.g. from an API field <c>estimatedValueFen</c>.</summary>
    public static Parsed<Money> FromFen(long fen, string what = "amount") => fen switch
    {
        < 0 => DomainError.Invalid("money.negative", $"The {what} cannot be negative."),
        > MaxFen => DomainError.Invalid("money.too-large", $"The {what} is above 10^12 yuan; check it."),
        _ => new Money(fen),
    };

    /// <summary>
    /// An amount a person typed in yuan: full-width digits, blanks, thousands separators and a leading ¥ are forgiven
    /// ("¥1,234.56").
    /// </summary>
    public static Parsed<Money> ParseYuan(string? input, string what = "amount") => Parse(input, what, typed: true);

    /// <summary>
    /// An amount an API caller sent in yuan: "123456.78" exactly (invariant culture, at most two decimals, no separators
    /// or exponent), since a machine's "1,000" may mean one yuan. Gives the reason it cannot, for a precise 400.
    /// </summary>
    public static bool TryParseYuan(string? text, out long fen, out string? error)
    {
        var parsed = Parse(text, "amount", typed: false);
        fen = parsed.Error is null ? parsed.Value.Fen : 0;
        error = parsed.Error?.Message;
        return parsed.Error is null;
    }

    private static Parsed<Money> Parse(string? input, string what, bool typed)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("money.required", $"The {what} in yuan is required, e.g. 123456.78.");
        }

        var s = typed ? Normalize.WithoutBlanks(input).Replace(",", "", StringComparison.Ordinal).TrimStart('¥', '￥') : input.Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan))
        {
            // Digits too many for a decimal are still a number: say it is too large, not that it is not a number.
            return s.All(c => char.IsAsciiDigit(c) || c == '.') && s.Count(c => c == '.') <= 1 && s.Any(char.IsAsciiDigit)
                ? DomainError.Invalid("money.too-large", $"The {what} is above 10^12 yuan; check it.")
                : DomainError.Invalid("money.format", $"'{Truncate(input)}' is not an amount in yuan; write digits with an optional decimal point, e.g. 123456.78.");
        }

        if (yuan * 100 != decimal.Truncate(yuan * 100))
        {
            return DomainError.Invalid("money.precision", $"The {what} has more than two decimals; money is counted to the fen.");
        }

        return yuan > MaxFen / 100 ? DomainError.Invalid("money.too-large", $"The {what} is above 10^12 yuan; check it.") : FromFen((long)(yuan * 100), what);
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
