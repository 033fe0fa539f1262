using Court.Domain.Fees;
using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Fees;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("123456.78", 12_345_678L)]
    [InlineData("0", 0L)]
    [InlineData("0.5", 50L)]
    [InlineData(" 7 ", 700L)]
    [InlineData("1000000000000", 100_000_000_000_000L)]
    public void Yuan_parse_to_fen(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out var parsed, out var error), error);
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("-1", "negative")]
    [InlineData("-0.01", "negative")]
    [InlineData("abc", "not an amount")]
    [InlineData("1e5", "not an amount")]
    [InlineData("1,000", "not an amount")]
    [InlineData("NaN", "not an amount")]
    [InlineData("", "required")]
    [InlineData("1000000000000.01", "10^12")]
    [InlineData("99999999999999999999999", "10^12")]
    [InlineData("1.001", "two decimals")]
    public void Bad_amounts_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(Money.TryParseYuan(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Yuan_always_carry_two_decimals() => Assert.Equal("2300.00", Money.ToYuan(230_000).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(5001L, 2501L)]
    [InlineData(5000L, 2500L)]
    [InlineData(1L, 1L)]
    [InlineData(3L, 2L)]
    public void Halving_rounds_half_up(long fen, long half) => Assert.Equal(half, Ratio.Half.ApplyTo(fen));
}
