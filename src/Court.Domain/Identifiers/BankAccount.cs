using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>A bank account: the bank (branch) that holds it and the account number, 8–32 digits (cards and corporate accounts differ in length).</summary>
public sealed record BankAccount
{
    private BankAccount(string bank, string number)
    {
        Bank = bank;
        Number = number;
    }

    public string Bank { get; }

    public string Number { get; }

    public override string ToString() => $"{Bank} {Number}";

    public static Parsed<BankAccount> Parse(string? bank, string? number)
    {
        if (string.IsNullOrWhiteSpace(bank))
        {
            return DomainError.Invalid("bank-account.bank-required", "Name the bank (branch) that holds the account.");
        }

        var b = Normalize.Fold(bank);
        if (b.Length > 100)
        {
            return DomainError.Invalid("bank-account.bank-too-long", "A bank name has at most 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(number))
        {
            return DomainError.Invalid("bank-account.number-required", "Enter the account number.");
        }

        var n = Normalize.WithoutBlanks(number).Replace("-", "", StringComparison.Ordinal);
        if (!Normalize.IsAsciiDigits(n))
        {
            return DomainError.Invalid("bank-account.number-digits", $"An account number has only digits; '{(n.Length > 40 ? n[..40] + "…" : n)}' has others.");
        }

        if (n.Length is < 8 or > 32)
        {
            return DomainError.Invalid("bank-account.number-length", $"An account number has 8 to 32 digits; this one has {n.Length}.");
        }

        return new BankAccount(b, n);
    }
}
