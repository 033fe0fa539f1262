using Court.Application.Common;
using Court.Application.Workflows.Queries;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages;

/// <summary>The home page: the caller's task inbox (the workflow runtime's ListMyTasks, as GET /api/tasks), soonest deadline first.</summary>
public sealed class IndexModel(ISender sender, ICallerContext caller) : PageModel
{
    public sealed record InboxRow(string Title, string? CaseNumber, string? Link, string State, DateTimeOffset? DueAt, bool Overdue);

    public IReadOnlyList<InboxRow> Tasks { get; private set; } = [];

    public string HomeTitleKey { get; private set; } = "My tasks";

    public async Task OnGetAsync()
    {
        HomeTitleKey = caller.Roles.FirstOrDefault() is { } role ? $"Workbench: {RoleLabels.Of(role)}" : "My tasks";
        var zh = CourtCulture.IsChinese;
        var seesDiagrams = caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.SystemAdministrator);
        var tasks = await sender.Send(new ListMyTasks(), HttpContext.RequestAborted);
        Tasks = tasks.Select(t => new InboxRow(
            zh ? t.WorkflowTitle.Zh : t.WorkflowTitle.En,
            t.Label,
            seesDiagrams ? $"/Workflows?id={Uri.EscapeDataString(t.WorkflowId)}&state={Uri.EscapeDataString(t.State)}" : null,
            zh ? t.StateTitle.Zh : t.StateTitle.En,
            t.DueAt,
            t.Overdue)).ToList();
    }
}
