using Court.Application.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Listing;

/// <summary>The documents that belong to a stream (a case's, a request's), oldest first; an agency sees only those addressed to it.</summary>
public sealed record ListDocuments(string StreamId) : IQuery<IReadOnlyList<DocumentRecord>>;

public sealed class ListDocumentsValidator : AbstractValidator<ListDocuments>
{
    public ListDocumentsValidator() => RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
}

public sealed class ListDocumentsHandler(DocumentIssuer documents, ICallerContext caller) : IQueryHandler<ListDocuments, IReadOnlyList<DocumentRecord>>
{
    public async ValueTask<IReadOnlyList<DocumentRecord>> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        var all = await documents.ListAsync(query.StreamId, cancellationToken);
        var staff = caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.SystemAdministrator) || caller.IsInRole(Roles.System);
        return staff ? all : [.. all.Where(d => caller.Agency is not null && d.AddresseeAgency == caller.Agency)];
    }
}
