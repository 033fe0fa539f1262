using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Mediator;

namespace Court.Application.Bankruptcy.Disposing;

/// <summary>One asset: its state, what blocks it, its seizures and disposal, and the disposal steps the caller may take now. ETag: the disposal version (-1 before any).</summary>
public sealed record GetAsset(string AssetId) : IQuery<AssetDetails>, ICaseScoped
{
    string ICaseScoped.CaseScope => CaseLink.ForAsset(AssetId);
}

public sealed record AssetDetails(string EstateId, string CaseNumber, string DebtorName, AssetView Asset, long DisposalVersion, IReadOnlyList<string> DisposalActions);

public sealed class GetAssetHandler(IReadModels reads, WorkflowRuntime workflows) : IQueryHandler<GetAsset, AssetDetails>
{
    public async ValueTask<AssetDetails> Handle(GetAsset query, CancellationToken cancellationToken)
    {
        var view = await BankruptcyAccess.CaseOfAsync(reads, CaseLink.ForAsset(query.AssetId), cancellationToken);
        var asset = view?.Asset(query.AssetId) ?? throw new ResourceNotFoundException("No such asset.");
        var actions = await workflows.GetActionsAsync(BankruptcyWorkflows.DisposalStream(asset.Id), cancellationToken);
        return new AssetDetails(view.Id, view.CaseNumber, view.DebtorName, asset, asset.Disposal?.Version ?? -1, actions?.Actions.Select(a => a.Trigger).Distinct().ToList() ?? []);
    }
}
