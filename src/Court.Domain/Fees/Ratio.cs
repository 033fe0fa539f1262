using Court.Domain.Identifiers;

namespace Court.Domain.Fees;

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
