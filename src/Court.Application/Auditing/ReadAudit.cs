using System.Globalization;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Domain.Auditing;
using Court.Domain.Common;
using Mediator;

namespace Court.Application.Auditing;

/// <summary>What a read showed the caller: the kind of record, its id or number, and the case stream it belongs to.</summary>
public sealed record ReadSubject(string Kind, string Id, string? Stream = null)
{
    public const string BankruptcyCase = "bankruptcy-case";
    public const string CaseTimeline = "case-timeline";
    public const string ReleaseRequest = "release-request";
    public const string Asset = "asset";
    public const string Notice = "notice";
    public const string Document = "document";
    public const string Archive = "archive";
    public const string ServiceFile = "service-file";
    public const string Waybill = "waybill";
    public const string GovernmentDebtCase = "government-debt-case";
    public const string SmallClaimsCase = "small-claims-case";
}

/// <summary>
/// A query whose answer is a confidential record (a case file, a document, an archive, personal data): every answer
/// it gives is written to the read-audit trail (<see cref="ReadAuditBehavior{TMessage, TResponse}"/>), through the API
/// and the staff pages alike. The subject is taken from the answer, so a document read by id is recorded by number too.
/// </summary>
public interface IAuditedRead<in TResponse>
{
    ReadSubject AuditedAs(TResponse response);
}

/// <summary>
/// After an audited query answers (authorized, valid, found), appends <see cref="RecordRead"/> to the day's audit
/// stream with the caller's metadata; a refused or failed read records nothing. Background code (role system) is not
/// audited: it reads to act, not to look. The append goes to the event store directly, not through the
/// <see cref="AggregateStore"/>, so it takes no part in a command's idempotency or follow-ups.
/// </summary>
public sealed class ReadAuditBehavior<TMessage, TResponse>(ICallerContext caller, IEventStore store, EventTypeRegistry registry, TimeProvider clock) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IAuditedRead<TResponse> audited && caller.IsAuthenticated && !caller.IsInRole(Roles.System))
        {
            var subject = audited.AuditedAs(response);
            var now = clock.GetUtcNow();
            var metadata = new EventMetadata(caller.CorrelationId, caller.CausationId, caller.UserId, caller.Agency, now);
            var data = registry.ToEventData(new RecordRead(subject.Kind, subject.Id, subject.Stream, caller.Via), metadata, Guid.CreateVersion7());
            await store.AppendToStreamAsync(ReadAudit.StreamOf(now), ExpectedVersion.Any, [data], cancellationToken);
        }

        return response;
    }
}

public static class ReadAudit
{
    public const string StreamPrefix = "read-audit-";

    /// <summary>One stream per UTC day: its hash chain proves the day's trail is whole, and no stream grows without end.</summary>
    public static string StreamOf(DateTimeOffset at) => StreamPrefix + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One read on the trail: who (user, agency), when, what (kind, id, case stream) and through which request.</summary>
[Collection("auditing.reads")]
public sealed record ReadEntry(string EventId, long Position, DateTimeOffset At, string User, string? Agency, string Kind, string Subject, string? Stream, string? Via) : IListed
{
    public const string SortByAt = "at";
    public const string UserKey = "user";
    public const string StreamKey = "stream";
    public const string KindKey = "kind";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByAt, ListKey.Encode(At), ListKey.Encode(Position)),
        ListKey.Text(UserKey, User),
        ListKey.Text(StreamKey, Stream),
        ListKey.Text(KindKey, Kind),
        ListKey.Search(User, Agency, Subject, Stream),
    ];
}

/// <summary>Inline: an administrator sees a read the moment it is answered. Rebuildable from the audit streams.</summary>
public sealed class ReadAuditProjection : IProjection
{
    public string Name => "auditing.reads";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is RecordRead;

    public ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (envelope.Event is RecordRead e)
        {
            var id = envelope.Recorded.EventId.ToString("N");
            session.Store(id, new ReadEntry(id, envelope.Position, envelope.Metadata.OccurredAt, envelope.Metadata.UserId, envelope.Metadata.Agency, e.Kind, e.Id, e.Stream, e.Via));
        }

        return ValueTask.CompletedTask;
    }
}
