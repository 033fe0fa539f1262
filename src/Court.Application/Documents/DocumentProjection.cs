using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Documents;

namespace Court.Application.Documents;

/// <summary>
/// The index of issued documents: by id (for idempotent issuance) and by the stream they belong to (the partition).
/// Holds no content; the log is read for that. Listed by issue time then number (<c>issued</c>), filtered by issuing
/// court and addressee agency (who may see it), searched by number, case number, title and addressee.
/// </summary>
[Collection("documents.issued")]
public sealed record DocumentRecord(
    Guid Id,
    string Number,
    DocumentKind Kind,
    string CourtCode,
    string SourceStreamId,
    string Title,
    string CaseNumber,
    string Addressee,
    string? AddresseeAgency,
    DocumentStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? StatusChangedAt) : IListed
{
    /// <summary>Issue time, then number: a stream's documents oldest first, the register newest first.</summary>
    public const string SortByIssued = "issued";

    public const string CourtKey = "court";

    /// <summary>The agency it is addressed to (absent: none).</summary>
    public const string AgencyKey = "agency";

    public static string IdOf(Guid id) => id.ToString("N");

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByIssued, ListKey.Encode(IssuedAt), Number),
        ListKey.Text(CourtKey, CourtCode),
        ListKey.Text(AgencyKey, AddresseeAgency),
        ListKey.Search(Number, CaseNumber, Title, Addressee),
    ];
}

/// <summary>Inline, so an issuer can find her document by id in the same breath as issuing it.</summary>
public sealed class DocumentProjection : IProjection
{
    public string Name => "documents.issued";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is DocumentIssued or DocumentExecuted or DocumentRevoked;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        switch (envelope.Event)
        {
            case DocumentIssued e:
                session.Store(
                    DocumentRecord.IdOf(e.DocumentId),
                    new DocumentRecord(e.DocumentId, e.Number, e.Kind, e.CourtCode, e.SourceStreamId, e.Content.Title, e.Content.CaseNumber, e.Content.Addressee, e.Content.AddresseeAgency, DocumentStatus.InForce, e.IssuedAt, null),
                    e.SourceStreamId);
                break;
            case DocumentExecuted e:
                await UpdateAsync(session, e.DocumentId, DocumentStatus.Executed, e.ExecutedAt, cancellationToken);
                break;
            case DocumentRevoked e:
                await UpdateAsync(session, e.DocumentId, DocumentStatus.Revoked, e.RevokedAt, cancellationToken);
                break;
        }
    }

    private static async Task UpdateAsync(IDocumentSession session, Guid id, DocumentStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<DocumentRecord>(DocumentRecord.IdOf(id), cancellationToken) is { } record)
        {
            session.Store(DocumentRecord.IdOf(id), record with { Status = status, StatusChangedAt = at }, record.SourceStreamId);
        }
    }
}
