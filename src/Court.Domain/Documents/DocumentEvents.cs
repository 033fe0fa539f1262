using Court.Domain.Common;

namespace Court.Domain.Documents;

/// <summary>
/// A document was issued: its number is taken. Stored in its series stream at version <c>Serial - 1</c>, so numbers
/// are unique and gap-free by the stream's expected-version check.
/// </summary>
[EventType("documents.document-issued.v1")]
public sealed record DocumentIssued(
    Guid DocumentId,
    string Number,
    int Serial,
    DocumentKind Kind,
    string CourtCode,
    string SourceStreamId,
    DocumentContent Content,
    string ContentHash,
    string HashAlgorithm,
    string IssuedBy,
    DateTimeOffset IssuedAt) : IDomainEvent;

/// <summary>The addressee did what the document asks (e.g. the registry lifted the seizure).</summary>
[EventType("documents.document-executed.v1")]
public sealed record DocumentExecuted(Guid DocumentId, string Number, string? Reference, string ExecutedBy, DateTimeOffset ExecutedAt) : IDomainEvent;

/// <summary>The document no longer has force (withdrawn, superseded, set aside).</summary>
[EventType("documents.document-revoked.v1")]
public sealed record DocumentRevoked(Guid DocumentId, string Number, string Reason, string RevokedBy, DateTimeOffset RevokedAt) : IDomainEvent;

public enum DocumentStatus
{
    InForce,
    Executed,
    Revoked,
}
