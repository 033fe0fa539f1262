using System.Collections.Immutable;
using Court.Domain.Common;

namespace Court.Domain.Service;

/// <summary>One service of one document to one recipient, with what has been recorded about it.</summary>
/// <param name="DeemedServedOn">A public notice's service date, once its period's timer has fired and the file recorded it.</param>
/// <param name="PeriodsDone">The periods running from this service whose act (the answer, the appeal, the payment) the clerk recorded as done.</param>
public sealed record ServiceState(ServiceOrdered Ordered, HandDelivery? Hand, Publication? Publication, string? CertificateNumber, DateOnly? DeemedServedOn = null, IReadOnlyList<PeriodDone>? PeriodsDone = null)
{
    public string ServiceId => Ordered.ServiceId;

    /// <summary>The reference the carrier or the sending system reports under: the waybill, or the service id for electronic messages.</summary>
    public string Reference => Ordered.Waybill ?? Ordered.ServiceId;
}

/// <summary>
/// A case's service file (送达): its parties and their agents, their address confirmations as a dated history, every
/// service ordered and every carrier report. One stream per case, so "never the same document twice to one
/// recipient" is checked in one place.
/// </summary>
public sealed record ServiceFile : IAggregateState<ServiceFile>
{
    public static ServiceFile Initial { get; } = new();

    public static string StreamPrefix => "service-file-";

    public ServiceFileOpened? File { get; init; }

    public ImmutableList<Party> Parties { get; init; } = [];

    public ImmutableList<Agent> Agents { get; init; } = [];

    /// <summary>The agents whose authority ended, by agent id.</summary>
    public ImmutableDictionary<string, AgentAuthorityEnded> EndedAgents { get; init; } = ImmutableDictionary<string, AgentAuthorityEnded>.Empty;

    /// <summary>Whether <paramref name="agent"/> still acts for his party on <paramref name="day"/>: registered, and his authority not ended on or before it.</summary>
    public bool IsOfRecord(Agent agent, DateOnly day) =>
        Agents.Any(a => a.AgentId == agent.AgentId) && (EndedAgents.GetValueOrDefault(agent.AgentId) is not { } ended || ended.EndedOn > day);

    /// <summary>
    /// The day the lawyer signed in as <paramref name="userName"/> stopped acting for <paramref name="partyId"/> (for
    /// anyone in the case when null): the last of his registrations' ends once every one ended; null while one stands.
    /// </summary>
    public DateOnly? AuthorityEndedOn(string userName, string? partyId = null)
    {
        var his = Agents.Where(a => a.UserName == userName && (partyId is null || a.PartyId == partyId)).ToList();
        return his.Count > 0 && his.All(a => EndedAgents.ContainsKey(a.AgentId)) ? his.Max(a => EndedAgents[a.AgentId].EndedOn) : null;
    }

    /// <summary>Each party's confirmations, oldest first.</summary>
    public ImmutableDictionary<string, ImmutableList<AddressConfirmation>> Addresses { get; init; } = ImmutableDictionary<string, ImmutableList<AddressConfirmation>>.Empty;

    public ImmutableList<ServiceState> Services { get; init; } = [];

    public ImmutableList<CarrierEvent> CarrierEvents { get; init; } = [];

    public Party? PartyById(string partyId) => Parties.FirstOrDefault(p => p.PartyId == partyId);

    public ServiceState? ServiceById(string serviceId) => Services.FirstOrDefault(s => s.ServiceId == serviceId);

    /// <summary>The confirmation that binds on <paramref name="day"/>: the latest signed on or before it.</summary>
    public AddressConfirmation? AddressInForce(string partyId, DateOnly day) =>
        Addresses.GetValueOrDefault(partyId)?.LastOrDefault(c => c.SignedOn <= day);

    /// <summary>
    /// Whether another service of the same document to the same recipient was ordered after <paramref name="service"/>
    /// (in the order of the file, so one ordered in the same instant still counts).
    /// </summary>
    public bool IsFollowed(ServiceState service)
    {
        var index = Services.FindIndex(s => s.ServiceId == service.ServiceId);
        return index >= 0 && Services.Skip(index + 1).Any(s => s.Ordered.Document.DocumentId == service.Ordered.Document.DocumentId && s.Ordered.Recipient.PartyId == service.Ordered.Recipient.PartyId);
    }

    /// <summary>
    /// A service that came to no service (a return that does not bind the recipient, a non-delivery after the required
    /// attempts, a signer who may not sign, a bounce) and that no later service of the document to the recipient has
    /// followed: the clerk must choose another channel (SPC 2004 court-express rules Arts. 6, 11).
    /// </summary>
    public bool NeedsAnotherChannel(ServiceState service) => RecordOf(service).Outcome == ServiceOutcome.NotServed && !IsFollowed(service);

    public AddressConfirmation? LatestAddress(string partyId) => Addresses.GetValueOrDefault(partyId)?.LastOrDefault();

    /// <summary>The service's record, from whatever its channel rests on.</summary>
    public ServiceRecord RecordOf(ServiceState service)
    {
        var channel = service.Ordered.Channel;
        if (channel == ServiceChannel.JudicialExpress)
        {
            return ServiceRecord.OfJudicialExpress(CarrierEvents.Where(e => e.Reference == service.Reference), service.Ordered.Recipient);
        }

        if (channel.IsElectronic())
        {
            return ServiceRecord.OfElectronic(CarrierEvents.Where(e => e.Reference == service.Reference));
        }

        return channel == ServiceChannel.PublicNotice
            ? ServiceRecord.OfPublicNotice(service.DeemedServedOn)
            : ServiceRecord.OfHandDelivery(service.Hand, service.Ordered.Recipient);
    }

    public ServiceFile Evolve(IDomainEvent @event) => @event switch
    {
        ServiceFileOpened e => this with { File = e },
        PartyRegistered e => this with { Parties = Parties.Add(e.Party) },
        AgentAppointed e => this with { Agents = Agents.Add(e.Agent) },
        AgentAuthorityEnded e => this with { EndedAgents = EndedAgents.SetItem(e.AgentId, e) },
        AddressConfirmed e => WithAddress(e.PartyId, e.Confirmation),
        AddressChanged e => WithAddress(e.PartyId, e.Confirmation),
        ServiceOrdered e => this with { Services = Services.Add(new ServiceState(e, null, null, null)) },
        CarrierEventRecorded e => this with { CarrierEvents = CarrierEvents.Add(e.Event) },
        HandDeliveryRecorded e => Update(e.ServiceId, s => s with { Hand = e.Delivery }),
        PublicationRecorded e => Update(e.ServiceId, s => s with { Publication = e.Publication }),
        PublicNoticeDeemedServed e => Update(e.ServiceId, s => s with { DeemedServedOn = e.ServedOn }),
        PeriodActDone e => Update(e.ServiceId, s => s with { PeriodsDone = [.. s.PeriodsDone ?? [], new PeriodDone(e.Period, e.DoneOn, e.By)] }),
        ServiceCertificateIssued e => Update(e.ServiceId, s => s with { CertificateNumber = e.DocumentNumber }),
        _ => this,
    };

    private ServiceFile WithAddress(string partyId, AddressConfirmation confirmation)
    {
        var history = Addresses.GetValueOrDefault(partyId) ?? [];
        return this with { Addresses = Addresses.SetItem(partyId, history.Add(confirmation)) };
    }

    private ServiceFile Update(string serviceId, Func<ServiceState, ServiceState> change)
    {
        var index = Services.FindIndex(s => s.ServiceId == serviceId);
        return index < 0 ? this : this with { Services = Services.SetItem(index, change(Services[index])) };
    }
}
