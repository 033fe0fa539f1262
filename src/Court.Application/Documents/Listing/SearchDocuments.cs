using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Listing;

/// <summary>
/// The documents register, newest first, a page at a time; optionally narrowed to a fragment of the number (typed
/// loosely: a number that parses is searched in its printed form), case number, title or addressee, ignoring case.
/// Each caller sees what <see cref="DocumentAccess.NarrowToCaller"/> lets him: his court's documents, or those addressed to his agency.
/// </summary>
public sealed record SearchDocuments(string? Text = null, PageParameters? Page = null) : IQuery<Page<DocumentRecord>>, IAnySignedInCaller
{
    public static readonly ListSorts Sorts = new(DocumentRecord.SortByIssued) { DefaultDescending = true };
}

public sealed class SearchDocumentsValidator : AbstractValidator<SearchDocuments>
{
    public SearchDocumentsValidator()
    {
        RuleFor(q => q.Text).MaximumLength(64);
        RuleFor(q => q.Page).PagedBy(SearchDocuments.Sorts);
    }
}

public sealed class SearchDocumentsHandler(IReadModels readModels, ICallerContext caller) : IQueryHandler<SearchDocuments, Page<DocumentRecord>>
{
    public async ValueTask<Page<DocumentRecord>> Handle(SearchDocuments query, CancellationToken cancellationToken)
    {
        var text = query.Text?.Trim();
        var number = string.IsNullOrEmpty(text) ? null : Court.Domain.Documents.DocumentNumber.TryParse(text)?.ToString();
        var request = (query.Page ?? new PageParameters()).ToRequest(SearchDocuments.Sorts) with { Search = number ?? (string.IsNullOrEmpty(text) ? null : text) };
        return DocumentAccess.NarrowToCaller(request, caller)
            ? await readModels.PageAsync<DocumentRecord>(request, cancellationToken)
            : new Page<DocumentRecord>([], null, request.WithTotal ? 0 : null);
    }
}
