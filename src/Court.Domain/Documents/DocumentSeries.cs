using Court.Domain.Common;

namespace Court.Domain.Documents;

/// <summary>
/// A numbering series (court, kind, year). Its state is just the last serial taken: issuing appends the next
/// <see cref="DocumentIssued"/> at the expected version, so two issuers can never take the same number.
/// </summary>
public sealed record DocumentSeries(int LastSerial) : IAggregateState<DocumentSeries>
{
    public const int MaxTitle = 100;
    public const int MaxText = 4000;
    public const int MaxCanonicalLength = 64 * 1024;

    public static DocumentSeries Initial { get; } = new(0);

    public static string StreamPrefix => "docseries-";

    public DocumentSeries Evolve(IDomainEvent @event) => @event switch
    {
        DocumentIssued issued => new(issued.Serial),
        _ => this,
    };

    /// <summary>Takes the next number in <paramref name="series"/> for the command's content.</summary>
    public static Decision Issue(DocumentSeries state, DocumentSeriesKey series, IssueDocument command, DateTimeOffset now)
    {
        if (series.Kind.Kind != command.Kind || series.Court.Code != command.CourtCode)
        {
            return DomainError.Invalid("documents.wrong-series", "cannot issue into a series of another court or kind");
        }

        var content = DocumentHash.Normalize(command.Content);
        if (Validate(content) is { } error)
        {
            return error;
        }

        if (DocumentHash.Canonical(command.Kind, command.CourtCode, now, content).Length > MaxCanonicalLength)
        {
            return DomainError.Invalid("documents.too-long", "cannot issue a document longer than 64 KB of text");
        }

        var number = new DocumentNumber(series.Court, series.Kind, series.Year, state.LastSerial + 1);
        return Decision.Emit(new DocumentIssued(
            command.DocumentId,
            number.ToString(),
            number.Serial,
            command.Kind,
            command.CourtCode,
            command.SourceStreamId,
            content,
            DocumentHash.Compute(command.Kind, command.CourtCode, now, content),
            DocumentHash.Algorithm,
            command.Actor,
            now));
    }

    private static DomainError? Validate(DocumentContent c)
    {
        if (c.Title.Length is 0 or > MaxTitle)
        {
            return DomainError.Invalid("documents.title", "cannot issue a document without a title of at most 100 characters");
        }

        if (c.CaseNumber.Length is 0 or > 64)
        {
            return DomainError.Invalid("documents.case-number", "cannot issue a document without the case number it belongs to");
        }

        if (c.Addressee.Length is 0 or > 200)
        {
            return DomainError.Invalid("documents.addressee", "cannot issue a document without an addressee");
        }

        if (c.AddresseeAgency is { } agency && Agencies.Find(agency) is null)
        {
            return DomainError.Invalid("documents.addressee-agency", $"cannot address a document to unknown agency '{agency}'");
        }

        if (c.Sections.Count == 0 || c.Sections.All(s => s.Paragraphs.Count == 0 && (s.Fields ?? []).Count == 0))
        {
            return DomainError.Invalid("documents.empty", "cannot issue a document with an empty body");
        }

        var texts = c.Sections.SelectMany(s => s.Paragraphs.Concat((s.Fields ?? []).SelectMany(f => new[] { f.Label, f.Value })));
        if (texts.Any(t => t.Length > MaxText) || c.Sections.SelectMany(s => s.Fields ?? []).Any(f => f.Label.Length == 0))
        {
            return DomainError.Invalid("documents.text", "cannot issue a document with an unlabelled field or a paragraph over 4000 characters");
        }

        return null;
    }
}

/// <summary>Issue a document into the series of its court, kind and the current year.</summary>
/// <param name="DocumentId">Chosen by the caller; issuing the same id again returns the first document (idempotent).</param>
/// <param name="SourceStreamId">The stream it belongs to (e.g. the release request's), for listing and archives.</param>
public sealed record IssueDocument(Guid DocumentId, DocumentKind Kind, string CourtCode, string SourceStreamId, DocumentContent Content, string Actor);
