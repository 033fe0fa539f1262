using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Identifiers;

public sealed class ResidentIdNumberParsingTests
{
    [Theory]
    [InlineData("500116198503121236")]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999, check character X
    [InlineData(" 11010519491231002x ")]
    [InlineData("810000198001010014")] // a Hong Kong resident's residence permit
    public void Accepts_a_number_whose_check_character_holds(string input) =>
        Assert.True(ResidentIdNumber.Parse(input).IsValid);

    [Fact]
    public void Reads_division_and_birth_date_and_masks_the_birth_date()
    {
        var id = ResidentIdNumber.Parse("500116198503121236").Value;

        Assert.Equal(("500116", new DateOnly(1985, 3, 12), "500116********1236"), (id.DivisionCode, id.BirthDate, id.Masked));
    }

    [Theory]
    [InlineData("", "resident-id.required")]
    [InlineData("500116850312123", "resident-id.first-generation")]
    [InlineData("50011619850312123", "resident-id.length")]
    [InlineData("5001161985031212366", "resident-id.length")]
    [InlineData("50011619850312123A", "resident-id.character")]
    [InlineData("5001161985O3121236", "resident-id.character")]
    [InlineData("990116198503121236", "resident-id.division")]
    [InlineData("500116198502301236", "resident-id.birth-date")]
    [InlineData("500116180003121236", "resident-id.birth-date")]
    [InlineData("500116198503121237", "resident-id.check")]
    [InlineData("500116198503121263", "resident-id.check")] // two digits swapped
    public void Rejects_a_bad_number_with_a_precise_code(string input, string code) =>
        Assert.Equal(code, ResidentIdNumber.Parse(input).Error?.Code);

    [Fact]
    public void A_failed_check_names_the_expected_character() =>
        Assert.Contains("should be 'X'", ResidentIdNumber.Parse("110105194912310021").Error!.Message, StringComparison.Ordinal);
}

public sealed class PartyIdNumberTests
{
    [Theory]
    [InlineData("500116198503121236", PartyIdKind.ResidentId)]
    [InlineData("11010519491231002x", PartyIdKind.ResidentId)]
    [InlineData("91500116MA5U5X7A8B", PartyIdKind.CreditCode)]
    [InlineData("12500000MB12345677", PartyIdKind.CreditCode)]
    public void Tells_a_person_from_an_organisation(string input, PartyIdKind kind) =>
        Assert.Equal(kind, PartyIdNumber.Parse(input).Value.Kind);

    [Theory]
    [InlineData("", "party-id.required")]
    [InlineData("张三", "credit-code.length")]
    [InlineData("500116198503121237", "resident-id.check")]
    [InlineData("500116850312123", "resident-id.first-generation")]
    [InlineData("91500116MA5U5X7A8C", "credit-code.check")]
    public void A_free_text_id_is_refused_with_the_error_of_what_it_resembles(string input, string code) =>
        Assert.Equal(code, PartyIdNumber.Parse(input).Error?.Code);

    [Fact]
    public void The_error_says_both_kinds_were_tried() =>
        Assert.StartsWith("Neither a valid resident identity number nor a valid unified social credit code.", PartyIdNumber.Parse("nobody").Error!.Message, StringComparison.Ordinal);
}

public sealed class LawyerLicenceNumberStructureTests
{
    [Fact]
    public void Reads_province_and_category_of_a_full_time_Chongqing_lawyer()
    {
        var licence = LawyerLicenceNumber.Parse("15001201810123456").Value;

        Assert.Equal(("50", LawyerCategory.FullTime), (licence.Province, licence.Category));
    }

    [Theory]
    [InlineData("", "lawyer-licence.required")]
    [InlineData("1500120181012345A", "lawyer-licence.character")]
    [InlineData("150012018101234", "lawyer-licence.length")]
    [InlineData("150012018101", "lawyer-licence.length")]
    [InlineData("25001201810123456", "lawyer-licence.certificate-type")]
    [InlineData("19901201810123456", "lawyer-licence.province")]
    [InlineData("18101201810123456", "lawyer-licence.province")] // Hong Kong issues no mainland licences
    [InlineData("15001201800123456", "lawyer-licence.category")]
    public void Rejects_a_number_whose_structure_is_wrong(string input, string code) =>
        Assert.Equal(code, LawyerLicenceNumber.Parse(input).Error?.Code);

    [Fact]
    public void An_old_twelve_digit_number_is_named_as_such() =>
        Assert.Contains("old format", LawyerLicenceNumber.Parse("150012018101").Error!.Message, StringComparison.Ordinal);
}

public sealed class LawFirmLicenceNumberTests
{
    [Theory]
    [InlineData("31500000MD0123456T")]
    [InlineData("31500116md012345xd")]
    public void Accepts_the_credit_code_of_a_law_practice_body(string input) =>
        Assert.True(LawFirmLicenceNumber.Parse(input).IsValid);

    [Theory]
    [InlineData("", "law-firm-licence.required")]
    [InlineData("31500000MD0123456", "law-firm-licence.length")]
    [InlineData("31500000MD0123456U", "law-firm-licence.check")]
    [InlineData("91500116MA5U5X7A8B", "law-firm-licence.not-a-law-firm")] // a company's valid credit code
    public void Rejects_what_is_not_a_law_firm_licence(string input, string code) =>
        Assert.Equal(code, LawFirmLicenceNumber.Parse(input).Error?.Code);
}
