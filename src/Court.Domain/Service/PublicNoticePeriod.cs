using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Domain.Service;

/// <summary>
/// The running period of one public notice (公告送达, CPL Art. 95): a workflow instance of its own (stream
/// <c>public-notice-{caseId}/{serviceId}</c>), because a state's deadline is one timer per stream and a case's file may
/// have several notices running. Its 30 days are the deadline of the <c>Running</c> state in
/// <c>workflows/public-notice.v1.json</c>, counted from the publication date; when the timer fires the period ends, and
/// the service file records the notice as served on the period's last day.
/// </summary>
public sealed record PublicNoticePeriod : IAggregateState<PublicNoticePeriod>, IWorkflowSubject
{
    public static PublicNoticePeriod Initial { get; } = new();

    public static string StreamPrefix => "public-notice-";

    public string? CaseId { get; init; }

    public string ServiceId { get; init; } = "";

    public string CaseNumber { get; init; } = "";

    public DateOnly PublishedOn { get; init; }

    /// <summary>The period's last day: the deemed service date.</summary>
    public DateOnly DeemedOn { get; init; }

    /// <summary>Set when the period has run out.</summary>
    public DateOnly? ServedOn { get; init; }

    public string? WorkflowLabel => CaseNumber;

    public static string IdOf(string caseId, string serviceId) => $"{caseId}/{serviceId}";

    public WorkflowAssignment? AssignmentFor(string state, string role) => null;

    public PublicNoticePeriod Evolve(IDomainEvent @event) => @event switch
    {
        PublicNoticePeriodStarted e => this with { CaseId = e.CaseId, ServiceId = e.ServiceId, CaseNumber = e.CaseNumber, PublishedOn = e.PublishedOn, DeemedOn = e.DeemedOn },
        PublicNoticePeriodEnded e => this with { ServedOn = e.ServedOn },
        _ => this,
    };
}

/// <summary>A published notice's period began: it ends on <see cref="DeemedOn"/> (the definition's days from <see cref="PublishedOn"/>, counted by CPL Art. 85).</summary>
[EventType("service.public-notice-period-started.v1")]
public sealed record PublicNoticePeriodStarted(string CaseId, string ServiceId, string CaseNumber, DateOnly PublishedOn, DateOnly DeemedOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The notice's period ran out (its timer fired): the notice is served on <see cref="ServedOn"/>.</summary>
[EventType("service.public-notice-period-ended.v1")]
public sealed record PublicNoticePeriodEnded(string CaseId, string ServiceId, DateOnly ServedOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>Pure decisions on a notice's period.</summary>
public static class PublicNoticePeriodDecider
{
    /// <summary>Starts the period of a published notice; starting it again changes nothing.</summary>
    public static Decision Start(PublicNoticePeriod period, string caseId, string serviceId, string caseNumber, Publication publication, DateOnly deemedOn, string by, DateTimeOffset now)
    {
        if (period.CaseId is not null)
        {
            return Decision.Nothing;
        }

        if (deemedOn != publication.DeemedServedOn)
        {
            // The publication's date and the timer are one computation; a difference means the definition changed between them.
            return DomainError.Conflict("service.public-notice-period-mismatch", $"按定义公告期间至 {deemedOn:yyyy-MM-dd} 届满，但公告登记的视为送达日为 {publication.DeemedServedOn:yyyy-MM-dd}。", $"The notice's period ends on {deemedOn:yyyy-MM-dd} by the definition, but the publication was recorded as deemed served on {publication.DeemedServedOn:yyyy-MM-dd}.");
        }

        return Decision.Emit(new PublicNoticePeriodStarted(caseId, serviceId, caseNumber, publication.PublishedOn, deemedOn, by, now));
    }

    /// <summary>The deadline passed: the notice is served on the period's last day.</summary>
    public static Decision End(PublicNoticePeriod period, string by, DateTimeOffset now) => period switch
    {
        { CaseId: null } => DomainError.NotFound("service.public-notice-period-not-found", "此处没有进行中的公告期间。", "No public-notice period runs here."),
        { ServedOn: not null } => Decision.Nothing,
        _ => Decision.Emit(new PublicNoticePeriodEnded(period.CaseId, period.ServiceId, period.DeemedOn, by, now)),
    };
}
