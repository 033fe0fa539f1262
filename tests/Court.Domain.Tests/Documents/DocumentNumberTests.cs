using Court.Domain.Documents;

namespace Court.Domain.Tests.Documents;

public sealed class DocumentNumberTests
{
    [Fact]
    public void A_number_is_written_with_court_prefix_series_code_year_and_four_digit_serial()
    {
        var number = new DocumentNumber(IssuingCourts.Jiangjin, DocumentKinds.Of(DocumentKind.AssistedEnforcementNotice), 2022, 1);
        Assert.Equal("江津法协执字〔2022〕第0001号", number.ToString());
    }

    [Theory]
    [InlineData("江津法协执字〔2022〕第0001号")]
    [InlineData("江津法协执字(2022)第1号")]
    [InlineData("江津法协执字（2022）第0001号")]
    [InlineData(" 江津法 协执 [2022] 0001号 ")]
    [InlineData("江津法协执〔2022〕1")]
    public void A_number_typed_loosely_reads_as_its_canonical_form(string typed)
    {
        var parsed = DocumentNumber.TryParse(typed);
        Assert.NotNull(parsed);
        Assert.Equal("江津法协执字〔2022〕第0001号", parsed.ToString());
        Assert.Equal("cq0116-assisted-enforcement-notice-2022-0001", parsed.LifecycleId);
    }

    [Fact]
    public void Series_codes_that_share_a_prefix_are_told_apart()
    {
        Assert.Equal(DocumentKind.LetterToSeizingBody, DocumentNumber.TryParse("江津法解封函字〔2023〕第0012号")?.Kind.Kind);
        Assert.Equal(DocumentKind.LiftingRuling, DocumentNumber.TryParse("江津法解封裁字〔2023〕第0012号")?.Kind.Kind);
        Assert.Equal(DocumentKind.OtherLetter, DocumentNumber.TryParse("渝五中法函字〔2023〕第0012号")?.Kind.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("(2022)渝0116破1号")]
    [InlineData("江津法协执字〔2022〕第0000号")]
    [InlineData("江津法协执字〔22〕第0001号")]
    [InlineData("北京法协执字〔2022〕第0001号")]
    [InlineData("江津法未知字〔2022〕第0001号")]
    [InlineData("江津法协执字〔2022〕第0001号<script>")]
    public void Text_that_is_not_one_of_our_numbers_does_not_parse(string typed) => Assert.Null(DocumentNumber.TryParse(typed));

    [Fact]
    public void The_series_year_is_the_year_in_china_standard_time()
    {
        var newYearsEveUtc = new DateTimeOffset(2022, 12, 31, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(2023, DocumentSeriesKey.For(IssuingCourts.Jiangjin, DocumentKind.FeeNotice, newYearsEveUtc).Year);
    }
}
