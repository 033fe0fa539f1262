using System.Globalization;
using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Identifiers;

/// <summary>The parsers of the service file's identifiers word each refusal in Chinese and English; the reader's culture picks.</summary>
public sealed class IdentifierMessageLanguageTests
{
    public static TheoryData<string, string> BadInputs() => new()
    {
        { "resident-id", "" }, { "resident-id", "500116850312123" }, { "resident-id", "50011619850312123" }, { "resident-id", "50011619850312123A" },
        { "resident-id", "990116198503121236" }, { "resident-id", "500116198502301236" }, { "resident-id", "500116198503121237" },
        { "credit-code", "" }, { "credit-code", "91500116MA5U0000X" }, { "credit-code", "91500116MA5U0000I1" }, { "credit-code", "9150A116MA5U00001X" },
        { "credit-code", "915001160000000001" },
        { "waybill", "" }, { "waybill", "EA12345678CN" }, { "waybill", "1A123456785CN" }, { "waybill", "EA12345678ACN" }, { "waybill", "EA12345678512" },
        { "waybill", "EA123456784CN" },
        { "lawyer-licence", "" }, { "lawyer-licence", "1500120091012345A" }, { "lawyer-licence", "150012009101" }, { "lawyer-licence", "1500120091012" },
        { "lawyer-licence", "25001200910123456" }, { "lawyer-licence", "19901200910123456" }, { "lawyer-licence", "15001200900123456" },
        { "law-firm-licence", "" }, { "law-firm-licence", "915001160000000001" }, { "party-id", "" }, { "party-id", "500116198503121237" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_refusal_has_a_Chinese_text_for_zh_readers_and_the_English_for_en_readers(string parser, string input)
    {
        var error = Parse(parser, input);

        Assert.NotNull(error);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(error.Message, error.MessageIn(CultureInfo.GetCultureInfo("en")));
        Assert.DoesNotMatch(@"^[\x20-\x7E]*$", error.MessageZh!);
    }

    [Fact]
    public void A_party_number_that_is_neither_says_so_in_both_languages_before_the_nearest_reason()
    {
        var error = PartyIdNumber.Parse("500116198503121237").Error!;

        Assert.StartsWith("既不是有效的居民身份号码，也不是有效的统一社会信用代码。“500116198503121237”校验不通过", error.MessageZh, StringComparison.Ordinal);
        Assert.StartsWith("Neither a valid resident identity number nor a valid unified social credit code. '500116198503121237' fails its check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_worded_in_English_only_is_shown_in_English_to_everyone() =>
        Assert.Equal("Only English.", DomainError.Invalid("x.y", "Only English.").MessageIn(CultureInfo.GetCultureInfo("zh-CN")));

    private static DomainError? Parse(string parser, string input) => parser switch
    {
        "resident-id" => ResidentIdNumber.Parse(input).Error,
        "credit-code" => CreditCode.Parse(input).Error,
        "waybill" => WaybillNumber.Parse(input).Error,
        "lawyer-licence" => LawyerLicenceNumber.Parse(input).Error,
        "law-firm-licence" => LawFirmLicenceNumber.Parse(input).Error,
        "party-id" => PartyIdNumber.Parse(input).Error,
        _ => throw new ArgumentOutOfRangeException(nameof(parser)),
    };
}
