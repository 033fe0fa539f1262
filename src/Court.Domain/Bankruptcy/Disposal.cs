using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Domain.Bankruptcy;

public enum DisposalMethod
{
    /// <summary>网络司法拍卖: online judicial auction.</summary>
    Auction,

    /// <summary>变卖: sale at a price not below the reserve.</summary>
    Sale,
}

public enum DisposalStage
{
    None,
    Scheduled,

    /// <summary>流拍: no buyer at the reserve; may be scheduled again.</summary>
    Unsold,
    Sold,

    /// <summary>The sale-confirmation ruling is issued and the transfer notice is with the holding agency.</summary>
    Confirmed,
    Transferred,
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

    public DisposalStage Stage { get; init; }

    public DisposalMethod Method { get; init; }

    public string Platform { get; init; } = "";

    public DateOnly ScheduledOn { get; init; }

    public long ReservePriceFen { get; init; }

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
            Stage = DisposalStage.Scheduled,
            Method = e.Method,
            Platform = e.Platform,
            ScheduledOn = e.ScheduledOn,
            ReservePriceFen = e.ReservePriceFen,
        },
        DisposalUnsold => this with { Stage = DisposalStage.Unsold },
        AssetSold e => this with { Stage = DisposalStage.Sold, BuyerName = e.BuyerName, BuyerIdNumber = e.BuyerIdNumber, PriceFen = e.PriceFen, SoldOn = e.SoldOn },
        SaleConfirmed e => this with { Stage = DisposalStage.Confirmed, RulingId = e.RulingId, NoticeId = e.NoticeId, HoldingAgency = e.HoldingAgency },
        TransferRegistered => this with { Stage = DisposalStage.Transferred },
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

public static class DisposalDecider
{
    public static Decision Decide(Disposal state, DisposalCommand command, DateTimeOffset now) => (state.Stage, command) switch
    {
        (DisposalStage.None or DisposalStage.Unsold, DisposalCommand.Schedule c) => Schedule(c, now),
        (DisposalStage.Scheduled, DisposalCommand.Schedule c) when c.Method == state.Method && c.ScheduledOn == state.ScheduledOn && c.ReservePriceFen == state.ReservePriceFen && c.Platform == state.Platform => Decision.Nothing,
        (_, DisposalCommand.Schedule) => DomainError.Conflict("disposal.already-scheduled", $"Cannot schedule a disposal when the asset's disposal is {state.Stage}."),
        (DisposalStage.None, _) => DomainError.Conflict("disposal.not-scheduled", "No disposal of this asset has been scheduled."),

        (DisposalStage.Scheduled, DisposalCommand.RecordUnsold c) => Decision.Emit(new DisposalUnsold(state.AssetId!, c.Reason, c.By, now)),
        (DisposalStage.Unsold, DisposalCommand.RecordUnsold) => Decision.Nothing,
        (_, DisposalCommand.RecordUnsold) => DomainError.Conflict("disposal.not-scheduled", $"Cannot record an unsold auction when the disposal is {state.Stage}."),

        (DisposalStage.Scheduled, DisposalCommand.RecordSale c) => Sell(state, c, now),
        (DisposalStage.Sold or DisposalStage.Confirmed or DisposalStage.Transferred, DisposalCommand.RecordSale c)
            when c.BuyerName == state.BuyerName && c.PriceFen == state.PriceFen && c.SoldOn == state.SoldOn => Decision.Nothing,
        (_, DisposalCommand.RecordSale) => DomainError.Conflict("disposal.cannot-sell", $"Cannot record a sale when the disposal is {state.Stage}."),

        (DisposalStage.Sold, DisposalCommand.ConfirmSale c) =>
            Decision.Emit(new SaleConfirmed(state.AssetId!, c.RulingId, c.NoticeId, c.HoldingAgency, state.BuyerName, state.PriceFen, CourtCalendar.DateOf(now), c.By, now)),
        (DisposalStage.Confirmed or DisposalStage.Transferred, DisposalCommand.ConfirmSale) => Decision.Nothing,
        (_, DisposalCommand.ConfirmSale) => DomainError.Conflict("disposal.not-sold", $"Cannot confirm a sale when the disposal is {state.Stage}."),

        (DisposalStage.Confirmed, DisposalCommand.RecordTransfer c) when c.NoticeId == state.NoticeId =>
            Decision.Emit(new TransferRegistered(state.AssetId!, c.NoticeId, c.RegistrationReference, c.RegisteredOn, c.By, now)),
        (DisposalStage.Transferred, DisposalCommand.RecordTransfer c) when c.NoticeId == state.NoticeId => Decision.Nothing,
        (_, DisposalCommand.RecordTransfer) => DomainError.Conflict("disposal.not-confirmed", $"Cannot register a transfer when the disposal is {state.Stage} (or for another notice)."),

        _ => DomainError.Conflict("disposal.command-unknown", $"Cannot {command.GetType().Name} when the disposal is {state.Stage}."),
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
            return DomainError.Invalid("disposal.below-reserve", $"The price {c.PriceFen / 100m:#,##0.00} is below the reserve {state.ReservePriceFen / 100m:#,##0.00}.") with { Field = "priceFen" };
        }

        if (c.SoldOn < state.ScheduledOn || c.SoldOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("disposal.sale-date", $"The sale date must be between the scheduled date {state.ScheduledOn:yyyy-MM-dd} and today.") with { Field = "soldOn" };
        }

        return Decision.Emit(new AssetSold(state.AssetId!, c.BuyerName, c.BuyerIdNumber, c.PriceFen, c.SoldOn, c.By, now));
    }
}
