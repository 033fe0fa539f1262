using Court.Application.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages;

/// <summary>The home page: the caller's task inbox (what waits for his role, agency or appointment), soonest deadline first.</summary>
public sealed class IndexModel(ICallerContext caller) : PageModel
{
    public sealed record InboxRow(string Title, string? CaseNumber, string? Link, string State, DateTimeOffset? DueAt, bool Overdue);

    public IReadOnlyList<InboxRow> Tasks { get; private set; } = [];

    public string HomeTitleKey { get; private set; } = "My tasks";

    public Task OnGetAsync()
    {
        // Until the workflow runtime's task read model is on main, the inbox is empty.
        HomeTitleKey = caller.Roles.FirstOrDefault() is { } role ? $"Workbench: {Ui.RoleLabels.Of(role)}" : "My tasks";
        Tasks = [];
        return Task.CompletedTask;
    }
}
