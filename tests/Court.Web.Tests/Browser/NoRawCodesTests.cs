using System.Text.RegularExpressions;
using Court.Application.Demo;
using Microsoft.Playwright;

namespace Court.Web.Tests.Browser;

/// <summary>
/// Walks the staff pages each demo user reaches (the navigation, then the records its lists link to) in zh-CN and in
/// English, and fails on visible text that looks like a developer's word instead of a user's: an enum or state code,
/// a resource key, an event type, an untranslated English phrase on a Chinese page.
/// </summary>
public sealed partial class NoRawCodesTests(DemoCourtBrowser browser) : IClassFixture<DemoCourtBrowser>
{
    /// <summary>Pages per user and language: every navigation entry plus the first records they link to.</summary>
    private const int MaxPages = 24;

    public static TheoryData<string> Users => new(DemoUsers.All.Select(u => u.UserName));

    [Theory]
    [MemberData(nameof(Users))]
    public async Task No_page_shows_a_code_where_words_belong(string userName)
    {
        var findings = new List<string>();
        foreach (var locale in new[] { "zh-CN", "en" })
        {
            var page = await browser.SignedInAsync(userName);
            if (locale == "en")
            {
                await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = browser.BaseUrl }]);
            }

            foreach (var (path, text) in await WalkAsync(page))
            {
                findings.AddRange(Detect(text, locale == "en").Select(f => $"{locale} {path}: {f}"));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, $"{userName} sees codes where words belong:\n" + string.Join("\n", findings.Distinct()));
    }

    [Theory]
    [InlineData("流程进入「AwaitingSuperiors」", false)]
    [InlineData("以「ApproveRelease」将流程由…", false)]
    [InlineData("记录了 small-claims.fee-notice-document-issued.v1", false)]
    [InlineData("登记送达（Electronic）", false)]
    [InlineData("'Seized On' 不能为Null。", false)]
    [InlineData("Status: store-unavailable", true)]
    [InlineData("Kind: CourtRuling", true)]
    [InlineData("Bankruptcy.Case.Title", true)]
    [InlineData("seizedOn is required", true)]
    [InlineData("Vehicles、land", true)]
    public void The_detector_finds_the_codes_the_issue_saw(string text, bool english) => Assert.NotEmpty(Detect(text, english));

    [Theory]
    [InlineData("(2022)渝0116民初700号 王建国 2022年4月23日 PDF", false)]
    [InlineData("Follow-up letter sent to the vehicle office on 23 April 2022. Re-open, sign in, e-mail.", true)]
    [InlineData("Jiangjin District People's Court, Chongqing · PostgreSQL", true)]
    [InlineData("核验码 7K3Q-9XPD-2M4R EMS1234567890CN 平台账号 sc-d8e83fb0", false)]
    [InlineData("核验码 DGGS-NNDR-GAPM-DVYF · 打印页", false)]
    [InlineData("Verification code DGGS-NNDR-GAPM-DVYF · Printable page", true)]
    public void The_detector_lets_words_through(string text, bool english) => Assert.Empty(Detect(text, english));

    /// <summary>
    /// The body's visible text (innerText: closed folds and hidden elements excluded) without what the page marks as
    /// code: a &lt;code&gt; element is text the user's own program must write (the carrier file's CSV header), read as code.
    /// </summary>
    private const string VisibleTextBesideCode =
        "() => { for (const c of document.querySelectorAll('code')) { c.style.visibility = 'hidden'; } return document.body.innerText; }";

    /// <summary>The visible text of each page reached (see <see cref="VisibleTextBesideCode"/>).</summary>
    private static async Task<List<(string Path, string Text)>> WalkAsync(IPage page)
    {
        var queue = new Queue<string>(await LinksAsync(page, "nav.site-nav a"));
        queue.Enqueue("/");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = new HashSet<string>(StringComparer.Ordinal);
        var texts = new List<(string, string)>();
        while (queue.Count > 0 && texts.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            texts.Add((path, await page.EvaluateAsync<string>(VisibleTextBesideCode)));
            foreach (var link in await LinksAsync(page, "main a"))
            {
                // One record of each kind is enough: they share a template; a list's next pages too.
                var kind = RecordKind().Match(link).Value;
                if (kind.Length > 0 && records.Add(kind))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return texts;
    }

    private static async Task<string[]> LinksAsync(IPage page, string selector) =>
        (await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href') || '')"))
            .Where(h => h.StartsWith('/') && !h.StartsWith("/api/", StringComparison.Ordinal) && !h.Contains('#', StringComparison.Ordinal)
                && !h.StartsWith("/Account/", StringComparison.Ordinal) && !h.StartsWith("/documents/", StringComparison.OrdinalIgnoreCase))
            .ToArray();

    /// <summary>
    /// Codes in visible text. What it lets through, and why:
    /// - Hyphenated English words (follow-up, re-open, sign-in, e-mail, …: <see cref="EnglishHyphenated"/>): kebab-case
    ///   keys are lower-case words of which at least one is not an English prefix word; a list of the ones English uses.
    /// - Product names a system administrator sees (PostgreSQL, SQLite, OpenTelemetry): <see cref="Names"/>.
    /// - Hyphenated identifiers whose last part has a digit (platform account sc-d8e83fb0): data, like a case number.
    /// - Upper-case abbreviations and numbers (PDF, EMS, SMS, case and tracking numbers, verification codes): they are
    ///   what the user types or reads off paper, never PascalCase.
    /// - On a Chinese page a single Latin word (PDF, a user name such as "clerk" on the sign-in hint): only a phrase of
    ///   two or more English words is taken for an untranslated string.
    /// </summary>
    internal static IEnumerable<string> Detect(string text, bool english)
    {
        foreach (Match m in PascalCase().Matches(text))
        {
            if (!Names.Contains(m.Value))
            {
                yield return "PascalCase code «" + m.Value + "» in «" + Around(text, m) + "»";
            }
        }

        foreach (Match m in CamelCase().Matches(text))
        {
            yield return "camelCase name «" + m.Value + "» in «" + Around(text, m) + "»";
        }

        foreach (Match m in Kebab().Matches(text))
        {
            // A last part with a digit is an account or document identifier the user reads off (sc-d8e83fb0), not a key;
            // so is an all-capitals group (a verification code, DGGS-NNDR-GAPM-DVYF, may happen to have no digit).
            if (!EnglishHyphenated.Contains(m.Value.ToLowerInvariant()) && !m.Value[m.Value.LastIndexOf('-')..].Any(char.IsAsciiDigit)
                && m.Value.Any(char.IsAsciiLetterLower))
            {
                yield return "kebab-case key «" + m.Value + "» in «" + Around(text, m) + "»";
            }
        }

        foreach (Match m in DottedKey().Matches(text))
        {
            if (m.Value is "e.g" or "i.e")
            {
                continue;
            }

            yield return "dotted key «" + m.Value + "» in «" + Around(text, m) + "»";
        }

        foreach (Match m in SnakeCase().Matches(text))
        {
            yield return "snake_case name «" + m.Value + "» in «" + Around(text, m) + "»";
        }

        if (english)
        {
            // A Chinese list comma between English words: a join that forgot the language.
            foreach (Match m in ChineseCommaInEnglish().Matches(text))
            {
                yield return "Chinese list comma in English «" + m.Value + "» in «" + Around(text, m) + "»";
            }
        }
        else
        {
            // A lone word in Chinese brackets: an enum value where a Chinese word belongs (登记送达（Electronic）).
            foreach (Match m in BracketedWord().Matches(text))
            {
                yield return "English word in Chinese brackets «" + m.Value + "» in «" + Around(text, m) + "»";
            }

            foreach (Match m in EnglishPhrase().Matches(text))
            {
                if (!Names.Contains(m.Value))
                {
                    yield return "English on a Chinese page «" + m.Value + "» in «" + Around(text, m) + "»";
                }
            }
        }
    }

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 30);
        var end = Math.Min(text.Length, m.Index + m.Length + 30);
        return text[start..end].ReplaceLineEndings(" ");
    }

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PostgreSQL", "SQLite", "OpenTelemetry", "OpenAPI", "JavaScript", "WeChat",
    };

    private static readonly HashSet<string> EnglishHyphenated = new(StringComparer.Ordinal)
    {
        "follow-up", "re-open", "re-opened", "sign-in", "e-mail", "read-only", "co-operation", "co-ordination", "non-litigation",
        "set-off", "self-service", "write-off", "in-person", "on-site", "day-to-day", "up-to-date", "one-page", "re-issue",
        "re-issued", "re-seizure", "de-registration", "pre-trial", "check-in", "sign-out", "log-in", "first-instance",
        "small-value", "real-estate", "year-end", "long-term", "short-term", "full-time", "part-time", "two-week", "take-over",
        "re-sent", "re-send", "non-payment", "non-private", "cross-check", "time-limit", "working-day", "x-ray",
        // English compounds the English labels use ("Small-claims procedure", "State-owned enterprise").
        "small-claims", "state-owned", "public-notice", "assisted-enforcement",
    };

    // Two capitalised parts run together (AwaitingSuperiors, CourtRuling); Latin letters only, so 渝0116 or EMS… do not match.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+(?![A-Za-z0-9_])")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[a-z]+(?:[A-Z][a-z0-9]+)+(?![A-Za-z0-9_])")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)+(?![A-Za-z0-9_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Kebab();

    // small-claims.fee-notice-document-issued.v1, Bankruptcy.Case.Title: dot-joined identifiers with no space after the dot.
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z][A-Za-z0-9-]*)+(?![A-Za-z0-9_])")]
    private static partial Regex DottedKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[a-z]+(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"(?<=[（「『【])[A-Za-z]*[a-z][A-Za-z]*(?=[）」』】])")]
    private static partial Regex BracketedWord();

    [GeneratedRegex(@"[A-Za-z]+、[A-Za-z]+")]
    private static partial Regex ChineseCommaInEnglish();

    // Two or more Latin words in a row with a lower-case letter in them: a sentence, not an abbreviation like "PDF" or "EMS".
    [GeneratedRegex(@"(?<![A-Za-z0-9])'?[A-Za-z]*[a-z][A-Za-z]*'?(?:[ ]+'?[A-Za-z]*[a-z][A-Za-z]*'?)+(?![A-Za-z0-9])")]
    private static partial Regex EnglishPhrase();

    [GeneratedRegex(@"^/[A-Za-z]+/[A-Za-z]+/(?=[^/?]+)|^/[A-Za-z]+/[A-Za-z]+(?=\?)")]
    private static partial Regex RecordKind();
}
