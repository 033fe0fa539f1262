using System.Globalization;
using Court.Domain.Common;

namespace Court.Web.Infrastructure;

/// <summary>The caller's language for API answers: English when the request asked for it (see UiSetup), else zh-CN.</summary>
public static class Localized
{
    public static bool IsEnglish => Language.English;

    public static string Say(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>A broken rule's message in the caller's language (the rule's Chinese text when it has one).</summary>
    public static string Of(Court.Domain.Common.DomainError error) => error.MessageIn(CultureInfo.CurrentUICulture);
}
