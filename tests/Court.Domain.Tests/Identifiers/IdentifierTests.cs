using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Identifiers;

public sealed class CaseNumberTests
{
    [Theory]
    [InlineData("(2022)渝0116破1号", "(2022)渝0116破1号")]
    [InlineData("（2022）渝0116破1号", "(2022)渝0116破1号")]
    [InlineData("〔2022〕渝0116破1号", "(2022)渝0116破1号")]
    [InlineData(" ( 2022 ) 渝05 破申 12 号 ", "(2022)渝05破申12号")]
    [InlineData("（２０２２）渝强清３号", "(2022)渝强清3号")]
    [InlineData("(2021)渝0116执100号", "(2021)渝0116执100号")]
    [InlineData("(2021)渝0116民初7号", "(2021)渝0116民初7号")]
    public void Accepts_every_bracket_style_and_stores_one_canonical_form(string input, string canonical) =>
        Assert.Equal(canonical, CaseNumber.Parse(input).Value.Value);

    [Fact]
    public void Names_its_court_and_type()
    {
        var number = CaseNumber.Parse("(2022)渝0116破1号").Value;

        Assert.Equal((2022, PeoplesCourts.Jiangjin, CaseTypes.Bankruptcy, 1), (number.Year, number.Court, number.Type, number.Serial));
    }

    [Theory]
    [InlineData(null, "case-number.required")]
    [InlineData("  ", "case-number.required")]
    [InlineData("2022渝0116破1号", "case-number.year-missing")]
    [InlineData("(2022渝0116破1号", "case-number.year-unclosed")]
    [InlineData("(22)渝0116破1号", "case-number.year-invalid")]
    [InlineData("(1949)渝0116破1号", "case-number.year-out-of-range")]
    [InlineData("(2015)渝0116破1号", "case-number.year-out-of-range")]
    [InlineData("(2022)渝0116破1", "case-number.suffix-missing")]
    [InlineData("(2022)川0104破1号", "case-number.court-unknown")]
    [InlineData("(2022)渝0117破1号", "case-number.court-unknown")]
    [InlineData("(2022)渝0116破产1号", "case-number.type-unknown")]
    [InlineData("(2022)渝0116破号", "case-number.serial-invalid")]
    [InlineData("(2022)渝0116破01号", "case-number.serial-invalid")]
    [InlineData("(2022)渝0116破1a号", "case-number.serial-invalid")]
    [InlineData("(2022)渝0116破1234567号", "case-number.serial-invalid")]
    [InlineData("<script>alert(1)</script>", "case-number.year-missing")]
    public void Rejects_a_malformed_number_with_a_precise_code(string? input, string code) =>
        Assert.Equal(code, CaseNumber.Parse(input).Error?.Code);

    [Fact]
    public void An_unknown_court_error_lists_the_known_codes() =>
        Assert.Contains("渝, 渝05, 渝0116", CaseNumber.Parse("(2022)渝01破1号").Error!.Message, StringComparison.Ordinal);
}

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example of GB 32100-2015
    [InlineData("91500116MA5U5X7A8B")]
    [InlineData(" 91500116ma5u5x7a8b ")]
    public void Accepts_a_code_whose_check_character_holds(string input) =>
        Assert.True(CreditCode.Parse(input).IsValid);

    [Fact]
    public void Reads_the_division_code() =>
        Assert.Equal("500116", CreditCode.Parse("91500116MA5U5X7A8B").Value.DivisionCode);

    [Theory]
    [InlineData("", "credit-code.required")]
    [InlineData("91500116MA5U5X7A8", "credit-code.length")]
    [InlineData("91500116MA5U5X7A8BB", "credit-code.length")]
    [InlineData("91500116MA5U5X7AIB", "credit-code.character")]
    [InlineData("91500116MA5U5X7AOB", "credit-code.character")]
    [InlineData("91500116MA5U5X7ASB", "credit-code.character")]
    [InlineData("9150A116MA5U5X7A8B", "credit-code.division")]
    [InlineData("91500116MA5U5X7A8C", "credit-code.check")]
    [InlineData("91500116MA5U5X7A9B", "credit-code.check")]
    public void Rejects_a_bad_code_with_a_precise_code(string input, string code) =>
        Assert.Equal(code, CreditCode.Parse(input).Error?.Code);

    [Fact]
    public void A_failed_check_names_the_expected_character() =>
        Assert.Contains("should be 'B'", CreditCode.Parse("91500116MA5U5X7A8C").Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void Check_character_31_maps_to_index_0()
    {
        // Σ index × weight ≡ 0 (mod 31) for an all-zero body: 31 − 0 = 31, which means '0'.
        Assert.Equal('0', CreditCode.CheckCharacter("00000000000000000"));
    }
}

public sealed class RealEstateIdentifierTests
{
    [Fact]
    public void A_unit_code_has_28_characters_and_starts_with_its_division()
    {
        var code = RealEstateUnitCode.Parse("500116 001001 GB00001 F00010001").Value;

        Assert.Equal(("500116001001GB00001F00010001", "500116"), (code.Value, code.DivisionCode));
    }

    [Theory]
    [InlineData("", "unit-code.required")]
    [InlineData("500116001001GB00001F0001000", "unit-code.length")]
    [InlineData("500116001001GB00001F000100011", "unit-code.length")]
    [InlineData("500116001001GB0000-F00010001", "unit-code.character")]
    [InlineData("50011A001001GB00001F00010001", "unit-code.division")]
    [InlineData("000116001001GB00001F00010001", "unit-code.division")]
    public void A_bad_unit_code_is_refused_precisely(string input, string code) =>
        Assert.Equal(code, RealEstateUnitCode.Parse(input).Error?.Code);

    [Theory]
    [InlineData("渝(2019)江津区不动产权第0001234号", "渝(2019)江津区不动产权第0001234号")]
    [InlineData("渝（2019）江津区不动产权第0001234号", "渝(2019)江津区不动产权第0001234号")]
    [InlineData("渝(2020)江津区不动产证明第0000007号", "渝(2020)江津区不动产证明第0000007号")]
    public void A_certificate_number_is_stored_canonically(string input, string canonical) =>
        Assert.Equal(canonical, CertificateNumber.Parse(input).Value.Value);

    [Theory]
    [InlineData("", "certificate-number.required")]
    [InlineData("X(2019)江津区不动产权第0001234号", "certificate-number.province")]
    [InlineData("渝(2019)江津区不动产权第001234号", "certificate-number.shape")]
    [InlineData("渝(2019)江津区房产证第0001234号", "certificate-number.shape")]
    [InlineData("渝(2012)江津区不动产权第0001234号", "certificate-number.year")]
    public void A_bad_certificate_number_is_refused_precisely(string input, string code) =>
        Assert.Equal(code, CertificateNumber.Parse(input).Error?.Code);
}

public sealed class VehicleIdentifierTests
{
    [Theory]
    [InlineData("渝A12345", "渝A12345")]
    [InlineData("渝·a 12345", "渝A12345")]
    [InlineData("渝AD12345", "渝AD12345")]
    [InlineData("渝A1234挂", "渝A1234挂")]
    public void Accepts_plates(string input, string canonical) =>
        Assert.Equal(canonical, PlateNumber.Parse(input).Value.Value);

    [Theory]
    [InlineData("", "plate.required")]
    [InlineData("AA12345", "plate.province")]
    [InlineData("渝I12345", "plate.shape")]
    [InlineData("渝A1234", "plate.shape")]
    [InlineData("渝A1234567", "plate.shape")]
    public void Refuses_bad_plates_precisely(string input, string code) =>
        Assert.Equal(code, PlateNumber.Parse(input).Error?.Code);

    [Theory]
    [InlineData("1M8GDM9AXKP042788")] // ISO 3779's worked example, check digit X
    [InlineData("LSVAM4187C2184847")]
    public void Accepts_a_vin_whose_check_digit_holds(string input) =>
        Assert.True(Vin.Parse(input).IsValid);

    [Theory]
    [InlineData("", "vin.required")]
    [InlineData("1M8GDM9AXKP04278", "vin.length")]
    [InlineData("1M8GDM9AXKP04O788", "vin.character")]
    [InlineData("1M8GDM9A1KP042788", "vin.check")]
    public void Refuses_a_bad_vin_precisely(string input, string code) =>
        Assert.Equal(code, Vin.Parse(input).Error?.Code);
}

public sealed class AccountAndMoneyTests
{
    [Fact]
    public void An_account_number_keeps_only_its_digits()
    {
        var account = BankAccount.Parse(" 中国建设银行江津支行 ", "5000 1234-5678 9012").Value;

        Assert.Equal(("中国建设银行江津支行", "50001234567890 12".Replace(" ", "", StringComparison.Ordinal)), (account.Bank, account.Number));
    }

    [Theory]
    [InlineData("", "123456789", "bank-account.bank-required")]
    [InlineData("建行", "", "bank-account.number-required")]
    [InlineData("建行", "12345X789", "bank-account.number-digits")]
    [InlineData("建行", "1234567", "bank-account.number-length")]
    public void Refuses_a_bad_account_precisely(string bank, string number, string code) =>
        Assert.Equal(code, BankAccount.Parse(bank, number).Error?.Code);

    [Theory]
    [InlineData("1,234.56", 123456)]
    [InlineData("¥0.01", 1)]
    [InlineData("１００", 10000)]
    public void Yuan_are_read_into_fen(string input, long fen) =>
        Assert.Equal(fen, Money.ParseYuan(input).Value.Fen);

    [Theory]
    [InlineData("", "money.required")]
    [InlineData("12.345", "money.precision")]
    [InlineData("-5", "money.negative")]
    [InlineData("abc", "money.format")]
    [InlineData("10000000000000", "money.too-large")]
    public void Refuses_bad_amounts_precisely(string input, string code) =>
        Assert.Equal(code, Money.ParseYuan(input).Error?.Code);

    [Fact]
    public void Negative_fen_are_refused() =>
        Assert.Equal("money.negative", Money.FromFen(-1).Error?.Code);
}
