using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Revoking;

/// <summary>A judge withdraws a document; the public check then answers "revoked".</summary>
public sealed record RevokeDocument(string Number, [property: MultiLine] string Reason, long? ExpectedVersion = null) : ICommand<IssuedDocument>;

public sealed class RevokeDocumentValidator : AbstractValidator<RevokeDocument>
{
    public RevokeDocumentValidator()
    {
        RuleFor(c => c.Number).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class RevokeDocumentHandler(DocumentIssuer documents) : ICommandHandler<RevokeDocument, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(RevokeDocument command, CancellationToken cancellationToken) =>
        await documents.RevokeAsync(command.Number, command.Reason, command.ExpectedVersion, cancellationToken);
}
