using Court.Domain.Identifiers;
using FluentValidation;

namespace Court.Application.Bankruptcy;

/// <summary>FluentValidation over the domain's parsers, so an API field gets the parser's precise message.</summary>
public static class ParsedRules
{
    public static IRuleBuilderOptionsConditions<T, string?> MustParse<T, TValue>(this IRuleBuilder<T, string?> rule, Func<string?, Parsed<TValue>> parse)
        where TValue : notnull =>
        rule.Custom((value, context) =>
        {
            if (parse(value).Error is { } error)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, error.MessageIn(System.Globalization.CultureInfo.CurrentUICulture)) { ErrorCode = error.Code });
            }
        });

    /// <summary>
    /// Free text that people type: required and bounded. Markup is stored as typed and escaped on output; which
    /// characters may appear is <see cref="Pipeline.InputRules"/>' concern, for every field alike.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty().MaximumLength(maxLength);

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength);
}
