using Court.Application.Common;
using Court.Application.Documents.MarkingExecuted;
using Court.Application.Documents.Reading;
using Court.Application.Documents.Revoking;
using Court.Application.Pipeline;

namespace Court.Application.Documents;

/// <summary>
/// The resource rules of the document commands and queries: a document that does not exist or is not the caller's is
/// hidden (404); the addressee and court staff mark it executed; only a judge revokes.
/// </summary>
public sealed class DocumentRules(DocumentIssuer documents, DocumentAccess access)
    : IAuthorizationRule<GetDocument>, IAuthorizationRule<MarkDocumentExecuted>, IAuthorizationRule<RevokeDocument>
{
    public async ValueTask<AuthorizationOutcome> EvaluateAsync(GetDocument message, ICallerContext caller, CancellationToken cancellationToken) =>
        await documents.FindByIdOrNumberAsync(message.Number, cancellationToken) is { } document && await access.MayReadAsync(document, caller, cancellationToken)
            ? AuthorizationOutcome.Allowed
            : AuthorizationOutcome.Hidden;

    public ValueTask<AuthorizationOutcome> EvaluateAsync(MarkDocumentExecuted message, ICallerContext caller, CancellationToken cancellationToken) =>
        ActAsync(message.Number, caller, cancellationToken, Roles.Clerk, Roles.Judge, Roles.AgencyOfficer);

    public ValueTask<AuthorizationOutcome> EvaluateAsync(RevokeDocument message, ICallerContext caller, CancellationToken cancellationToken) =>
        ActAsync(message.Number, caller, cancellationToken, Roles.Judge);

    private async ValueTask<AuthorizationOutcome> ActAsync(string number, ICallerContext caller, CancellationToken cancellationToken, params string[] roles) =>
        string.IsNullOrWhiteSpace(number) ? AuthorizationOutcome.Allowed // validation answers it
        : await documents.FindAsync(number, cancellationToken) is { } document ? await access.ActAsync(document, caller, cancellationToken, roles)
        : AuthorizationOutcome.Hidden;
}
