using Court.Domain.Common;

namespace Court.Domain.Documents;

/// <summary>
/// A document's life after issuance, in its own stream (prefix <c>document-</c>, id <see cref="DocumentNumber.LifecycleId"/>).
/// The issuance itself lives in the series stream; a loader folds it first.
/// </summary>
public sealed record DocumentLifecycle(Guid DocumentId, string Number, DocumentStatus Status) : IAggregateState<DocumentLifecycle>
{
    public static DocumentLifecycle Initial { get; } = new(Guid.Empty, "", DocumentStatus.InForce);

    public static string StreamPrefix => "document-";

    public bool IsIssued => DocumentId != Guid.Empty;

    public DocumentLifecycle Evolve(IDomainEvent @event) => @event switch
    {
        DocumentIssued e => new(e.DocumentId, e.Number, DocumentStatus.InForce),
        DocumentExecuted => this with { Status = DocumentStatus.Executed },
        DocumentRevoked => this with { Status = DocumentStatus.Revoked },
        _ => this,
    };

    /// <summary>Executing twice yields nothing; a revoked document cannot be executed.</summary>
    public static Decision MarkExecuted(DocumentLifecycle state, string? reference, string actor, DateTimeOffset now) => state switch
    {
        { IsIssued: false } => DomainError.NotFound("documents.not-found", "cannot mark executed a document that was never issued"),
        { Status: DocumentStatus.InForce } => Decision.Emit(new DocumentExecuted(state.DocumentId, state.Number, Normalize(reference), actor, now)),
        { Status: DocumentStatus.Executed } => Decision.Nothing,
        _ => DomainError.Conflict("documents.revoked", "cannot mark executed a document that was revoked"),
    };

    /// <summary>Revoking twice yields nothing; an executed document may still be revoked (e.g. set aside on review).</summary>
    public static Decision Revoke(DocumentLifecycle state, string reason, string actor, DateTimeOffset now) => state switch
    {
        { IsIssued: false } => DomainError.NotFound("documents.not-found", "cannot revoke a document that was never issued"),
        _ when string.IsNullOrWhiteSpace(reason) => DomainError.Invalid("documents.reason", "cannot revoke a document without a reason"),
        { Status: DocumentStatus.InForce or DocumentStatus.Executed } => Decision.Emit(new DocumentRevoked(state.DocumentId, state.Number, reason.Trim(), actor, now)),
        { Status: DocumentStatus.Revoked } => Decision.Nothing,
        _ => DomainError.Conflict("documents.status", $"cannot revoke a document that is {state.Status}"),
    };

    private static string? Normalize(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
