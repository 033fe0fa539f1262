using Court.Domain.Common;

namespace Court.Domain.Identifiers;

/// <summary>A parsed identifier, or the precise reason the input is not one. Parsers never throw on bad input.</summary>
public readonly record struct Parsed<T>
    where T : notnull
{
    private readonly T? value;

    private Parsed(T? value, DomainError? error)
    {
        this.value = value;
        Error = error;
    }

    public DomainError? Error { get; }

    public bool IsValid => Error is null;

    public T Value => Error is null ? value! : throw new DomainException(Error);

    public static implicit operator Parsed<T>(T value) => new(value, null);

    public static implicit operator Parsed<T>(DomainError error) => new(default, error);
}

/// <summary>Input clean-up shared by the parsers: full-width forms folded (NFKC), outer blanks trimmed.</summary>
internal static class Normalize
{
    public static string Fold(string input) =>
        input.Normalize(System.Text.NormalizationForm.FormKC).Trim();

    public static string WithoutBlanks(string input) =>
        string.Concat(Fold(input).Where(c => !char.IsWhiteSpace(c)));

    public static bool IsAsciiDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');
}
