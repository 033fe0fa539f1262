using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>
/// The case view (court and administrator) with each asset's state and what blocks it, and the links from ids to cases.
/// Whom a state waits on is read from the instance's pinned definition (<see cref="StateDefinition.WaitsOn"/>).
/// </summary>
public sealed class CaseProjection(WorkflowCatalog catalog) : IProjection
{
    public string Name => "bankruptcy-cases";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => BankruptcyEvents.IsOurs(@event);

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (envelope.Event is BankruptcyCaseOpened opened)
        {
            var created = new CaseView
            {
                Id = opened.EstateId,
                CaseNumber = opened.CaseNumber,
                CourtCode = opened.CourtCode,
                DebtorName = opened.DebtorName,
                DebtorCreditCode = opened.DebtorCreditCode,
                AcceptedOn = opened.AcceptedOn,
                AdministratorUserId = opened.AdministratorUserId,
                AdministratorName = opened.AdministratorName,
                OpenedAt = envelope.Metadata.OccurredAt,
                OpenedBy = opened.By,
            };
            Touch(created, envelope);
            session.Store(created.Id, created, created.AdministratorUserId);
            return;
        }

        var (estateId, assetId) = await LocateAsync(envelope, session, cancellationToken);
        if (estateId is null || await session.LoadAsync<CaseView>(estateId, cancellationToken) is not { } view)
        {
            return;
        }

        var asset = assetId is null ? null : view.Asset(assetId);
        switch (envelope.Event)
        {
            case AssetRegistered e:
                view.Assets.Add(new AssetView { Id = e.AssetId, Kind = e.Kind, Description = e.Description, Identifiers = e.Identifiers, HoldingAgency = e.HoldingAgency, EstimatedValueFen = e.EstimatedValueFen });
                session.Store(CaseLink.ForAsset(e.AssetId), new CaseLink(e.EstateId, e.AssetId));
                asset = view.Asset(e.AssetId);
                break;
            case SeizureRecorded e when asset is not null:
                asset.Seizures.Add(new SeizureView
                {
                    Id = e.SeizureId,
                    SeizingBody = e.SeizingBody,
                    SeizingBodySuperior = e.SeizingBodySuperior,
                    DocumentNumber = e.DocumentNumber,
                    SeizedOn = e.SeizedOn,
                    ExpiresOn = e.ExpiresOn,
                    Rank = e.Rank,
                    RegistrationReference = e.RegistrationReference,
                    Status = SeizureStatus.InForce,
                });
                break;
            case SeizureMovedToFirst e when asset?.Seizures.Find(s => s.Id == e.SeizureId) is { } moved:
                moved.Rank = SeizureRank.First;
                break;
            case SeizureLifted e when asset?.Seizures.Find(s => s.Id == e.SeizureId) is { } lifted:
                (lifted.Status, lifted.LiftedBy, lifted.LiftReference, lifted.LiftedOn) = (SeizureStatus.Lifted, e.How, e.Reference, e.LiftedOn);
                break;
            case SeizureRenewed e when asset?.Seizures.Find(s => s.Id == e.SeizureId) is { } renewed:
                renewed.ExpiresOn = e.ExpiresOn;
                break;
            case SeizureLapsed e when asset?.Seizures.Find(s => s.Id == e.SeizureId) is { } lapsed:
                (lapsed.Status, lapsed.LiftedOn) = (SeizureStatus.Lapsed, e.ExpiredOn);
                break;
            case AssetTransferred when asset is not null:
                asset.Transferred = true;
                break;
            case ReleaseRequested e when asset is not null:
                session.Store(CaseLink.ForRequest(e.RequestId), new CaseLink(e.EstateId, e.AssetId));
                view.ReleaseRequestIds.Add(e.RequestId);
                (asset.ReleaseRequestId, asset.ReleaseStage, asset.ReleaseOpen, asset.ReleaseDueAt, asset.NoticeId) = (e.RequestId, null, true, null, null);
                break;
            case LiftingRulingIssued e when asset is not null && asset.ReleaseRequestId == e.RequestId:
                asset.NoticeId = e.NoticeId;
                break;
            case AssistedEnforcementNoticeIssued e:
                session.Store(CaseLink.ForNotice(e.NoticeId), new CaseLink(e.EstateId, e.AssetId));
                view.NoticeIds.Add(e.NoticeId);
                break;
            case AgendaItemPlaced e:
                session.Store(CaseLink.ForAgendaItem(e.ItemId), new CaseLink(e.EstateId, null));
                view.AgendaItemIds.Add(e.ItemId);
                break;
            case DisposalScheduled e when asset is not null:
                asset.Disposal ??= new DisposalView();
                (asset.Disposal.Method, asset.Disposal.Platform, asset.Disposal.ScheduledOn, asset.Disposal.ReservePriceFen) = (e.Method, e.Platform, e.ScheduledOn, e.ReservePriceFen);
                break;
            case AssetSold e when asset?.Disposal is { } d:
                (d.BuyerName, d.PriceFen, d.SoldOn) = (e.BuyerName, e.PriceFen, e.SoldOn);
                break;
            case SaleConfirmed e when asset?.Disposal is { } d:
                (d.RulingId, d.NoticeId) = (e.RulingId, e.NoticeId);
                break;
            case TransferRegistered e when asset?.Disposal is { } d:
                (d.TransferReference, d.TransferredOn) = (e.RegistrationReference, e.RegisteredOn);
                break;
            case IWorkflowEvent w when asset is not null && envelope.StreamId.StartsWith(Disposal.StreamPrefix, StringComparison.Ordinal):
                asset.Disposal ??= new DisposalView();
                (asset.Disposal.Stage, asset.Disposal.WorkflowState, asset.Disposal.WorkflowVersion, asset.Disposal.Final, asset.Disposal.WaitsOn) = (w.Entered.State, w.Entered.State, w.WorkflowVersion, w.Entered.IsFinal, WaitsOn(w));
                break;
            case IWorkflowEvent w when asset is not null && envelope.StreamId == ReleaseRequest.StreamPrefix + asset.ReleaseRequestId:
                (asset.ReleaseStage, asset.ReleaseWorkflowVersion, asset.ReleaseOpen, asset.ReleaseDueAt, asset.ReleaseWaitsOn) = (w.Entered.State, w.WorkflowVersion, !w.Entered.IsFinal, w.Entered.DueAt, WaitsOn(w));
                break;
            default:
                return;
        }

        if (asset?.Disposal is { } disposal && envelope.StreamId.StartsWith(Disposal.StreamPrefix, StringComparison.Ordinal))
        {
            disposal.Version = envelope.Version;
        }

        asset?.Refresh(envelope.Metadata.OccurredAt);
        Touch(view, envelope);
        session.Store(view.Id, view, view.AdministratorUserId);
    }

    private string? WaitsOn(IWorkflowEvent w) => catalog.Find(w.WorkflowId, w.WorkflowVersion)?.FindState(w.Entered.State)?.WaitsOn;

    private static void Touch(CaseView view, EventEnvelope envelope)
    {
        view.LastChangedAt = envelope.Metadata.OccurredAt;
        if (envelope.StreamId.StartsWith(Estate.StreamPrefix, StringComparison.Ordinal))
        {
            view.Version = envelope.Version;
        }
    }

    /// <summary>The case (and asset) an event belongs to, from the event itself or from the links stored when its stream began.</summary>
    private static async ValueTask<(string? EstateId, string? AssetId)> LocateAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken ct)
    {
        switch (envelope.Event)
        {
            case AssetRegistered e: return (e.EstateId, e.AssetId);
            case SeizureRecorded e: return (e.EstateId, e.AssetId);
            case SeizureMovedToFirst e: return (e.EstateId, e.AssetId);
            case SeizureLifted e: return (e.EstateId, e.AssetId);
            case SeizureLapsed e: return (e.EstateId, e.AssetId);
            case SeizureRenewed e: return (e.EstateId, e.AssetId);
            case AssetFreed e: return (e.EstateId, e.AssetId);
            case AssetTransferred e: return (e.EstateId, e.AssetId);
            case ReleaseRequested e: return (e.EstateId, e.AssetId);
            case AssistedEnforcementNoticeIssued e: return (e.EstateId, e.AssetId);
            case AgendaItemPlaced e: return (e.EstateId, null);
            case DisposalScheduled e: return (e.EstateId, e.AssetId);
        }

        string? key = null;
        if (envelope.StreamId.StartsWith(ReleaseRequest.StreamPrefix, StringComparison.Ordinal))
        {
            key = CaseLink.ForRequest(BankruptcyEvents.IdIn(envelope, ReleaseRequest.StreamPrefix));
        }
        else if (envelope.StreamId.StartsWith(Disposal.StreamPrefix, StringComparison.Ordinal))
        {
            key = CaseLink.ForAsset(BankruptcyEvents.IdIn(envelope, Disposal.StreamPrefix));
        }

        return key is not null && await session.LoadAsync<CaseLink>(key, ct) is { } link ? (link.EstateId, link.AssetId) : (null, null);
    }
}
