using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Domain.Documents;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Issuing;

/// <summary>
/// A clerk or judge issues a document directly (a letter no workflow produces). Slices issue theirs through
/// <see cref="DocumentIssuer"/> inside their own handlers instead.
/// </summary>
public sealed record IssueDocumentByHand(DocumentKind Kind, string CourtCode, string SourceStreamId, DocumentContent Content, Guid? DocumentId = null) : ICommand<IssuedDocument>;

public sealed class IssueDocumentByHandValidator : AbstractValidator<IssueDocumentByHand>
{
    public IssueDocumentByHandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.CourtCode).NotEmpty().Must(code => IssuingCourts.Find(code) is not null).WithMessage("Unknown court code.");
        RuleFor(c => c.SourceStreamId).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Content).NotNull();
        RuleFor(c => c.Content.Title).NotEmpty().MaximumLength(DocumentSeries.MaxTitle).When(c => c.Content is not null);
        RuleFor(c => c.Content.CaseNumber).NotEmpty().MaximumLength(64).When(c => c.Content is not null);
        RuleFor(c => c.Content.Addressee).NotEmpty().MaximumLength(200).When(c => c.Content is not null);
        RuleFor(c => c.Content.Sections).NotEmpty().When(c => c.Content is not null);
    }
}

public sealed class IssueDocumentByHandRule : IAuthorizationRule<IssueDocumentByHand>
{
    public ValueTask<AuthorizationOutcome> EvaluateAsync(IssueDocumentByHand message, ICallerContext caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Access.RolesOnly(caller, Roles.Clerk, Roles.Judge));
}

public sealed class IssueDocumentByHandHandler(DocumentIssuer documents) : ICommandHandler<IssueDocumentByHand, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(IssueDocumentByHand command, CancellationToken cancellationToken) =>
        await documents.IssueAsync(new DocumentToIssue(command.Kind, command.CourtCode, command.SourceStreamId, command.Content, command.DocumentId), cancellationToken);
}
