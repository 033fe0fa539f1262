using System.Globalization;
using Court.Domain.Identifiers;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Court.Web.Pages.Fees;

/// <summary>Formatting and error plumbing shared by the fee and small-claims pages.</summary>
public static class FeesUi
{
    public static string Yuan(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Yuan(long fen) => Yuan(Money.ToYuan(fen));

    /// <summary>
    /// Copies a validation failure's fields into the model state, so messages show beside the inputs. With
    /// <paramref name="label"/>, a generic message ("'Law Firm' must not be empty") names the field by the form's label
    /// instead of the command's property.
    /// </summary>
    public static void AddTo(this ValidationException validation, ModelStateDictionary modelState, string prefix = "", Func<string, string?>? label = null)
    {
        foreach (var error in validation.Errors)
        {
            var field = error.PropertyName.Length == 0 ? "" : prefix + error.PropertyName;
            var message = error.ErrorMessage;
            if (label?.Invoke(error.PropertyName) is { } named && error.FormattedMessagePlaceholderValues?.GetValueOrDefault("PropertyName") is string property)
            {
                message = message.Replace("'" + property + "'", "“" + named + "”", StringComparison.Ordinal);
            }

            modelState.AddModelError(field, message);
        }
    }
}
