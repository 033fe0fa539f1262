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

    /// <summary>Copies a validation failure's fields into the model state, so messages show beside the inputs.</summary>
    public static void AddTo(this ValidationException validation, ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var error in validation.Errors)
        {
            var field = error.PropertyName.Length == 0 ? "" : prefix + error.PropertyName;
            modelState.AddModelError(field, error.ErrorMessage);
        }
    }
}
