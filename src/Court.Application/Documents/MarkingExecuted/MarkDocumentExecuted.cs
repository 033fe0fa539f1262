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

public sealed class MarkDocumentExecutedHandler(DocumentIssuer documents) : ICommandHandler<MarkDocumentExecuted, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(MarkDocumentExecuted command, CancellationToken cancellationToken) =>
        await documents.MarkExecutedAsync(command.Number, command.Reference, command.ExpectedVersion, cancellationToken);
}
