using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Listing;

/// <summary>
/// The documents register: newest first, optionally filtered by a fragment of the number, case number, title or
/// addressee. Each caller sees what <see cref="Access.CanSee"/> lets him: his court's documents, or those addressed to his agency.
/// </summary>
public sealed record SearchDocuments(string? Text = null, int Limit = 200) : IQuery<IReadOnlyList<DocumentRecord>>, IAnySignedInCaller;

public sealed class SearchDocumentsValidator : AbstractValidator<SearchDocuments>
{
    public SearchDocumentsValidator()
    {
        RuleFor(q => q.Text).MaximumLength(64);
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
    }
}

public sealed class SearchDocumentsHandler(IReadModels readModels, ICallerContext caller) : IQueryHandler<SearchDocuments, IReadOnlyList<DocumentRecord>>
{
    public async ValueTask<IReadOnlyList<DocumentRecord>> Handle(SearchDocuments query, CancellationToken cancellationToken)
    {
        // The register is small (hundreds a year per court); a scan of the index is fine at that size.
        var text = query.Text?.Trim();
        var number = string.IsNullOrEmpty(text) ? null : Court.Domain.Documents.DocumentNumber.TryParse(text)?.ToString();
        return [.. (await readModels.ListAsync<DocumentRecord>(null, cancellationToken))
            .Where(d => Access.CanSee(caller, DocumentAccess.PartiesOf(d)))
            .Where(d => string.IsNullOrEmpty(text) || d.Number == number || Contains(d, text))
            .OrderByDescending(d => d.IssuedAt)
            .ThenByDescending(d => d.Number, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    private static bool Contains(DocumentRecord d, string text) =>
        d.Number.Contains(text, StringComparison.OrdinalIgnoreCase) || d.CaseNumber.Contains(text, StringComparison.OrdinalIgnoreCase)
        || d.Title.Contains(text, StringComparison.Ordinal) || d.Addressee.Contains(text, StringComparison.Ordinal);
}
