using System.Text.RegularExpressions;
using Court.Domain.Identifiers;

namespace Court.Application.Documents;

/// <summary>
/// Text as it goes onto paper: every case number in it takes its printed form with full-width brackets
/// (（2026）渝0116破12号, <see cref="CaseNumber.Printed"/>). The record keeps the ASCII form the API accepts; this is the
/// one place the renderers (PDF and HTML) change it. A bracketed year that is not part of a valid case number stays.
/// </summary>
public static partial class PrintedText
{
    public static string Of(string text) => text.Contains('(', StringComparison.Ordinal) ? CaseNumberLike().Replace(text, m => CaseNumber.Print(m.Value)) : text;

    [GeneratedRegex(@"\(\d{4}\)[^\s()（），。、；：]+?号")]
    private static partial Regex CaseNumberLike();
}
