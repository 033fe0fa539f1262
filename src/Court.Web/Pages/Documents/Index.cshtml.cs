using Court.Application.Documents;
using Court.Application.Documents.Listing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Documents;

/// <summary>The register of issued documents: search, status, and links to the A4 view and the PDF.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<DocumentRecord> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var text = Query is { Length: > 64 } ? Query[..64] : Query;
        Documents = await sender.Send(new SearchDocuments(text), cancellationToken);
    }
}
