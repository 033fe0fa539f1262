using Court.Application.Common;
using Court.Application.Workflows;
using Court.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Workflows;

/// <summary>The published workflows as diagrams (latest version of each), one of them with a state highlighted.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.SystemAdministrator}")]
public sealed class IndexModel(WorkflowCatalog catalog) : PageModel
{
    public sealed record Item(WorkflowDefinition Definition, WorkflowDiagram Diagram);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public void OnGet(string? id, string? state)
    {
        Items = catalog.All.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!)
            .Where(d => id is null || d.Id == id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d =>
            {
                var current = d.Id == id && state is not null ? d.FindState(state) : null;
                var title = current is null ? null : CourtCulture.IsChinese ? current.Title.Zh : current.Title.En;
                return new Item(d, new WorkflowDiagram(WorkflowMachine.Mermaid(d, current?.Name, english: !CourtCulture.IsChinese), current?.Name, title, Open: true));
            })
            .ToList();
    }
}
