using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Court.Domain.Common;
using FluentValidation.Results;

namespace Court.Application.Pipeline;

/// <summary>
/// The rules every message's input obeys, whatever its own validator says, checked by walking the message (nested
/// records and lists included) before any validator or handler sees it:
/// <list type="bullet">
/// <item>no control characters (NUL included), bidirectional controls (U+202E …), zero-width or other invisible
/// formatting characters, unpaired surrogates; line breaks and tabs only in properties marked <see cref="MultiLineAttribute"/>;</item>
/// <item>every date between <see cref="EarliestDate"/> and <see cref="LatestDate"/>;</item>
/// <item>no null element in a list.</item>
/// </list>
/// Each failure names the field by its JSON path (<c>actions[0].owner</c>) in the caller's language.
/// </summary>
public static class InputRules
{
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    private const int MaxDepth = 12;
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    public static IReadOnlyList<ValidationFailure> Check(object message)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, "", multiLine: false, failures, 0);
        return failures;
    }

    /// <summary>Why <paramref name="text"/> may not stand in a field, or null when it may.</summary>
    public static string? Refusal(string field, string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format)
                {
                    return Say(field, codePoint, "不可见的格式字符", "an invisible formatting character");
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return Say(field, c, "无效的字符编码（孤立的代理项）", "an unpaired surrogate");
            }

            if (multiLine && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control when c is '\n' or '\r':
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    return Say(field, c, "换行符（此项只能填写一行）", "a line break (this field is a single line)");
                case UnicodeCategory.Control:
                    return Say(field, c, "控制字符", "a control character");
                case UnicodeCategory.Format when c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'):
                    return Say(field, c, "文字方向控制符", "a bidirectional control character");
                case UnicodeCategory.Format when c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    return Say(field, c, "零宽字符", "a zero-width character");
                case UnicodeCategory.Format:
                    return Say(field, c, "不可见的格式字符", "an invisible formatting character");
            }
        }

        return null;
    }

    private static void Walk(object value, string path, bool multiLine, List<ValidationFailure> failures, int depth)
    {
        switch (value)
        {
            case string text:
                if (Refusal(path, text, multiLine) is { } refusal)
                {
                    failures.Add(new ValidationFailure(path, refusal) { ErrorCode = "input.character" });
                }

                return;
            case DateOnly date:
                CheckDate(path, date, failures);
                return;
            case DateTimeOffset at:
                CheckDate(path, DateOnly.FromDateTime(at.UtcDateTime), failures);
                return;
            case DateTime at:
                CheckDate(path, DateOnly.FromDateTime(at), failures);
                return;
            case IDictionary:
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
                    if (item is null)
                    {
                        failures.Add(new ValidationFailure(itemPath, Say(itemPath, "不能为 null。", "must not be null.")) { ErrorCode = "input.null-element" });
                    }
                    else if (depth < MaxDepth)
                    {
                        Walk(item, itemPath, multiLine, failures, depth + 1);
                    }

                    index++;
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Court.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var member in Members.GetOrAdd(type, Describe))
        {
            if (member.Property.GetValue(value) is { } memberValue)
            {
                Walk(memberValue, path.Length == 0 ? member.Name : $"{path}.{member.Name}", member.MultiLine, failures, depth + 1);
            }
        }
    }

    private static void CheckDate(string path, DateOnly date, List<ValidationFailure> failures)
    {
        if (date < EarliestDate || date > LatestDate)
        {
            var range = $"{EarliestDate:yyyy-MM-dd} … {LatestDate:yyyy-MM-dd}";
            failures.Add(new ValidationFailure(path, Say(path, $"须在 {EarliestDate:yyyy-MM-dd} 至 {LatestDate:yyyy-MM-dd} 之间（收到 {date:yyyy-MM-dd}）。", $"must be a date within {range} (got {date:yyyy-MM-dd}).")) { ErrorCode = "input.date-range" });
        }
    }

    private static Member[] Describe(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.IsDefined(typeof(MultiLineAttribute))).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Member(
                p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.IsDefined(typeof(MultiLineAttribute)) || parameters.Contains(p.Name)))
            .ToArray();
    }

    private static string Say(string field, int codePoint, string zh, string en)
    {
        var u = $"U+{codePoint:X4}";
        return Say(field, $"含有{zh} {u}，不允许填写。", $"contains {u}, {en}, which is not allowed.");
    }

    private static string Say(string field, string zh, string en) =>
        Language.English ? $"'{field}' {en}" : $"“{field}”{zh}";

    private sealed record Member(PropertyInfo Property, string Name, bool MultiLine);
}
