using System.Globalization;
using System.Text;
using Court.Domain.Common;

namespace Court.Application.Projections;

/// <summary>
/// A value a listed document is sorted or filtered by. Values are strings compared byte by byte (ordinal), so the
/// factories encode times, dates and numbers to sort as they should; an absent value sorts after every other.
/// </summary>
public readonly record struct ListKey(string Name, string Value)
{
    /// <summary>The name of the key that free-text search (<see cref="PageRequest.Search"/>) looks in.</summary>
    public const string SearchName = "search";

    /// <summary>Stands for "no value": sorts after any text (U+FFFF is above every character a court writes).</summary>
    public const string Absent = "\uffff";

    public static ListKey Text(string name, string? value) => new(name, value ?? Absent);

    public static ListKey Time(string name, DateTimeOffset? value) => new(name, Encode(value));

    public static ListKey Date(string name, DateOnly? value) => new(name, Encode(value));

    public static ListKey Number(string name, long? value) => new(name, Encode(value));

    /// <summary>A compound key: its parts compared in turn (each part already encoded, see <see cref="Encode(DateTimeOffset?)"/>).</summary>
    public static ListKey Of(string name, params string[] parts) => new(name, string.Join('\u0001', parts));

    /// <summary>The text that <c>q</c> searches: lower-cased, so the search ignores case.</summary>
    public static ListKey Search(params string?[] texts) =>
        new(SearchName, string.Join('\u0001', texts.Where(t => !string.IsNullOrEmpty(t))).ToLowerInvariant());

    public static string Encode(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? Absent;

    public static string Encode(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Absent;

    /// <summary>The number a <see cref="Number"/> key holds (the inverse of <see cref="Encode(long?)"/> for a present value).</summary>
    public static long DecodeNumber(string value) =>
        unchecked((long)(ulong.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) ^ 0x8000_0000_0000_0000UL));

    /// <summary>Offset so that negative numbers sort before positive ones, and padded so that 10 sorts after 9.</summary>
    public static string Encode(long? value) =>
        value is { } v ? unchecked((ulong)v ^ 0x8000_0000_0000_0000UL).ToString("D20", CultureInfo.InvariantCulture) : Absent;
}

/// <summary>A read model that is listed in pages: the keys it may be sorted and filtered by, written beside it on every store.</summary>
public interface IListed
{
    /// <summary>The same names for every document of the collection; a document lacking a key is left out of lists sorted by it.</summary>
    IEnumerable<ListKey> ListKeys();
}

/// <summary>
/// One page of a collection, in SQL: sorted by one list key (ties broken by document id, so the order is total),
/// starting after a cursor, narrowed to partitions, key values and a search text.
/// </summary>
public sealed record PageRequest(string Sort)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public bool Descending { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The <see cref="Page{T}.Next"/> of the previous page; null for the first.</summary>
    public string? After { get; init; }

    /// <summary>Only documents stored in these partitions; null: every partition.</summary>
    public IReadOnlyList<string>? Partitions { get; init; }

    /// <summary>Key name to the values it may have (any of them); the keys are ANDed.</summary>
    public Dictionary<string, IReadOnlyList<string>> Filters { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A fragment the <see cref="ListKey.Search"/> text must contain, ignoring case.</summary>
    public string? Search { get; init; }

    /// <summary>Only documents whose sort key's value is ordinally below this (exclusive), whatever the direction: e.g. due before now.</summary>
    public string? Below { get; init; }

    /// <summary>Also count every match (one more query, proportional to the matches): leave off where a "more" flag will do.</summary>
    public bool WithTotal { get; init; }
}

/// <summary>A page of documents; <see cref="Next"/> is the cursor of the page after it, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, long? Total = null)
{
    public bool HasMore => Next is not null;

    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Next, Total);
}

/// <summary>Where a page ends: the sort key it was taken in, and the last document's key value and id. Opaque to clients.</summary>
public static class PageCursor
{
    public static string Encode(string sort, bool descending, string value, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\0', descending ? "-" + sort : sort, value, id)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key value and id after which the page starts, or null when the cursor is not one this sort made.</summary>
    public static (string Value, string Id)? Decode(string cursor, string sort, bool descending)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            return text.Split('\0') is [var s, var value, var id] && s == (descending ? "-" + sort : sort) ? (value, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The sorts a list offers, by the name a client gives (<c>sort=due</c>, <c>sort=-due</c>), the first being the default.</summary>
public sealed record ListSorts(string Default, params string[] Others)
{
    /// <summary>Without a <c>sort</c>, the default sort runs descending (newest first); a cursor of that first page must match it.</summary>
    public bool DefaultDescending { get; init; }

    /// <summary>Whether <paramref name="sort"/> (as the client sent it; null: none) runs descending.</summary>
    public bool IsDescending(string? sort) => sort is null ? DefaultDescending : sort.StartsWith('-');

    public bool Allows(string name) => name == Default || Others.Contains(name, StringComparer.Ordinal);

    public string Describe() => string.Join(", ", new[] { Default }.Concat(Others));
}

/// <summary>
/// A list's paging as a client sends it: <c>?limit=50&amp;after=…&amp;sort=-filed&amp;q=…&amp;total=true</c>. Bind it with
/// <c>[AsParameters]</c>; a query carrying it is checked by <see cref="PageParametersRules"/>.
/// </summary>
public sealed record PageParameters(int? Limit = null, string? After = null, string? Sort = null, string? Q = null, bool? Total = null)
{
    public const int MaxSearchLength = 100;

    /// <summary>The request for <paramref name="sorts"/>; call after validation (an unknown sort falls back to the default).</summary>
    public PageRequest ToRequest(ListSorts sorts)
    {
        var descending = sorts.IsDescending(Sort);
        var name = Sort?.TrimStart('-') is { Length: > 0 } s && sorts.Allows(s) ? s : sorts.Default;
        return new PageRequest(name)
        {
            Descending = descending,
            Limit = Limit ?? PageRequest.DefaultLimit,
            After = string.IsNullOrEmpty(After) ? null : After,
            Search = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            WithTotal = Total == true,
        };
    }
}

/// <summary>
/// The checks of a list's <see cref="PageParameters"/>, each failure naming the query parameter (<c>limit</c>,
/// <c>sort</c>, <c>after</c>, <c>q</c>) in the caller's language. Use from a query's validator:
/// <c>RuleFor(q =&gt; q.Page).PagedBy(Sorts)</c>.
/// </summary>
public static class PageParametersRules
{
    public static FluentValidation.IRuleBuilderOptionsConditions<T, PageParameters?> PagedBy<T>(this FluentValidation.IRuleBuilder<T, PageParameters?> rule, ListSorts sorts) =>
        FluentValidation.DefaultValidatorExtensions.Custom(rule, (page, context) => Check(page, sorts, failure => context.AddFailure(failure)));

    private static void Check(PageParameters? page, ListSorts sorts, Action<FluentValidation.Results.ValidationFailure> fail)
    {
        if (page is null)
        {
            return;
        }

        if (page.Limit is < 1 or > PageRequest.MaxLimit)
        {
            fail(new("limit", Language.Say($"每页条数须在 1 至 {PageRequest.MaxLimit} 之间。", $"limit must be between 1 and {PageRequest.MaxLimit}.")));
        }

        var name = page.Sort?.TrimStart('-');
        if (page.Sort is not null && (string.IsNullOrEmpty(name) || !sorts.Allows(name)))
        {
            fail(new("sort", Language.Say($"无法按“{page.Sort}”排序；可用：{sorts.Describe()}（前加 - 为倒序）。", $"Cannot sort by '{page.Sort}'; use one of {sorts.Describe()} (prefix - for descending).")));
        }
        else if (!string.IsNullOrEmpty(page.After) && PageCursor.Decode(page.After, name ?? sorts.Default, sorts.IsDescending(page.Sort)) is null)
        {
            fail(new("after", Language.Say("翻页标记无效或与排序不符，请从第一页开始。", "after is not a cursor of this list and sort; start from the first page.")));
        }

        if (page.Q?.Length > PageParameters.MaxSearchLength)
        {
            fail(new("q", Language.Say($"搜索词最多 {PageParameters.MaxSearchLength} 个字符。", $"q must be at most {PageParameters.MaxSearchLength} characters.")));
        }
    }

}
