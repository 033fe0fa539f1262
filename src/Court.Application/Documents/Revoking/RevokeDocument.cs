using Court.Application.Common;
using Court.Application.Pipeline;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Revoking;

/// <summary>A judge withdraws a document; the public check then answers "revoked".</summary>
public sealed record RevokeDocument(string Number, string Reason, long? ExpectedVersion = null) : ICommand<IssuedDocument>;

public sealed class RevokeDocumentValidator : AbstractValidator<RevokeDocument>
{
    public RevokeDocumentValidator()
    {
        RuleFor(c => c.Number).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class RevokeDocumentHandler(DocumentIssuer documents, DocumentAccess access, ICallerContext caller) : ICommandHandler<RevokeDocument, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(RevokeDocument command, CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(command.Number, cancellationToken);
        if (document is null || !await access.MayReadAsync(document, caller, cancellationToken))
        {
            throw new ResourceNotFoundException($"No document numbered {command.Number}.");
        }

        if (!DocumentAccess.MayRevoke(caller))
        {
            throw new ForbiddenException("Only a judge may revoke a document.");
        }

        return await documents.RevokeAsync(document.Number, command.Reason, command.ExpectedVersion, cancellationToken);
    }
}
