using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Identifiers;

public sealed class WaybillNumberTests
{
    [Theory]
    [InlineData("EA123456785CN", "EA123456785CN")]
    [InlineData(" ea 1234 5678 5 cn ", "EA123456785CN")]
    [InlineData("ＥＡ１２３４５６７８５ＣＮ", "EA123456785CN")]
    [InlineData("EA100000140CN", "EA100000140CN")]
    [InlineData("EA100000025CN", "EA100000025CN")]
    public void Accepts_a_number_whose_check_digit_matches_including_the_10_and_11_remainders(string input, string canonical) =>
        Assert.Equal(canonical, WaybillNumber.Parse(input).Value.Value);

    [Theory]
    [InlineData(null, "waybill.required")]
    [InlineData("", "waybill.required")]
    [InlineData("EA12345678CN", "waybill.length")]
    [InlineData("EA1234567855CN", "waybill.length")]
    [InlineData("E1123456785CN", "waybill.service-indicator")]
    [InlineData("EA12345A785CN", "waybill.serial")]
    [InlineData("EA12345678XCN", "waybill.serial")]
    [InlineData("EA123456785C1", "waybill.country")]
    [InlineData("EA123456784CN", "waybill.check")]
    [InlineData("EA213456785CN", "waybill.check")]
    public void Rejects_each_kind_of_bad_number_with_its_own_code(string? input, string code) =>
        Assert.Equal(code, WaybillNumber.Parse(input).Error?.Code);

    [Fact]
    public void A_mistyped_check_digit_error_names_the_right_one() =>
        Assert.Contains("should be '5'", WaybillNumber.Parse("EA123456784CN").Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void The_court_allocates_numbers_with_the_check_digit_computed()
    {
        Assert.Equal("EA123456785CN", WaybillNumber.Create("EA", 12_345_678).Value);
        Assert.Equal("EA100000034CN", WaybillNumber.Create("EA", 10_000_003).Value);
        Assert.Equal("EA000000014CN", WaybillNumber.Create("EA", 1).Value);
    }
}

public sealed class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("500116199001011234")]
    [InlineData("５００１１６１９９００１０１１２３４")]
    public void Accepts_a_number_with_a_valid_check_character(string input) =>
        Assert.True(ResidentIdNumber.Parse(input).IsValid);

    [Fact]
    public void Reads_the_birth_date_and_division() =>
        Assert.Equal((new DateOnly(1990, 1, 1), "500116"), (ResidentIdNumber.Parse("500116199001011234").Value.BirthDate, ResidentIdNumber.Parse("500116199001011234").Value.DivisionCode));

    [Theory]
    [InlineData(null, "resident-id.required")]
    [InlineData("50011619900101123", "resident-id.length")]
    [InlineData("5001161990010112345", "resident-id.length")]
    [InlineData("5001161990010112A4", "resident-id.character")]
    [InlineData("50011619900101123Y", "resident-id.character")]
    [InlineData("990116199001011234", "resident-id.division")]
    [InlineData("500116199013011234", "resident-id.birth-date")]
    [InlineData("500116189001011234", "resident-id.birth-date")]
    [InlineData("500116199001011235", "resident-id.check")]
    public void Rejects_each_kind_of_bad_number_with_its_own_code(string? input, string code) =>
        Assert.Equal(code, ResidentIdNumber.Parse(input).Error?.Code);
}

public sealed class LawyerLicenceNumberTests
{
    [Fact]
    public void Accepts_seventeen_digits_with_a_province_and_a_category() =>
        Assert.Equal("50", LawyerLicenceNumber.Parse("15001200910123456").Value.Province);

    [Theory]
    [InlineData(null, "lawyer-licence.required")]
    [InlineData("1500120091012345", "lawyer-licence.length")]
    [InlineData("150012009101234567", "lawyer-licence.length")]
    [InlineData("1500120091012345A", "lawyer-licence.character")]
    [InlineData("19901200910123456", "lawyer-licence.province")]
    [InlineData("15001200900123456", "lawyer-licence.category")]
    public void Rejects_each_kind_of_bad_number_with_its_own_code(string? input, string code) =>
        Assert.Equal(code, LawyerLicenceNumber.Parse(input).Error?.Code);
}
