using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>Each agency's inbox of assisted-enforcement notices, partitioned by agency code.</summary>
public sealed class NoticeProjection : IProjection
{
    public string Name => "bankruptcy-notices";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => BankruptcyEvents.IsOurs(@event);

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!envelope.StreamId.StartsWith(Notice.StreamPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var at = envelope.Metadata.OccurredAt;
        var view = envelope.Event is AssistedEnforcementNoticeIssued i
            ? new NoticeView
            {
                Id = i.NoticeId,
                Agency = i.Content.AddresseeAgency,
                Purpose = i.Purpose,
                SourceId = i.SourceId,
                EstateId = i.EstateId,
                AssetId = i.AssetId,
                CaseNumber = i.Content.CaseNumber,
                DocumentNumber = i.DocumentNumber,
                Content = i.Content,
                AcknowledgeBy = i.AcknowledgeBy,
                IssuedAt = at,
                IssuedBy = i.By,
            }
            : await session.LoadAsync<NoticeView>(BankruptcyEvents.IdIn(envelope, Notice.StreamPrefix), cancellationToken);
        if (view is null)
        {
            return;
        }

        switch (envelope.Event)
        {
            case NoticeAcknowledged e:
                (view.AcknowledgedAt, view.AcknowledgedBy, view.ExecuteBy) = (at, e.By, e.ExecuteBy);
                break;
            case NoticeExecuted e:
                (view.ExecutedOn, view.ExecutedBy, view.RegistrationReference) = (e.ExecutedOn, e.By, e.RegistrationReference);
                break;
            case NoticeCannotBeExecuted e:
                view.CannotExecuteReason = e.Reason;
                break;
            case NoticeQueried e:
                view.Queries.Add(new NoticeQueryView { QueryId = e.QueryId, Text = e.Text, By = e.By, At = at });
                break;
            case NoticeQueryAnswered e when view.Queries.Find(q => q.QueryId == e.QueryId) is { } q:
                (q.Answer, q.AnsweredBy, q.AnsweredAt) = (e.Answer, e.By, at);
                break;
            case NoticeAcknowledgementOverdue:
                view.AcknowledgementOverdue = true;
                break;
            case NoticeExecutionOverdue:
                view.ExecutionOverdue = true;
                break;
            case IWorkflowEvent w:
                (view.Status, view.WorkflowState, view.WorkflowVersion, view.IsFinal, view.DueAt) = (w.Entered.State, w.Entered.State, w.WorkflowVersion, w.Entered.IsFinal, w.Entered.DueAt);
                break;
        }

        view.Version = envelope.Version;
        session.Store(view.Id, view, view.Agency);
    }
}
