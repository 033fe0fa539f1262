using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Court.Domain.Documents;

/// <summary>
/// What a document says, as structured fields (zh). The renderer lays it out; the hash covers exactly this.
/// </summary>
/// <param name="Title">The heading, e.g. 协助执行通知书.</param>
/// <param name="CaseNumber">The case it is issued in, canonical form, e.g. (2022)渝0116破1号.</param>
/// <param name="Addressee">Who it is addressed to, as printed, e.g. 重庆市江津区规划和自然资源局.</param>
/// <param name="AddresseeAgency">The addressee's agency code when it is one of <c>Agencies</c>: its officers may see and act on it.</param>
/// <param name="Sections">The body in order: paragraphs and labelled facts (the asset, the seizure, the action).</param>
/// <param name="CopyTo">抄送: who else gets a copy (e.g. the original seizing body).</param>
/// <param name="Contact">联系人 and telephone, as printed.</param>
public sealed record DocumentContent(
    string Title,
    string CaseNumber,
    string Addressee,
    string? AddresseeAgency,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<string>? CopyTo = null,
    string? Contact = null);

/// <summary>A part of the body: an optional heading, paragraphs, then a table of labelled facts.</summary>
public sealed record DocumentSection(string? Heading, [property: Common.MultiLine] IReadOnlyList<string> Paragraphs, IReadOnlyList<DocumentField>? Fields = null)
{
    public static DocumentSection Text(params string[] paragraphs) => new(null, paragraphs);

    public static DocumentSection Table(string heading, params DocumentField[] fields) => new(heading, [], fields);
}

public sealed record DocumentField(string Label, string Value);

/// <summary>
/// The content hash: SHA-256 over a canonical text of the document. The canonical text is a sequence of
/// <c>name ":" utf8-byte-length ":" value "\n"</c> records in a fixed order (see docs/documents.md), so no value can
/// be confused with another and a reader in any language can recompute it. Strings are NFC-normalized at issuance.
/// </summary>
public static class DocumentHash
{
    public const string Algorithm = "sha256-canonical-v1";

    public static string Compute(DocumentKind kind, string courtCode, DateTimeOffset issuedAt, DocumentContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(kind, courtCode, issuedAt, content))));

    public static string Canonical(DocumentKind kind, string courtCode, DateTimeOffset issuedAt, DocumentContent content)
    {
        var b = new StringBuilder();
        void Put(string name, string? value)
        {
            var v = value ?? "";
            b.Append(name).Append(':').Append(Encoding.UTF8.GetByteCount(v).ToString(CultureInfo.InvariantCulture)).Append(':').Append(v).Append('\n');
        }

        string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

        Put("algorithm", Algorithm);
        Put("kind", DocumentKinds.Of(kind).Slug);
        Put("court", courtCode);
        Put("issued-at", issuedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Put("title", content.Title);
        Put("case-number", content.CaseNumber);
        Put("addressee", content.Addressee);
        Put("addressee-agency", content.AddresseeAgency);
        Put("sections", Count(content.Sections.Count));
        foreach (var section in content.Sections)
        {
            Put("heading", section.Heading);
            Put("paragraphs", Count(section.Paragraphs.Count));
            foreach (var p in section.Paragraphs)
            {
                Put("p", p);
            }

            var fields = section.Fields ?? [];
            Put("fields", Count(fields.Count));
            foreach (var f in fields)
            {
                Put("label", f.Label);
                Put("value", f.Value);
            }
        }

        var copyTo = content.CopyTo ?? [];
        Put("copy-to", Count(copyTo.Count));
        foreach (var c in copyTo)
        {
            Put("to", c);
        }

        Put("contact", content.Contact);
        return b.ToString();
    }

    /// <summary>The same content with every string NFC-normalized and trimmed, so equal-looking text hashes equally.</summary>
    public static DocumentContent Normalize(DocumentContent c)
    {
        static string N(string s) => s.Trim().Normalize(NormalizationForm.FormC);
        static string? NN(string? s) => string.IsNullOrWhiteSpace(s) ? null : N(s);
        return new DocumentContent(
            N(c.Title),
            N(c.CaseNumber),
            N(c.Addressee),
            NN(c.AddresseeAgency),
            [.. c.Sections.Select(s => new DocumentSection(NN(s.Heading), [.. s.Paragraphs.Select(N)], [.. (s.Fields ?? []).Select(f => new DocumentField(N(f.Label), N(f.Value)))]))],
            [.. (c.CopyTo ?? []).Select(N)],
            NN(c.Contact));
    }
}
