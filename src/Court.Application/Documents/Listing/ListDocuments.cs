using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Listing;

/// <summary>
/// The documents that belong to a stream (a case's, a request's), oldest first, a page at a time; an agency sees only
/// those addressed to it, court staff their court's.
/// </summary>
public sealed record ListDocuments(string StreamId, PageParameters? Page = null) : IQuery<Page<DocumentRecord>>, IAnySignedInCaller
{
    public static readonly ListSorts Sorts = new(DocumentRecord.SortByIssued);
}

public sealed class ListDocumentsValidator : AbstractValidator<ListDocuments>
{
    public ListDocumentsValidator()
    {
        RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
        RuleFor(q => q.Page).PagedBy(ListDocuments.Sorts);
    }
}

public sealed class ListDocumentsHandler(IReadModels reads, ICallerContext caller) : IQueryHandler<ListDocuments, Page<DocumentRecord>>
{
    public async ValueTask<Page<DocumentRecord>> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListDocuments.Sorts) with { Partitions = [query.StreamId] };
        return DocumentAccess.NarrowToCaller(request, caller)
            ? await reads.PageAsync<DocumentRecord>(request, cancellationToken)
            : new Page<DocumentRecord>([], null, request.WithTotal ? 0 : null);
    }
}
