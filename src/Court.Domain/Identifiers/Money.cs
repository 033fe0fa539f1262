using System.Globalization;
using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>An amount of CNY held as integer fen (分). Never a float.</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>One trillion yuan: beyond any estate, and far from overflow when summed.</summary>
    public const long MaxFen = 100_000_000_000_000L;

    public static Money Zero => new(0);

    public decimal Yuan => Fen / 100m;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public override string ToString() => Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <summary>An amount given in fen, e.g. from an API field <c>estimatedValueFen</c>.</summary>
    public static Parsed<Money> FromFen(long fen, string what = "amount") => fen switch
    {
        < 0 => DomainError.Invalid("money.negative", $"The {what} cannot be negative."),
        > MaxFen => DomainError.Invalid("money.too-large", $"The {what} is larger than any estate could hold."),
        _ => new Money(fen),
    };

    /// <summary>An amount typed in yuan: digits, optional thousands separators, at most two decimals ("1,234.56").</summary>
    public static Parsed<Money> ParseYuan(string? input, string what = "amount")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DomainError.Invalid("money.required", $"Enter the {what} in yuan.");
        }

        var s = Normalize.WithoutBlanks(input).Replace(",", "", StringComparison.Ordinal).TrimStart('¥', '￥');
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan))
        {
            return DomainError.Invalid("money.format", $"'{input}' is not an amount in yuan (e.g. 1,234.56).");
        }

        if (decimal.Round(yuan, 2) != yuan)
        {
            return DomainError.Invalid("money.precision", $"'{input}' has more than two decimals; amounts are kept to the fen.");
        }

        return yuan * 100 > MaxFen ? DomainError.Invalid("money.too-large", $"The {what} is larger than any estate could hold.") : FromFen((long)(yuan * 100), what);
    }
}

