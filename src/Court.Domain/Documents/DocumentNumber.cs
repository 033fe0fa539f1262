using System.Globalization;
using System.Text;

namespace Court.Domain.Documents;

/// <summary>
/// A document number: one gap-free serial per court, kind and year, e.g. 江津法协执字〔2022〕第0001号.
/// The number says where the document is stored (its series stream and place), so a number alone finds it.
/// See docs/decisions/ (document numbering).
/// </summary>
public sealed record DocumentNumber(IssuingCourt Court, DocumentKindInfo Kind, int Year, int Serial)
{
    /// <summary>Numbers are dated in China Standard Time (no daylight saving since 1991).</summary>
    public static readonly TimeSpan ChinaOffset = Common.CourtTime.Offset;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Court.NumberPrefix}{Kind.SeriesCode}字〔{Year}〕第{Serial:D4}号");

    /// <summary>The series this number belongs to.</summary>
    public DocumentSeriesKey Series => new(Court, Kind, Year);

    /// <summary>The stream holding this document's later life (executed, revoked).</summary>
    public string LifecycleId => string.Create(CultureInfo.InvariantCulture, $"{Series.Id}-{Serial:D4}");

    /// <summary>
    /// Reads a number as people type it: full- or half-width brackets, with or without 字 and 第, spaces ignored.
    /// Null when it is not one of ours.
    /// </summary>
    public static DocumentNumber? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        var s = Normalize(text);
        foreach (var court in IssuingCourts.All.OrderByDescending(c => c.NumberPrefix.Length))
        {
            if (!s.StartsWith(court.NumberPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = s[court.NumberPrefix.Length..];
            foreach (var kind in DocumentKinds.All.OrderByDescending(k => k.SeriesCode.Length))
            {
                if (rest.StartsWith(kind.SeriesCode, StringComparison.Ordinal) && ParseTail(rest[kind.SeriesCode.Length..]) is var (year, serial))
                {
                    return new DocumentNumber(court, kind, year, serial);
                }
            }
        }

        return null;
    }

    private static (int Year, int Serial)? ParseTail(string tail)
    {
        // 字〔2022〕第0001号, with 字 and 第 optional.
        var t = tail.StartsWith('字') ? tail[1..] : tail;
        if (t.Length < 6 || t[0] != '〔' || t[5] != '〕' || !int.TryParse(t.AsSpan(1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        t = t[6..];
        t = t.StartsWith('第') ? t[1..] : t;
        t = t.EndsWith('号') ? t[..^1] : t;
        return t.Length is > 0 and <= 9 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial > 0 && year >= 2000
            ? (year, serial)
            : null;
    }

    private static string Normalize(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            // NFKC has already folded full-width ASCII (（）［］０-９) to ASCII.
            switch (c)
            {
                case '(' or '[' or '【' or '〔' or '﹝':
                    b.Append('〔');
                    break;
                case ')' or ']' or '】' or '〕' or '﹞':
                    b.Append('〕');
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.ToString();
    }
}

/// <summary>One numbering series: a court's documents of one kind in one year. Its stream holds their issuance, in serial order.</summary>
public sealed record DocumentSeriesKey(IssuingCourt Court, DocumentKindInfo Kind, int Year)
{
    /// <summary>The part after the stream prefix, e.g. cq0116-assisted-enforcement-notice-2022.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Court.Slug}-{Kind.Slug}-{Year}");

    public static DocumentSeriesKey For(IssuingCourt court, DocumentKind kind, DateTimeOffset now) =>
        new(court, DocumentKinds.Of(kind), now.ToOffset(DocumentNumber.ChinaOffset).Year);
}
