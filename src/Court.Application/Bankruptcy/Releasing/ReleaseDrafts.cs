using Court.Application.Bankruptcy.Documents;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Documents;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>What the judge's next step on a request would send, drafted by the code that issues it.</summary>
public sealed record ReleaseDraft(string Title, IReadOnlyList<DocumentContent> Documents);

/// <summary>
/// Drafts of the letters approving would send (due on the date the pinned definition gives the step) or of the
/// ruling and notice issuing the ruling would send, for the request page. The same builders and the same deadline
/// computation as the real documents, so a draft says what the document will.
/// </summary>
public sealed class ReleaseDrafts(AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyProcess process, ICallerContext caller)
{
    public async Task<ReleaseDraft?> ForAsync(string requestId, IReadOnlyCollection<string> permitted, CancellationToken ct)
    {
        var request = (await aggregates.LoadAsync<ReleaseRequest>(requestId, ct)).State;
        var estate = (await aggregates.LoadAsync<Estate>(request.EstateId, ct)).State;
        if (!request.Exists || estate.Asset(request.AssetId) is not { } asset || await workflows.LoadAsync(BankruptcyWorkflows.ReleaseStream(requestId), ct) is not { } snapshot)
        {
            return null;
        }

        var staff = await process.StaffAsync(estate, caller.UserId, ct);
        if (permitted.Contains(nameof(ApproveRelease)) && workflows.DueOnIfFired(snapshot, nameof(ApproveRelease)) is { } dueOn)
        {
            return new ReleaseDraft("Letters that approving will send", [.. request.Seizures.Select(s => BankruptcyDocuments.LetterToSeizingBody(estate, asset, s.Seizure, dueOn, staff))]);
        }

        if (permitted.Contains(nameof(IssueLiftingRuling)))
        {
            var seizures = request.OutstandingAt(asset, process.Now).Select(s => s.Seizure).ToList();
            var today = CourtCalendar.DateOf(process.Now);
            var notice = BankruptcyProcess.NoticeContentFor(estate, asset, "", "（裁定书文号）", today, seizures, BankruptcyProcess.LiftingActionFor(asset), null, staff, today);
            return new ReleaseDraft("The ruling and notice that issuing will send", [BankruptcyDocuments.LiftingRuling(estate, asset, request, seizures, today, request.ChainExhausted ? null : "（审判员决定提前裁定的理由）", staff, RulingNumbers.For(estate.CaseNumber, estate.RulingIds.Count + 1)), process.NoticeDocument(notice)]);
        }

        return null;
    }
}
