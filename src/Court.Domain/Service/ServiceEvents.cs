using Court.Domain.Common;
using Court.Domain.Fees;

namespace Court.Domain.Service;

/// <summary>A case's service file is opened: which court serves, under which procedure (public notice depends on it).</summary>
[EventType("service.file-opened.v1")]
public sealed record ServiceFileOpened(string CaseId, string CaseNumber, string CourtName, string CourtAddress, string CourtPhone, Procedure Procedure, string By, DateTimeOffset At) : IDomainEvent;

[EventType("service.party-registered.v1")]
public sealed record PartyRegistered(string CaseId, Party Party, string By, DateTimeOffset At) : IDomainEvent;

[EventType("service.agent-appointed.v1")]
public sealed record AgentAppointed(string CaseId, Agent Agent, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The agent's authority ended on <see cref="EndedOn"/> (the party revoked it or he withdrew): documents naming him lose force.</summary>
[EventType("service.agent-authority-ended.v1")]
public sealed record AgentAuthorityEnded(string CaseId, string AgentId, DateOnly EndedOn, string Reason, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A party's first address confirmation (送达地址确认书).</summary>
[EventType("service.address-confirmed.v1")]
public sealed record AddressConfirmed(string CaseId, string PartyId, AddressConfirmation Confirmation, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The party changed its address or consent; services ordered from <see cref="AddressConfirmation.SignedOn"/> use the new one.</summary>
[EventType("service.address-changed.v1")]
public sealed record AddressChanged(string CaseId, string PartyId, AddressConfirmation Confirmation, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>Where a service is sent: the postal address and phone, or the electronic address, as used.</summary>
public sealed record DeliveryAddress(string? PostalAddress, string? Phone, string? ElectronicAddress);

/// <summary>
/// One document to one recipient by one channel. A court-express service names its waybill (several documents in one
/// envelope share it).
/// </summary>
[EventType("service.ordered.v1")]
public sealed record ServiceOrdered(
    string CaseId,
    string ServiceId,
    ServedDocument Document,
    Recipient Recipient,
    ServiceChannel Channel,
    string? Waybill,
    DeliveryAddress Address,
    string By,
    DateTimeOffset At) : IDomainEvent;

/// <summary>A carrier report about a waybill (or an electronic message): stored once per carrier event id.</summary>
[EventType("service.carrier-event-recorded.v1")]
public sealed record CarrierEventRecorded(string CaseId, CarrierEvent Event, DateTimeOffset ReceivedAt) : IDomainEvent;

[EventType("service.hand-delivery-recorded.v1")]
public sealed record HandDeliveryRecorded(string CaseId, string ServiceId, HandDelivery Delivery, string By, DateTimeOffset At) : IDomainEvent;

[EventType("service.publication-recorded.v1")]
public sealed record PublicationRecorded(string CaseId, string ServiceId, Publication Publication, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The act a period running from a service was for (an answer filed, an appeal lodged, the fee paid) was done on <see cref="DoneOn"/>: the period's task is over.</summary>
[EventType("service.period-act-done.v1")]
public sealed record PeriodActDone(string CaseId, string ServiceId, PeriodKind Period, DateOnly DoneOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A period's act recorded as done, and by whom.</summary>
public sealed record PeriodDone(PeriodKind Period, DateOnly DoneOn, string By);

/// <summary>A public notice's period ran out: it is served on <see cref="ServedOn"/> (the periods that run from service start the next day).</summary>
[EventType("service.public-notice-deemed-served.v1")]
public sealed record PublicNoticeDeemedServed(string CaseId, string ServiceId, DateOnly ServedOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The certificate of service (送达回证 / 电子送达凭证) was issued as a numbered document.</summary>
[EventType("service.certificate-issued.v1")]
public sealed record ServiceCertificateIssued(string CaseId, string ServiceId, string DocumentId, string DocumentNumber, DateTimeOffset At) : IDomainEvent;

/// <summary>A row of a carrier's daily file that was refused: its line, what it named, the field or rule, and why.</summary>
public sealed record RefusedCarrierRow(int Line, string? EventId, string? Reference, string Code, string Reason);

/// <summary>
/// A carrier's daily file had refused rows. They belong to no case (a bad waybill names none), so the file's refusals
/// are a stream of their own (<c>carrier-batch-{id}</c>), kept so the carrier's page can show what was refused and why.
/// The accepted rows are carrier events on their cases.
/// </summary>
[EventType("service.carrier-batch-refusals-recorded.v1")]
public sealed record CarrierBatchRefusalsRecorded(string BatchId, string Carrier, int Rows, IReadOnlyList<RefusedCarrierRow> Refused, string By, DateTimeOffset At) : IDomainEvent;

[EventType("service.file-closed.v1")]
public sealed record ServiceFileClosed(string CaseId, string Reason, string By, DateTimeOffset At) : IDomainEvent;
