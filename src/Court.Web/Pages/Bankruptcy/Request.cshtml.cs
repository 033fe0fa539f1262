using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Documents;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>
/// One release request: what it names, the letters and documents so far, the workflow diagram and history, and the
/// steps the caller may take now. A judge sees the letters or the ruling and notice as drafts before deciding.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class RequestModel(ISender sender, WorkflowRuntime workflows, ReleaseDrafts drafts) : BankruptcyPageModel
{
    public ReleaseRequestDetails Details { get; private set; } = null!;

    public IReadOnlyList<DocumentContent> Drafts { get; private set; } = [];

    public string? DraftsTitle { get; private set; }

    public WorkflowDiagram? Diagram { get; private set; }

    public long Version { get; private set; }

    public bool Can(string trigger) => Details.Actions.Contains(trigger);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await Reload(id, ct);

    public Task<IActionResult> OnPostApproveAsync(string id, string? note, long? version, CancellationToken ct) =>
        Run(id, () => sender.Send(new ApproveRelease(note) { RequestId = id, IfMatch = version }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostRejectAsync(string id, string? reason, long? version, CancellationToken ct) =>
        Run(id, () => sender.Send(new RejectRelease(reason) { RequestId = id, IfMatch = version }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostWithdrawAsync(string id, string? reason, CancellationToken ct) =>
        Run(id, () => sender.Send(new WithdrawRelease(reason) { RequestId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostLiftAsync(string id, string? seizureId, string? reference, DateOnly? liftedOn, CancellationToken ct) =>
        Run(id, () => sender.Send(new RecordSeizingBodyLift(seizureId, reference, liftedOn) { RequestId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostRulingAsync(string id, string? earlyReason, long? version, CancellationToken ct) =>
        Run(id, () => sender.Send(new IssueLiftingRuling(string.IsNullOrWhiteSpace(earlyReason) ? null : earlyReason) { RequestId = id, IfMatch = version }, ct).AsTask(), ct);

    private Task<IActionResult> Run(string id, Func<Task> send, CancellationToken ct) =>
        RunAsync(send, () => RedirectToPage(new { id }), () => Reload(id, ct));

    private async Task<IActionResult> Reload(string id, CancellationToken ct) => await TryAsync(() => LoadAsync(id, ct)) ? Page() : NotFound();

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Details = await sender.Send(new GetReleaseRequest(id), ct);
        Version = Details.Request.Version;
        if (await workflows.LoadAsync(BankruptcyWorkflows.ReleaseStream(id), ct) is { } snapshot)
        {
            Diagram = BankruptcyUi.Diagram(snapshot);
        }

        if (await drafts.ForAsync(id, Details.Actions, ct) is { } draft)
        {
            (Drafts, DraftsTitle) = (draft.Documents, draft.Title);
        }
    }
}
