using Court.Application.Common;
using Court.Application.Pipeline;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Listing;

/// <summary>The documents that belong to a stream (a case's, a request's), oldest first; an agency sees only those addressed to it.</summary>
public sealed record ListDocuments(string StreamId) : IQuery<IReadOnlyList<DocumentRecord>>, IAnySignedInCaller;

public sealed class ListDocumentsValidator : AbstractValidator<ListDocuments>
{
    public ListDocumentsValidator() => RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
}

public sealed class ListDocumentsHandler(DocumentIssuer documents, ICallerContext caller) : IQueryHandler<ListDocuments, IReadOnlyList<DocumentRecord>>
{
    public async ValueTask<IReadOnlyList<DocumentRecord>> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        var all = await documents.ListAsync(query.StreamId, cancellationToken);
        return [.. all.Where(d => Access.CanSee(caller, DocumentAccess.PartiesOf(d)))];
    }
}
