using System.Globalization;

namespace Court.Domain.Fees;

/// <summary>CNY amounts are integer fen (分) everywhere; this converts at the edges and rounds the one way fees round: to the fen, half up.</summary>
public static class Money
{
    /// <summary>The largest amount anyone may ask about: 10^12 yuan. Above it the input is a typo, not a claim.</summary>
    public const long MaxFen = 100_000_000_000_000;

    /// <summary>Rounds a non-negative exact amount of fen to the fen, half up.</summary>
    public static long RoundHalfUp(decimal fen) =>
        fen >= 0 ? (long)decimal.Round(fen, 0, MidpointRounding.AwayFromZero) : throw new ArgumentOutOfRangeException(nameof(fen), "Fees are never negative.");

    /// <summary>Yuan with exactly two decimals (the JSON number a client sees: 2300.00).</summary>
    public static decimal ToYuan(long fen) => fen * 0.01m;

    /// <summary>Yuan as people write it: "12,345.60".</summary>
    public static string Format(long fen) => ToYuan(fen).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses "123456.78" (invariant culture, at most two decimals, no exponent or thousands separators) into fen.
    /// Returns the reason it cannot, for a precise 400.
    /// </summary>
    public static bool TryParseYuan(string? text, out long fen, out string? error)
    {
        fen = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An amount in yuan is required, e.g. 123456.78.";
            return false;
        }

        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan))
        {
            // Digits too many for a decimal are still a number: say it is too large, not that it is not a number.
            if (text.Trim().All(c => char.IsAsciiDigit(c) || c == '.') && text.Count(c => c == '.') <= 1 && text.Any(char.IsAsciiDigit))
            {
                error = "The amount is above 10^12 yuan; check it.";
                return false;
            }

            error = $"'{Truncate(text)}' is not an amount in yuan; write digits with an optional decimal point, e.g. 123456.78.";
            return false;
        }

        if (yuan < 0)
        {
            error = "The amount cannot be negative.";
            return false;
        }

        if (yuan > MaxFen / 100)
        {
            error = "The amount is above 10^12 yuan; check it.";
            return false;
        }

        var scaled = yuan * 100;
        if (scaled != decimal.Truncate(scaled))
        {
            error = "The amount has more than two decimals; money is counted to the fen.";
            return false;
        }

        fen = (long)scaled;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>An exact fraction (a halving is 1/2, a payment order 1/3), so no factor is ever a rounded decimal.</summary>
public readonly record struct Ratio(int Numerator, int Denominator)
{
    public static Ratio One { get; } = new(1, 1);

    public static Ratio Half { get; } = new(1, 2);

    public bool IsValid() => Numerator >= 0 && Denominator > 0;

    /// <summary>Whether this reduces (or keeps) an amount: at most 1.</summary>
    public bool IsReduction() => IsValid() && Numerator <= Denominator;

    public long ApplyTo(long fen) => Money.RoundHalfUp(fen * (decimal)Numerator / Denominator);

    public int CompareTo(Ratio other) => ((long)Numerator * other.Denominator).CompareTo((long)other.Numerator * Denominator);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
