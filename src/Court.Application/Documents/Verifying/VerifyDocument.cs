using Court.Application.Pipeline;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Verifying;

/// <summary>The public check behind the QR code: no sign-in; answers only genuine or not, status, court and date.</summary>
public sealed record VerifyDocument(string Number, string Code) : IQuery<VerificationResult>, IAllowAnonymous;

public sealed class VerifyDocumentValidator : AbstractValidator<VerifyDocument>
{
    public VerifyDocumentValidator()
    {
        RuleFor(q => q.Number).NotEmpty().MaximumLength(64);
        RuleFor(q => q.Code).NotEmpty().MaximumLength(40);
    }
}

public sealed class VerifyDocumentHandler(DocumentIssuer documents) : IQueryHandler<VerifyDocument, VerificationResult>
{
    public async ValueTask<VerificationResult> Handle(VerifyDocument query, CancellationToken cancellationToken) =>
        await documents.VerifyAsync(query.Number, query.Code, cancellationToken);
}
