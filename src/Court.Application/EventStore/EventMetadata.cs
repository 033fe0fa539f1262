namespace Court.Application.EventStore;

/// <summary>Who did it, when, and as part of what. Stored beside every event as JSON.</summary>
public sealed record EventMetadata(
    Guid CorrelationId,
    Guid? CausationId,
    string UserId,
    string? Agency,
    DateTimeOffset OccurredAt,
    string? WorkflowId = null,
    int? WorkflowVersion = null);
