using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows.Queries;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages;

/// <summary>The home page: the caller's task inbox (the workflow runtime's ListMyTasks, as GET /api/tasks), soonest deadline first.</summary>
public sealed class IndexModel(ISender sender, ICallerContext caller, IEnumerable<TaskLink> links) : PageModel
{
    public sealed record InboxRow(string Title, string? CaseNumber, string? Link, string State, DateTimeOffset? DueAt, bool Overdue, bool DueOnProvisional = false);

    public IReadOnlyList<InboxRow> Tasks { get; private set; } = [];

    /// <summary>The cursor of the next page of tasks, if there is one.</summary>
    public string? Next { get; private set; }

    public string HomeTitleKey { get; private set; } = "My tasks";

    public async Task OnGetAsync(string? after)
    {
        HomeTitleKey = caller.Roles.FirstOrDefault() is { } role ? $"Workbench: {RoleLabels.Of(role)}" : "My tasks";
        var zh = CourtCulture.IsChinese;
        var seesDiagrams = caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.SystemAdministrator);
        var tasks = await sender.Send(new ListMyTasks(new PageParameters(After: after)), HttpContext.RequestAborted);
        Next = tasks.Next;
        Tasks = tasks.Items.Select(t => new InboxRow(
            TitleOf(t, zh),
            t.Label,
            LinkFor(t.StreamId) ?? (seesDiagrams ? $"/Workflows?id={Uri.EscapeDataString(t.WorkflowId)}&state={Uri.EscapeDataString(t.State)}" : null),
            zh ? t.StateTitle.Zh : t.StateTitle.En,
            t.DueAt,
            t.Overdue,
            t.DueOnProvisional)).ToList();
    }

    /// <summary>The process's title, and what the task is about when the record says (two notices of one case differ by it).</summary>
    private static string TitleOf(WorkflowTaskView task, bool zh)
    {
        var title = zh ? task.WorkflowTitle.Zh : task.WorkflowTitle.En;
        return task.Subject is null ? title : zh ? $"{title}：{task.Subject}" : $"{title}: {task.Subject}";
    }

    /// <summary>The record's own page when its slice registered one; the task's workflow diagram otherwise.</summary>
    private string? LinkFor(string streamId) =>
        links.FirstOrDefault(l => streamId.StartsWith(l.StreamPrefix, StringComparison.Ordinal) && l.Roles.Any(caller.IsInRole)) is { } link
            ? link.PathForId(Uri.EscapeDataString(streamId[link.StreamPrefix.Length..]))
            : null;
}
