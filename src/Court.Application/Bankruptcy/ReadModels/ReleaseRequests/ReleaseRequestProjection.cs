using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>Release requests: the judge's approval queue and each request's page.</summary>
public sealed class ReleaseRequestProjection : IProjection
{
    public string Name => "bankruptcy-release-requests";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => BankruptcyEvents.IsOurs(@event);

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!envelope.StreamId.StartsWith(ReleaseRequest.StreamPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var id = BankruptcyEvents.IdIn(envelope, ReleaseRequest.StreamPrefix);
        var at = envelope.Metadata.OccurredAt;
        var view = envelope.Event is ReleaseRequested r
            ? new ReleaseRequestView
            {
                Id = r.RequestId,
                EstateId = r.EstateId,
                CaseNumber = r.CaseNumber,
                AssetId = r.AssetId,
                HoldingAgency = r.HoldingAgency,
                Reasons = r.Reasons,
                RequestedBy = r.By,
                RequestedAt = at,
                Seizures = [.. r.Seizures.Select(s => new RequestSeizureView { SeizureId = s.SeizureId, SeizingBody = s.SeizingBody, SeizingBodySuperior = s.SeizingBodySuperior, DocumentNumber = s.DocumentNumber, SeizedOn = s.SeizedOn, Rank = s.Rank })],
            }
            : await session.LoadAsync<ReleaseRequestView>(id, cancellationToken);
        if (view is null)
        {
            return;
        }

        switch (envelope.Event)
        {
            case ReleaseApproved e:
                (view.DecidedBy, view.DecidedAt) = (e.By, at);
                break;
            case ReleaseRejected e:
                (view.DecidedBy, view.DecidedAt, view.RejectedReason) = (e.By, at, e.Reason);
                break;
            case ReleaseWithdrawn e:
                view.WithdrawnReason = e.Reason;
                break;
            case ReleaseLettersSent e:
                view.Letters.AddRange(e.Letters.Select(l => new LetterView(l.LetterId, l.SeizureId, l.Recipient, l.Addressee, e.DueOn, at)));
                break;
            case ReleaseEscalatedToSuperiors e:
                view.Letters.AddRange(e.Letters.Select(l => new LetterView(l.LetterId, l.SeizureId, l.Recipient, l.Addressee, e.DueOn, at)));
                break;
            case SeizureLiftedBySeizingBody e when view.Seizures.Find(s => s.SeizureId == e.SeizureId) is { } s:
                (s.LiftedBy, s.LiftReference) = (LiftedBy.SeizingBody, e.Reference);
                break;
            case ReleaseSeizureLapsed e when view.Seizures.Find(s => s.SeizureId == e.SeizureId) is { } s:
                s.LapsedOn = e.ExpiredOn;
                break;
            case LiftingRulingIssued e:
                (view.RulingId, view.NoticeId, view.StalledReason) = (e.RulingId, e.NoticeId, null);
                view.Letters.AddRange(e.SeizingBodiesNotified.Select(l => new LetterView(l.LetterId, l.SeizureId, l.Recipient, l.Addressee, null, at)));
                break;
            case ReleaseStalled e:
                view.StalledReason = e.Reason;
                break;
            case ReleaseCompleted e:
                (view.ReleasedOn, view.ReleasedAt) = (e.ReleasedOn, at);
                foreach (var s in view.Seizures.Where(s => s.LiftedBy is null && s.LapsedOn is null))
                {
                    (s.LiftedBy, s.LiftReference) = (LiftedBy.CourtRuling, e.RegistrationReference);
                }

                break;
            case IWorkflowEvent w:
                (view.Stage, view.WorkflowState, view.WorkflowVersion, view.Responsible, view.IsFinal, view.DueAt) = (w.Entered.State, w.Entered.State, w.WorkflowVersion, w.Entered.Responsible, w.Entered.IsFinal, w.Entered.DueAt);
                break;
        }

        view.Version = envelope.Version;
        session.Store(view.Id, view, view.EstateId);
    }
}
