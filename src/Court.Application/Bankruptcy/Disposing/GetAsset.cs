using Court.Application.Auditing;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Mediator;

namespace Court.Application.Bankruptcy.Disposing;

/// <summary>One asset: its state, what blocks it, its seizures and disposal, and the disposal steps the caller may take now. ETag: the disposal version (-1 before any).</summary>
public sealed record GetAsset(string AssetId) : IQuery<AssetDetails>, ICaseScoped, IAuditedRead<AssetDetails>
{
    string ICaseScoped.CaseScope => CaseLink.ForAsset(AssetId);

    ReadSubject IAuditedRead<AssetDetails>.AuditedAs(AssetDetails response) =>
        new(ReadSubject.Asset, AssetId, Court.Domain.Bankruptcy.Estate.StreamPrefix + response.EstateId);
}

public sealed record AssetDetails(string EstateId, string CaseNumber, string DebtorName, AssetView Asset, long DisposalVersion, IReadOnlyList<string> DisposalActions);

/// <remarks>
/// Before a disposal exists the caller may schedule one when the asset is free, the disposal definition gives the
/// caller's role its start trigger, and the resource rule lets the caller act on this case: the same checks the
/// command passes, so the page offers exactly what would be accepted.
/// </remarks>
public sealed class GetAssetHandler(IReadModels reads, WorkflowRuntime workflows, BankruptcyPermissions permissions, TimeProvider clock) : IQueryHandler<GetAsset, AssetDetails>
{
    public async ValueTask<AssetDetails> Handle(GetAsset query, CancellationToken cancellationToken)
    {
        var view = await BankruptcyAccess.CaseOfAsync(reads, CaseLink.ForAsset(query.AssetId), cancellationToken);
        var asset = view?.Asset(query.AssetId)?.AsOf(clock.GetUtcNow()) ?? throw new ResourceNotFoundException("No such asset.");
        var stream = BankruptcyWorkflows.DisposalStream(asset.Id);
        var actions = await workflows.GetActionsAsync(stream, cancellationToken) is { } running
            ? running.Actions.Select(a => a.Trigger).Distinct().ToList()
            : asset.IsFree && workflows.MayStartWith<ScheduleDisposal>(stream) && await permissions.MayAsync(new ScheduleDisposal(null, null, null, null) { AssetId = asset.Id }, cancellationToken)
                ? [IWorkflowCommand.TriggerOf(typeof(ScheduleDisposal))]
                : new List<string>();
        return new AssetDetails(view.Id, view.CaseNumber, view.DebtorName, asset, asset.Disposal?.Version ?? -1, actions);
    }
}
