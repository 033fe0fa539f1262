using System.Collections.Immutable;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Service;
using Court.Domain.Workflows;

namespace Court.Application.Service;

/// <summary>
/// A case's service file as its stream folds it (the same <see cref="ServiceFile.Evolve"/>), kept so that a carrier
/// report can be turned into records without reading the stream, plus what access needs: the court, the agents'
/// sign-ins, the carriers of its waybills.
/// </summary>
[Collection("service-files")]
public sealed record ServiceFileView(
    string Id,
    string? CourtCode,
    ServiceFileOpened? File,
    List<Party> Parties,
    List<Agent> Agents,
    Dictionary<string, List<AddressConfirmation>> Addresses,
    List<ServiceState> Services,
    List<CarrierEvent> CarrierEvents,
    int? WorkflowVersion,
    string State,
    long Version,
    Dictionary<string, AgentAuthorityEnded>? EndedAgents = null)
{
    public static ServiceFileView Empty(string caseId) => new(caseId, null, null, [], [], [], [], [], null, "", -1);

    public ServiceFile ToFile() => new()
    {
        File = File,
        Parties = [.. Parties],
        Agents = [.. Agents],
        Addresses = Addresses.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableList(), StringComparer.Ordinal),
        Services = [.. Services],
        CarrierEvents = [.. CarrierEvents],
        EndedAgents = (EndedAgents ?? []).ToImmutableDictionary(StringComparer.Ordinal),
    };

    public ServiceFileView With(ServiceFile file) => this with
    {
        File = file.File,
        CourtCode = file.File is { } opened ? IssuingCourts.All.FirstOrDefault(c => c.NameZh == opened.CourtName)?.Code ?? CourtCode : CourtCode,
        Parties = [.. file.Parties],
        Agents = [.. file.Agents],
        Addresses = file.Addresses.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal),
        Services = [.. file.Services],
        CarrierEvents = [.. file.CarrierEvents],
        EndedAgents = file.EndedAgents.ToDictionary(StringComparer.Ordinal),
    };

    public IReadOnlyList<string> AgentUsers => [.. Agents.Where(a => a.UserName is not null).Select(a => a.UserName!)];
}

/// <summary>A period that runs from a service: its kind, length and last day.</summary>
/// <param name="DoneOn">When the clerk recorded the act the period was for as done (its task is then over).</param>
public sealed record PeriodView(string Kind, int Days, DateOnly LastDay, DateOnly? DoneOn = null);

/// <summary>Where a service stands for the clerk's desk.</summary>
public static class DeskStatus
{
    /// <summary>With the carrier or the sending system, nothing final yet.</summary>
    public const string Pending = "pending";

    /// <summary>Not served: the clerk must choose another channel.</summary>
    public const string Failed = "failed";

    /// <summary>A public notice whose 30 days are running.</summary>
    public const string PublicNotice = "public-notice";

    /// <summary>Ordered by hand or public notice and nothing recorded yet.</summary>
    public const string Unrecorded = "unrecorded";

    public const string Served = "served";

    /// <summary>Failed, and another service of the same document to the same recipient followed.</summary>
    public const string Superseded = "superseded";

    public static readonly string[] All = [Pending, Failed, PublicNotice, Unrecorded, Served, Superseded];

    /// <summary>What the desk shows by default: everything that still needs the clerk or the carrier.</summary>
    public static readonly string[] Open = [Pending, Failed, PublicNotice, Unrecorded];
}

/// <summary>
/// One service (one document, one recipient, one channel) with its record: what the desk lists and the case's service
/// history shows. Partitioned by case, so a case's history is one partition read.
/// </summary>
[Collection("services")]
public sealed record ServiceView(
    string Id,
    string CaseId,
    string CaseNumber,
    string ServiceId,
    string DocumentId,
    string DocumentTitle,
    ServedDocumentKind DocumentKind,
    string? DocumentNumber,
    string? VerificationCode,
    string PartyId,
    string RecipientName,
    ServiceChannel Channel,
    string? Waybill,
    string? Address,
    DateTimeOffset OrderedAt,
    string OrderedBy,
    ServiceOutcome Outcome,
    DateTimeOffset? ServedAt,
    DateOnly? ServedOn,
    ServiceRule? Rule,
    ServiceFailure? Failure,
    SignerProblem? SignerProblem,
    string? SignerName,
    SignerRelationship? Relationship,
    CarrierEventKind? LastEvent,
    DateTimeOffset? LastEventAt,
    int FailedAttempts,
    List<string> Warnings,
    DateOnly? PublishedOn,
    DateOnly? DeemedOn,
    List<PeriodView> Periods,
    string? CertificateNumber,
    string Desk,
    string? MessageText = null) : IListed
{
    /// <summary>Most recent order first when descending (the default on the desk).</summary>
    public const string SortByOrdered = "ordered";

    /// <summary>What falls due first: a public notice's deemed date, else the earliest period's last day.</summary>
    public const string SortByDue = "due";

    public const string SortByCase = "case";

    public const string DeskKey = "desk";

    public const string ChannelKey = "channel";

    public static string IdOf(string caseId, string serviceId) => caseId + "|" + serviceId;

    public DateOnly? DueOn => DeemedOn ?? (Periods.Count > 0 ? Periods.Min(p => p.LastDay) : null);

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByOrdered, ListKey.Encode(OrderedAt), ServiceId),
        ListKey.Of(SortByDue, ListKey.Encode(DueOn), ListKey.Encode(OrderedAt)),
        ListKey.Of(SortByCase, CaseNumber, ServiceId),
        ListKey.Text(DeskKey, Desk),
        ListKey.Text(ChannelKey, ServiceCodes.Code(Channel)),
        ListKey.Search(CaseNumber, RecipientName, Waybill, DocumentTitle, DocumentNumber),
    ];
}

/// <summary>
/// What a carrier report names (a waybill, or the reference of an electronic message) and the case it belongs to:
/// the webhook's and the batch file's way in without a scan. A waybill is also a row on its carrier's dispatch list
/// until the carrier accepts it (partition: the carrier).
/// </summary>
[Collection("service-references")]
public sealed record ServiceReferenceView(
    string Id,
    string CaseId,
    string CaseNumber,
    string Carrier,
    bool Express,
    string RecipientName,
    string? PostalAddress,
    string? Phone,
    List<string> Documents,
    DateTimeOffset IssuedAt,
    bool Accepted,
    DateTimeOffset? AcceptedAt) : IListed
{
    public const string SortByIssued = "issued";

    public const string AcceptedKey = "accepted";

    /// <summary>The partition of electronic messages' references (no carrier's dispatch list shows them).</summary>
    public const string Electronic = "electronic";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByIssued, ListKey.Encode(IssuedAt), Id),
        ListKey.Text(AcceptedKey, Accepted ? "true" : "false"),
        ListKey.Search(Id, CaseNumber, RecipientName),
    ];
}

/// <summary>Which carrier the court's judicial express goes by, and the periods' defaults.</summary>
public sealed class ServiceSettings
{
    /// <summary>The agency code of the carrier that takes the court's judicial express (its operators sign in with it).</summary>
    public string ExpressCarrier { get; set; } = Agencies.PostalCarrier.Code;

    /// <summary>Per carrier (agency code): the webhook's shared secret. The webhook refuses carriers not listed here.</summary>
    public Dictionary<string, CarrierEndpointSettings> Carriers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The public site the verify links in court SMS and e-mail texts point to (<c>Court:PublicBaseUrl</c> unless set here).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How old a signed webhook call may be.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class CarrierEndpointSettings
{
    public string? Secret { get; set; }
}

/// <summary>
/// Keeps the three service read models in the writer's transaction: the file, each service with its record (recomputed
/// from the whole event set whenever anything about it arrives, decision 0070) and the references.
/// </summary>
public sealed class ServiceProjection(WorkingDayCalendar calendar, WorkflowCatalog catalog, ServiceSettings settings) : IProjection
{
    public string Name => "service";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is IWorkflowEvent || @event.GetType().Namespace == typeof(ServiceFileOpened).Namespace;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!envelope.StreamId.StartsWith(ServiceFile.StreamPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var caseId = envelope.StreamId[ServiceFile.StreamPrefix.Length..];
        var view = await session.LoadAsync<ServiceFileView>(caseId, cancellationToken) ?? ServiceFileView.Empty(caseId);
        view = envelope.Event switch
        {
            WorkflowStarted started => view with { WorkflowVersion = started.WorkflowVersion, State = started.Entered.State },
            WorkflowVersionChanged moved => view with { WorkflowVersion = moved.WorkflowVersion, State = moved.Entered.State },
            IWorkflowEvent e => view with { State = e.Entered.State },
            _ => view.With(view.ToFile().Evolve(envelope.Event)),
        };
        view = view with { Version = envelope.Version };
        session.Store(caseId, view);

        var file = view.ToFile();
        var touched = envelope.Event switch
        {
            ServiceOrdered e => file.Services.Where(s => s.ServiceId == e.ServiceId || s.Reference == (e.Waybill ?? e.ServiceId)),
            CarrierEventRecorded e => file.Services.Where(s => s.Reference == e.Event.Reference),
            HandDeliveryRecorded e => file.Services.Where(s => s.ServiceId == e.ServiceId),
            PublicationRecorded e => file.Services.Where(s => s.ServiceId == e.ServiceId),
            PublicNoticeDeemedServed e => file.Services.Where(s => s.ServiceId == e.ServiceId),
            PeriodActDone e => file.Services.Where(s => s.ServiceId == e.ServiceId),
            ServiceCertificateIssued e => file.Services.Where(s => s.ServiceId == e.ServiceId),
            _ => [],
        };
        var lengths = Lengths(view.WorkflowVersion);
        var closed = view.WorkflowVersion is { } pinned && catalog.Find(ServiceFiles.WorkflowId, pinned)?.FindState(view.State) is { Final: true };
        foreach (var service in (closed ? file.Services : touched).ToList())
        {
            var serviceView = ToView(file, service, lengths);
            session.Store(ServiceView.IdOf(caseId, service.ServiceId), serviceView, caseId);
            await UpdatePeriodTasksAsync(envelope, view, serviceView, closed, session, cancellationToken);
            await UpdateAnotherChannelTaskAsync(envelope, view, file, service, serviceView, closed, session, cancellationToken);
            if (envelope.Event is ServiceOrdered ordered && ordered.ServiceId == service.ServiceId)
            {
                // The failed service this one follows leaves the desk, and its task the inbox.
                foreach (var earlier in file.Services.Where(s => s.Ordered.Document.DocumentId == ordered.Document.DocumentId && s.Ordered.Recipient.PartyId == ordered.Recipient.PartyId && s.ServiceId != ordered.ServiceId))
                {
                    var earlierView = ToView(file, earlier, lengths);
                    session.Store(ServiceView.IdOf(caseId, earlier.ServiceId), earlierView, caseId);
                    await UpdateAnotherChannelTaskAsync(envelope, view, file, earlier, earlierView, closed, session, cancellationToken);
                }
            }
        }

        switch (envelope.Event)
        {
            case AgentAppointed { Agent.UserName: { } lawyer } e:
                await StoreLawyerCaseAsync(session, file, caseId, lawyer, e.At, cancellationToken);
                break;
            case AgentAuthorityEnded e when file.Agents.FirstOrDefault(a => a.AgentId == e.AgentId) is { UserName: { } lawyer }:
                await StoreLawyerCaseAsync(session, file, caseId, lawyer, e.At, cancellationToken);
                break;
            case ServiceOrdered e:
                await StoreReferenceAsync(session, file, e, cancellationToken);
                break;
            case CarrierEventRecorded e when e.Event.Kind != CarrierEventKind.ContactAttempted
                && await session.LoadAsync<ServiceReferenceView>(e.Event.Reference, cancellationToken) is { Accepted: false } reference:
                session.Store(reference.Id, reference with { Accepted = true, AcceptedAt = e.Event.OccurredAt }, reference.Express ? reference.Carrier : ServiceReferenceView.Electronic);
                break;
        }
    }

    /// <summary>The lawyer's row for this case: the parties he was registered for, and when his authority ended once it ended for all.</summary>
    private static async Task StoreLawyerCaseAsync(IDocumentSession session, ServiceFile file, string caseId, string lawyer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = LawyerCaseView.IdOf(lawyer, caseId);
        var existing = await session.LoadAsync<LawyerCaseView>(id, cancellationToken);
        var parties = file.Agents.Where(a => a.UserName == lawyer).Select(a => a.PartyId).Distinct(StringComparer.Ordinal).ToList();
        session.Store(
            id,
            new LawyerCaseView(id, lawyer, caseId, file.File!.CaseNumber, file.File.CourtName, parties, [.. parties.Select(p => file.PartyById(p)?.Name ?? p)], existing?.AppointedAt ?? at, file.AuthorityEndedOn(lawyer)),
            lawyer);
    }

    /// <summary>The inbox task of one period running from one service, beside the file's own (the file has none: Open names nobody).</summary>
    public static string PeriodTaskId(string caseId, string serviceId, string period) => $"{ServiceFile.StreamPrefix}{caseId}#period-{serviceId}-{period}";

    /// <summary>What the task says when the definition gives a period no title (the evidence period is the court's, per document).</summary>
    private static readonly LocalizedText EvidenceTitle = new("举证期限届满", "Evidence period ends");

    /// <summary>
    /// Each period that runs from a served document is a task for the court's clerks, due at the end of its last day
    /// (CPL Art. 85, the same <see cref="ServicePeriods"/> computation the case page shows), so the side of the court
    /// that waits on the party (an answer, an appeal, a payment, evidence) sees it come due in the inbox. The task
    /// goes when the service is no longer served (a later report cannot unserve a signature, but a superseded or
    /// failed record has no periods) and when the file is closed.
    /// </summary>
    private async Task UpdatePeriodTasksAsync(EventEnvelope envelope, ServiceFileView file, ServiceView service, bool closed, IDocumentSession session, CancellationToken cancellationToken)
    {
        var running = closed ? [] : service.Periods.Where(p => p.DoneOn is null).ToList();
        foreach (var kind in Enum.GetValues<PeriodKind>().Select(ServiceCodes.Code).Except(running.Select(p => p.Kind), StringComparer.Ordinal))
        {
            session.Delete<WorkflowTaskDocument>(PeriodTaskId(service.CaseId, service.ServiceId, kind));
        }

        var definition = file.WorkflowVersion is { } version ? catalog.Find(ServiceFiles.WorkflowId, version) : null;
        foreach (var period in running)
        {
            var id = PeriodTaskId(service.CaseId, service.ServiceId, period.Kind);
            var existing = await session.LoadAsync<WorkflowTaskDocument>(id, cancellationToken);
            var name = period.Kind == ServiceCodes.Code(PeriodKind.Appeal) ? (service.DocumentKind == ServedDocumentKind.Ruling ? "ruling-appeal" : "judgment-appeal") : period.Kind;
            var title = definition?.Periods?.FirstOrDefault(p => p.Name == name)?.Title ?? EvidenceTitle;
            session.Store(
                id,
                new WorkflowTaskDocument(
                    envelope.StreamId, ServiceFiles.WorkflowId, file.WorkflowVersion ?? 0, file.State, Roles.Clerk, null, null, service.CaseNumber,
                    existing?.EnteredAt ?? envelope.Metadata.OccurredAt, WorkingDayCalendar.EndOf(period.LastDay), envelope.Version, title,
                    $"{service.RecipientName}：{service.DocumentTitle}（{service.ServedOn:yyyy-MM-dd} 送达）"),
                Roles.Clerk);
        }
    }

    /// <summary>The inbox task of a failed service: choose another channel.</summary>
    public static string AnotherChannelTaskId(string caseId, string serviceId) => $"{ServiceFile.StreamPrefix}{caseId}#another-channel-{serviceId}";

    /// <summary>
    /// A service that failed (<see cref="ServiceFile.NeedsAnotherChannel"/>) is the definition's task
    /// <see cref="ServiceFiles.AnotherChannelTask"/> in the inbox of the role it names, saying which document to whom by
    /// which channel failed. It goes when the document is ordered to the same recipient again, when a late report turns the
    /// record into a service after all, and when the file is closed.
    /// </summary>
    private async Task UpdateAnotherChannelTaskAsync(EventEnvelope envelope, ServiceFileView view, ServiceFile file, ServiceState service, ServiceView serviceView, bool closed, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = AnotherChannelTaskId(serviceView.CaseId, service.ServiceId);
        var definition = view.WorkflowVersion is { } version ? catalog.Find(ServiceFiles.WorkflowId, version) : null;
        if (closed || definition is null || !file.NeedsAnotherChannel(service))
        {
            session.Delete<WorkflowTaskDocument>(id);
            return;
        }

        var task = definition.Task(ServiceFiles.AnotherChannelTask);
        var existing = await session.LoadAsync<WorkflowTaskDocument>(id, cancellationToken);
        session.Store(
            id,
            new WorkflowTaskDocument(
                envelope.StreamId, ServiceFiles.WorkflowId, definition.Version, view.State, task.Responsible, null, null, serviceView.CaseNumber,
                existing?.EnteredAt ?? envelope.Metadata.OccurredAt, null, envelope.Version, task.Title,
                $"{serviceView.RecipientName}：{serviceView.DocumentTitle}（{ServiceTexts.ChannelZh(serviceView.Channel)}未能送达）"),
            task.Responsible);
    }

    private async Task StoreReferenceAsync(IDocumentSession session, ServiceFile file, ServiceOrdered e, CancellationToken cancellationToken)
    {
        var id = e.Waybill ?? e.ServiceId;
        var documents = file.Services.Where(s => s.Reference == id).Select(s => s.Ordered.Document.Title).ToList();
        var existing = await session.LoadAsync<ServiceReferenceView>(id, cancellationToken);
        var express = e.Waybill is not null;
        var carrier = express ? settings.ExpressCarrier : ServiceReferenceView.Electronic;
        session.Store(
            id,
            existing is null
                ? new ServiceReferenceView(id, e.CaseId, file.File!.CaseNumber, carrier, express, e.Recipient.Name, e.Address.PostalAddress, e.Address.Phone ?? e.Address.ElectronicAddress, documents, e.At, false, null)
                : existing with { Documents = documents },
            carrier);
    }

    /// <summary>The period lengths of the file's pinned definition (the statutory ones if it names none).</summary>
    public ServicePeriodLengths Lengths(int? workflowVersion)
    {
        if (workflowVersion is not { } version || catalog.Find(ServiceFiles.WorkflowId, version) is not { } definition)
        {
            return ServicePeriodLengths.Statutory;
        }

        int Days(string name, int fallback) => definition.Periods?.FirstOrDefault(p => p.Name == name)?.Days ?? fallback;
        var statutory = ServicePeriodLengths.Statutory;
        return new ServicePeriodLengths(Days("answer", statutory.Answer), Days("judgment-appeal", statutory.JudgmentAppeal), Days("ruling-appeal", statutory.RulingAppeal), Days("fee-payment", statutory.FeePayment));
    }

    /// <summary>One service as the desk and the case show it: a function of the file's events alone.</summary>
    public ServiceView ToView(ServiceFile file, ServiceState service, ServicePeriodLengths lengths)
    {
        var record = file.RecordOf(service);
        var ordered = service.Ordered;
        var desk = record.Outcome switch
        {
            ServiceOutcome.Served => DeskStatus.Served,
            ServiceOutcome.NotServed => file.NeedsAnotherChannel(service) ? DeskStatus.Failed : DeskStatus.Superseded,
            _ when ordered.Channel == ServiceChannel.PublicNotice && service.Publication is not null => DeskStatus.PublicNotice,
            _ when ordered.Channel == ServiceChannel.PublicNotice || ordered.Channel.IsByHand() => DeskStatus.Unrecorded,
            _ => DeskStatus.Pending,
        };
        var periods = record.ServedOn is { } servedOn
            ? ServicePeriods.From(ordered.Document, servedOn, calendar, lengths).Select(p => new PeriodView(ServiceCodes.Code(p.Kind), p.Days, p.LastDay, service.PeriodsDone?.FirstOrDefault(d => d.Period == p.Kind)?.DoneOn)).ToList()
            : [];
        return new ServiceView(
            ServiceView.IdOf(ordered.CaseId, ordered.ServiceId), ordered.CaseId, file.File?.CaseNumber ?? "", ordered.ServiceId,
            ordered.Document.DocumentId, ordered.Document.Title, ordered.Document.Kind, ordered.Document.Number, ordered.Document.VerificationCode,
            ordered.Recipient.PartyId, ordered.Recipient.Name, ordered.Channel, ordered.Waybill,
            ordered.Address.PostalAddress ?? ordered.Address.ElectronicAddress, ordered.At, ordered.By,
            record.Outcome, record.ServedAt, record.ServedOn, record.Rule, record.Failure, record.SignerProblem, record.SignerName, record.Relationship,
            record.LastEvent?.Kind, record.LastEvent?.OccurredAt, record.FailedAttempts, [.. record.Warnings],
            service.Publication?.PublishedOn, service.Publication?.DeemedServedOn, periods, service.CertificateNumber, desk,
            ServiceMessages.Text(ordered.Channel, file.File, ordered.Document, settings.PublicBaseUrl));
    }
}
