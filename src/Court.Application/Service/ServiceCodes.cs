using System.Text;

namespace Court.Application.Service;

/// <summary>Enum values as the API writes them: kebab-case (<c>JudicialExpress</c> ↔ <c>judicial-express</c>).</summary>
public static class ServiceCodes
{
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(name[i]));
        }

        return code.ToString();
    }

    public static string? CodeOrNull<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Code(v) : null;

    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var wanted = code.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Code(candidate), wanted, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    public static TEnum Parse<TEnum>(string? code)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name}.");

    /// <summary>Every code of <typeparamref name="TEnum"/>, for messages.</summary>
    public static string All<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(Code));
}
