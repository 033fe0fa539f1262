using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Documents;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Documents;
using Court.Domain.Identifiers;
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
public sealed class RequestModel(ISender sender, AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyDeadlines deadlines, ICallerContext caller, TimeProvider clock) : BankruptcyPageModel
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

    public Task<IActionResult> OnPostRulingAsync(string id, long? version, CancellationToken ct) =>
        Run(id, () => sender.Send(new IssueLiftingRuling { RequestId = id, IfMatch = version }, ct).AsTask(), ct);

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

        var request = (await aggregates.LoadAsync<ReleaseRequest>(id, ct)).State;
        var estate = (await aggregates.LoadAsync<Estate>(request.EstateId, ct)).State;
        if (estate.Asset(request.AssetId) is not { } asset)
        {
            return;
        }

        var judge = caller.UserId;
        if (Can("ApproveRelease"))
        {
            var dueOn = deadlines.DueOn(BankruptcyWorkflows.Release, "AwaitingSeizingBodies", clock.GetUtcNow());
            Drafts = [.. request.Seizures.Select(s => BankruptcyDocuments.LetterToSeizingBody(estate, asset, s.Seizure, dueOn, judge))];
            DraftsTitle = "Letters that approving will send";
        }
        else if (Can("IssueLiftingRuling"))
        {
            var seizures = request.Outstanding.Select(s => s.Seizure).ToList();
            var ruling = BankruptcyDocuments.LiftingRuling(estate, asset, seizures, judge);
            var court = CaseNumber.Parse(estate.CaseNumber).Value.Court.Code;
            var today = Domain.Bankruptcy.CourtCalendar.DateOf(clock.GetUtcNow());
            var action = asset.Kind is AssetKind.LandUseRight or AssetKind.Building ? NoticeAction.CancelSeizureRegistration : NoticeAction.LiftSeizure;
            var notice = new NoticeContent(
                court, BankruptcyDocuments.CourtName(court), estate.CaseNumber, asset.HoldingAgency, BankruptcyDocuments.AgencyName(asset.HoldingAgency), "", "（裁定书文号）", today,
                estate.DebtorName, estate.DebtorCreditCode, asset.Kind, asset.Description, asset.Identifiers, seizures, action, null, null, null, BankruptcyDocuments.Contact(court, judge), today);
            var acknowledge = deadlines.Period(BankruptcyWorkflows.Notice, "Delivered");
            var execute = deadlines.Period(BankruptcyWorkflows.Notice, "Acknowledged");
            Drafts = [ruling, BankruptcyDocuments.Notice(notice, (acknowledge.Days, "个工作日"), (execute.Days, "个工作日"))];
            DraftsTitle = "The ruling and notice that issuing will send";
        }
    }
}
