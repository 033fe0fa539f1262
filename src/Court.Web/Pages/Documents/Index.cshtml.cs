using Court.Application.Documents;
using Court.Application.Documents.Listing;
using Court.Application.Projections;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Documents;

/// <summary>The register of issued documents, a page at a time: search, status, and links to the A4 view and the PDF.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<DocumentRecord> Documents { get; private set; } = [];

    /// <summary>The cursor of the next page; null on the last.</summary>
    public string? Next { get; private set; }

    /// <summary>Why the list could not be read as asked (a bad cursor), in the reader's language.</summary>
    public IReadOnlyList<string> ListErrors { get; private set; } = [];

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var text = Query is { Length: > 64 } ? Query[..64] : Query;
        try
        {
            var page = await sender.Send(new SearchDocuments(text, new PageParameters(After: after)), cancellationToken);
            (Documents, Next) = (page.Items, page.Next);
        }
        catch (ValidationException validation)
        {
            ListErrors = [.. validation.Errors.Select(e => e.ErrorMessage)];
        }
    }
}
