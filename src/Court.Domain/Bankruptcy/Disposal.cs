using Court.Domain.Common;
using Court.Domain.Identifiers;
using Court.Domain.Workflows;

namespace Court.Domain.Bankruptcy;

public enum DisposalMethod
{
    /// <summary>网络司法拍卖: online judicial auction.</summary>
    Auction,

    /// <summary>变卖: sale at a price not below the reserve.</summary>
    Sale,
}

[EventType("bankruptcy.disposal-scheduled.v1")]
public sealed record DisposalScheduled(string AssetId, string EstateId, string CaseNumber, string AdministratorUserId, DisposalMethod Method, string Platform, DateOnly ScheduledOn, long ReservePriceFen, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.disposal-unsold.v1")]
public sealed record DisposalUnsold(string AssetId, string Reason, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.asset-sold.v1")]
public sealed record AssetSold(string AssetId, string BuyerName, string BuyerIdNumber, long PriceFen, DateOnly SoldOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The sale-confirmation ruling (成交裁定) and the transfer notice it sends to the holding agency.</summary>
[EventType("bankruptcy.sale-confirmed.v1")]
public sealed record SaleConfirmed(string AssetId, string RulingId, string NoticeId, string HoldingAgency, string BuyerName, long PriceFen, DateOnly ConfirmedOn, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.transfer-registered.v1")]
public sealed record TransferRegistered(string AssetId, string NoticeId, string RegistrationReference, DateOnly RegisteredOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The disposal of one asset: its own stream, keyed by the asset id.</summary>
public sealed record Disposal : IAggregateState<Disposal>, IWorkflowSubject
{
    public static Disposal Initial { get; } = new();

    public static string StreamPrefix => "asset-disposal-";

    public string? AssetId { get; init; }

    public string EstateId { get; init; } = "";

    /// <summary>Where the disposal is: the workflow state recorded in its stream.</summary>
    public WorkflowStateEntry? Step { get; init; }

    public bool Exists => AssetId is not null;

    public DisposalMethod Method { get; init; }

    public string Platform { get; init; } = "";

    public DateOnly ScheduledOn { get; init; }

    public long ReservePriceFen { get; init; }

    /// <summary>The last auction or sale found no buyer (流拍); scheduling again clears it.</summary>
    public bool Unsold { get; init; }

    public string BuyerName { get; init; } = "";

    public string BuyerIdNumber { get; init; } = "";

    public long PriceFen { get; init; }

    public DateOnly SoldOn { get; init; }

    public string? RulingId { get; init; }

    public string? NoticeId { get; init; }

    public string CaseNumber { get; init; } = "";

    public string AdministratorUserId { get; init; } = "";

    public string HoldingAgency { get; init; } = "";

    public string? WorkflowLabel => CaseNumber;

    public WorkflowAssignment? AssignmentFor(string state, string role) => role switch
    {
        "administrator" => new WorkflowAssignment(UserId: AdministratorUserId),
        "agency-officer" => new WorkflowAssignment(Agency: HoldingAgency),
        _ => null,
    };

    public Disposal Evolve(IDomainEvent @event) => @event switch
    {
        DisposalScheduled e => this with
        {
            AssetId = e.AssetId,
            EstateId = e.EstateId,
            CaseNumber = e.CaseNumber,
            AdministratorUserId = e.AdministratorUserId,
            Method = e.Method,
            Platform = e.Platform,
            ScheduledOn = e.ScheduledOn,
            ReservePriceFen = e.ReservePriceFen,
            Unsold = false,
        },
        DisposalUnsold => this with { Unsold = true },
        AssetSold e => this with { BuyerName = e.BuyerName, BuyerIdNumber = e.BuyerIdNumber, PriceFen = e.PriceFen, SoldOn = e.SoldOn },
        SaleConfirmed e => this with { RulingId = e.RulingId, NoticeId = e.NoticeId, HoldingAgency = e.HoldingAgency },
        IWorkflowEvent e => this with { Step = e.Entered },
        _ => this,
    };
}

public abstract record DisposalCommand
{
    private DisposalCommand()
    {
    }

    /// <summary>The administrator schedules an auction or sale of <paramref name="Asset"/> (the estate's current view of it).</summary>
    public sealed record Schedule(Estate Estate, EstateAsset Asset, DisposalMethod Method, string Platform, DateOnly ScheduledOn, long ReservePriceFen, string By) : DisposalCommand;

    public sealed record RecordUnsold(string Reason, string By) : DisposalCommand;

    public sealed record RecordSale(string BuyerName, string BuyerIdNumber, long PriceFen, DateOnly SoldOn, string By) : DisposalCommand;

    /// <summary>The judge confirms the sale; the transfer notice <paramref name="NoticeId"/> goes to the holding agency.</summary>
    public sealed record ConfirmSale(string RulingId, string NoticeId, string HoldingAgency, string By) : DisposalCommand;

    public sealed record RecordTransfer(string NoticeId, string RegistrationReference, DateOnly RegisteredOn, string By) : DisposalCommand;
}

/// <summary>
/// Pure decisions on a disposal's data. Which step may happen in which state, and what a repeat means, is the
/// workflow definition's (workflows/bankruptcy-asset-disposal.v*.json).
/// </summary>
public static class DisposalDecider
{
    /// <summary>Scheduling what is already scheduled, with nothing recorded since: satisfied, so the command yields nothing.</summary>
    public static bool Repeats(Disposal state, DisposalCommand.Schedule c) =>
        state.Exists && !state.Unsold && state.BuyerName.Length == 0
        && c.Method == state.Method && c.ScheduledOn == state.ScheduledOn && c.ReservePriceFen == state.ReservePriceFen && c.Platform == state.Platform;

    public static Decision Decide(Disposal state, DisposalCommand command, DateTimeOffset now) => (state.Exists, command) switch
    {
        (_, DisposalCommand.Schedule c) when Repeats(state, c) => Decision.Nothing,
        (_, DisposalCommand.Schedule c) => Schedule(c, now),
        (false, _) => DomainError.Conflict("disposal.not-scheduled", "No disposal of this asset has been scheduled."),
        (_, DisposalCommand.RecordUnsold c) => Decision.Emit(new DisposalUnsold(state.AssetId!, c.Reason, c.By, now)),
        (_, DisposalCommand.RecordSale c) => Sell(state, c, now),
        (_, DisposalCommand.ConfirmSale c) =>
            Decision.Emit(new SaleConfirmed(state.AssetId!, c.RulingId, c.NoticeId, c.HoldingAgency, state.BuyerName, state.PriceFen, CourtCalendar.DateOf(now), c.By, now)),
        (_, DisposalCommand.RecordTransfer c) when c.NoticeId == state.NoticeId =>
            Decision.Emit(new TransferRegistered(state.AssetId!, c.NoticeId, c.RegistrationReference, c.RegisteredOn, c.By, now)),
        (_, DisposalCommand.RecordTransfer) => DomainError.Conflict("disposal.other-notice", "The disposal waits for the registration of another transfer notice."),
        _ => DomainError.Conflict("disposal.command-unknown", $"There is no decision for {command.GetType().Name}."),
    };

    private static Decision Schedule(DisposalCommand.Schedule c, DateTimeOffset now)
    {
        if (c.Asset.Transferred)
        {
            return DomainError.Conflict("asset.transferred", "The asset has already been transferred to a buyer.");
        }

        if (c.Asset.Seizures.Find(s => s.InForce) is { } seizure)
        {
            return DomainError.Conflict("asset.seized", $"Cannot schedule a disposal while the seizure {seizure.DocumentNumber} by {seizure.SeizingBody} binds the asset; release it first.");
        }

        if (c.ScheduledOn < CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("disposal.date-past", $"The disposal date {c.ScheduledOn:yyyy-MM-dd} has passed.") with { Field = "scheduledOn" };
        }

        if (c.ReservePriceFen <= 0)
        {
            return DomainError.Invalid("disposal.reserve", "The reserve price must be more than zero.") with { Field = "reservePriceFen" };
        }

        return Decision.Emit(new DisposalScheduled(c.Asset.Id, c.Estate.Id!, c.Estate.CaseNumber, c.Estate.AdministratorUserId, c.Method, c.Platform, c.ScheduledOn, c.ReservePriceFen, c.By, now));
    }

    private static Decision Sell(Disposal state, DisposalCommand.RecordSale c, DateTimeOffset now)
    {
        if (c.PriceFen < state.ReservePriceFen)
        {
            return DomainError.Invalid("disposal.below-reserve", $"The price {Money.Format(c.PriceFen)} is below the reserve {Money.Format(state.ReservePriceFen)}.") with { Field = "priceFen" };
        }

        if (c.SoldOn < state.ScheduledOn || c.SoldOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("disposal.sale-date", $"The sale date must be between the scheduled date {state.ScheduledOn:yyyy-MM-dd} and today.") with { Field = "soldOn" };
        }

        return Decision.Emit(new AssetSold(state.AssetId!, c.BuyerName, c.BuyerIdNumber, c.PriceFen, c.SoldOn, c.By, now));
    }
}
