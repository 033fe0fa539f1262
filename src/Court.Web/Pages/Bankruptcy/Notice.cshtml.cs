using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Notices;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>One notice as its addressee works it: what it asks, its document, and acknowledge / execute / query / cannot-execute.</summary>
[Authorize(Roles = $"{Roles.AgencyOfficer},{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class NoticeModel(ISender sender, WorkflowRuntime workflows, ICallerContext caller, IPeople people) : BankruptcyPageModel
{
    private IReadOnlyDictionary<string, string> names = new Dictionary<string, string>();

    public NoticeDetails Details { get; private set; } = null!;

    public WorkflowDiagram? Diagram { get; private set; }

    public bool IsJudge => caller.IsInRole(Roles.Judge);

    public bool Can(string trigger) => Details.Actions.Contains(trigger);

    /// <summary>The person's name for a user id on record (the id itself when the user store does not know it).</summary>
    public string NameOf(string? userId) => userId is null ? "" : names.GetValueOrDefault(userId, userId);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await Reload(id, ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(string id, CancellationToken ct) =>
        Run(id, () => sender.Send(new AcknowledgeNotice { NoticeId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostExecuteAsync(string id, string? registrationReference, DateOnly? executedOn, CancellationToken ct) =>
        Run(id, () => sender.Send(new ExecuteNotice(registrationReference, executedOn) { NoticeId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostQueryAsync(string id, string? text, CancellationToken ct) =>
        Run(id, () => sender.Send(new QueryNotice(text) { NoticeId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostCannotAsync(string id, string? reason, CancellationToken ct) =>
        Run(id, () => sender.Send(new ReportNoticeCannotBeExecuted(reason) { NoticeId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostAnswerAsync(string id, string queryId, string? answer, CancellationToken ct) =>
        Run(id, () => sender.Send(new AnswerNoticeQuery(answer) { NoticeId = id, QueryId = queryId }, ct).AsTask(), ct);

    private Task<IActionResult> Run(string id, Func<Task> send, CancellationToken ct) =>
        RunAsync(send, () => RedirectToPage(new { id }), () => Reload(id, ct));

    private async Task<IActionResult> Reload(string id, CancellationToken ct) => await TryAsync(async () =>
    {
        Details = await sender.Send(new GetNotice(id), ct);
        names = await people.NamesAsync(Details.Notice.Queries.SelectMany(q => new[] { q.By, q.AnsweredBy }).OfType<string>(), ct);
        if (await workflows.LoadAsync(BankruptcyWorkflows.NoticeStream(id), ct) is { } snapshot)
        {
            Diagram = BankruptcyUi.Diagram(snapshot);
        }
    }) ? Page() : NotFound();
}
