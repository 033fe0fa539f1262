using Court.Domain.Documents;

namespace Court.Application.Documents;

/// <summary>What a slice asks to issue. The service assigns the number, hash and code.</summary>
/// <param name="DocumentId">Choose it deterministically (e.g. from your own event id) to make a retried issuance return the first document.</param>
/// <param name="CourtCode">The issuing court, e.g. 渝0116 (see <see cref="IssuingCourts"/>).</param>
/// <param name="SourceStreamId">The stream the document belongs to (e.g. "release-request-…"); documents are listed and archived by it.</param>
public sealed record DocumentToIssue(DocumentKind Kind, string CourtCode, string SourceStreamId, DocumentContent Content, Guid? DocumentId = null);

/// <summary>An issued document as the service reads it back from the log.</summary>
/// <param name="ContentIntact">Whether the stored content still hashes to the stored hash (false: the log was edited).</param>
/// <param name="Version">Version of the document's lifecycle stream (-1 before any execute/revoke): the ETag and If-Match value.</param>
public sealed record IssuedDocument(
    Guid Id,
    string Number,
    DocumentKind Kind,
    IssuingCourt Court,
    string SourceStreamId,
    DocumentContent Content,
    string ContentHash,
    bool ContentIntact,
    string VerificationCode,
    DocumentStatus Status,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    DocumentStatusChange? LastChange,
    long Version)
{
    public DocumentKindInfo KindInfo => DocumentKinds.Of(Kind);

    /// <summary>The issue date as printed on the document (China Standard Time).</summary>
    public DateOnly IssuedOn => DateOnly.FromDateTime(IssuedAt.ToOffset(DocumentNumber.ChinaOffset).DateTime);
}

/// <summary>Who executed or revoked it, when, and the registration reference or reason.</summary>
public sealed record DocumentStatusChange(DocumentStatus Status, string By, DateTimeOffset At, string? Detail);

/// <summary>
/// The public answer to "is this document genuine?": only that, its status, the issuing court and the date.
/// Nothing else of the content, and nothing at all when the code does not match.
/// </summary>
public sealed record VerificationResult(bool Genuine, string? Number = null, DocumentStatus? Status = null, string? Court = null, DateOnly? IssuedOn = null)
{
    public static VerificationResult NotGenuine { get; } = new(false);
}
