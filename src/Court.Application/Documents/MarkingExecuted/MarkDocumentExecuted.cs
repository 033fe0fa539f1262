using Court.Application.Common;
using Court.Application.Pipeline;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.MarkingExecuted;

/// <summary>The addressee (or court staff for it) records that the document was carried out, with its registration reference.</summary>
public sealed record MarkDocumentExecuted(string Number, string? Reference, long? ExpectedVersion = null) : ICommand<IssuedDocument>;

public sealed class MarkDocumentExecutedValidator : AbstractValidator<MarkDocumentExecuted>
{
    public MarkDocumentExecutedValidator()
    {
        RuleFor(c => c.Number).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Reference).MaximumLength(200);
    }
}

public sealed class MarkDocumentExecutedHandler(DocumentIssuer documents, DocumentAccess access, ICallerContext caller) : ICommandHandler<MarkDocumentExecuted, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(MarkDocumentExecuted command, CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(command.Number, cancellationToken);
        if (document is null || !await access.MayReadAsync(document, caller, cancellationToken))
        {
            throw new ResourceNotFoundException($"No document numbered {command.Number}.");
        }

        if (!DocumentAccess.MayMarkExecuted(document, caller))
        {
            throw new ForbiddenException("Only the addressee or court staff may mark a document executed.");
        }

        return await documents.MarkExecutedAsync(document.Number, command.Reference, command.ExpectedVersion, cancellationToken);
    }
}
