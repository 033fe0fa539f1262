using System.Globalization;

namespace Court.Domain.Common;

/// <summary>
/// Which of the product's two languages a reader gets: English when the request asked for it (the request culture),
/// Chinese otherwise, since zh-CN is the courts' language and the default.
/// </summary>
public static class Language
{
    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>Whether the current request's reader gets English.</summary>
    public static bool English => IsEnglish(CultureInfo.CurrentUICulture);

    public static string Say(string zh, string en) => English ? en : zh;
}
