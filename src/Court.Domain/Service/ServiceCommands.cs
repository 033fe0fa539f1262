using Court.Domain.Calendars;
using Court.Domain.Fees;

namespace Court.Domain.Service;

/// <summary>The commands of a service file: a closed set, each decided by one arm of <see cref="ServiceDecider"/>.</summary>
public abstract record ServiceCommand
{
    public sealed record OpenFile(string CaseId, string CaseNumber, string CourtName, string CourtAddress, string CourtPhone, Procedure Procedure) : ServiceCommand;

    public sealed record RegisterParty(Party Party) : ServiceCommand;

    public sealed record AppointAgent(Agent Agent) : ServiceCommand;

    /// <summary>The party revoked the authority or the agent withdrew (解除委托 / 辞去委托): from <paramref name="EndedOn"/> he is no longer its agent.</summary>
    public sealed record EndAgentAuthority(string AgentId, DateOnly EndedOn, string Reason) : ServiceCommand;

    /// <summary>Records a party's address confirmation, or its change (a later signing date).</summary>
    public sealed record ConfirmAddress(string PartyId, AddressConfirmation Confirmation) : ServiceCommand;

    /// <summary>
    /// Serves <paramref name="Documents"/> on one recipient by one channel: one service per document. Court express
    /// names its waybill; <paramref name="PostalAddress"/> and <paramref name="Phone"/> stand in only when the
    /// recipient has confirmed no address (e.g. the complaint's address for a defendant).
    /// </summary>
    public sealed record Serve(string RecipientPartyId, ServiceChannel Channel, IReadOnlyList<ServedDocument> Documents, string? Waybill, string? PostalAddress, string? Phone) : ServiceCommand;

    public sealed record RecordCarrierEvent(CarrierEvent Event) : ServiceCommand;

    public sealed record RecordHandDelivery(string ServiceId, HandDelivery Delivery) : ServiceCommand;

    /// <param name="NoticeDays">The public-notice definition's period (30 days, CPL Art. 95): the deemed date printed now is the day its timer fires for.</param>
    public sealed record RecordPublication(string ServiceId, DateOnly PublishedOn, string Medium, int NoticeDays) : ServiceCommand;

    /// <summary>The notice's period ran out (its timer fired): the notice is served on <paramref name="ServedOn"/>.</summary>
    public sealed record RecordDeemedService(string ServiceId, DateOnly ServedOn) : ServiceCommand;

    /// <summary>The clerk records that the act <paramref name="Period"/> ran for was done on <paramref name="DoneOn"/>.</summary>
    public sealed record RecordPeriodDone(string ServiceId, PeriodKind Period, DateOnly DoneOn) : ServiceCommand;

    public sealed record RecordCertificate(string ServiceId, string DocumentId, string DocumentNumber) : ServiceCommand;

    /// <summary>The proceedings are over: nothing more is served under this file.</summary>
    public sealed record CloseFile(string Reason) : ServiceCommand;
}

/// <summary>What a decision reads besides the file: the time, the acting user and the working-day calendar.</summary>
public sealed record ServiceContext(DateTimeOffset Now, string By, WorkingDayCalendar Calendar)
{
    public DateOnly Today => ChinaTime.DateOf(Now);
}
