using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Disposing;

/// <summary>A disposal step on one asset (the id comes from the route); If-Match is the asset's disposal version.</summary>
public abstract record AssetWrite : ConditionalWrite, ICaseScoped
{
    [JsonIgnore]
    public string AssetId { get; init; } = "";

    string ICaseScoped.CaseScope => CaseLink.ForAsset(AssetId);
}

/// <summary>The administrator schedules an online judicial auction or a sale of a free asset.</summary>
public sealed record ScheduleDisposal(DisposalMethod? Method, string? Platform, DateOnly? ScheduledOn, long? ReservePriceFen) : AssetWrite, ICommand<Changed>;

/// <summary>The auction found no buyer at the reserve (流拍).</summary>
public sealed record RecordDisposalUnsold([property: MultiLine] string? Reason) : AssetWrite, ICommand<Changed>;

/// <summary>The auction or sale found its buyer.</summary>
public sealed record RecordAssetSold(string? BuyerName, string? BuyerIdNumber, long? PriceFen, DateOnly? SoldOn) : AssetWrite, ICommand<Changed>;

/// <summary>The judge confirms the sale by ruling; the transfer notice goes to the holding agency.</summary>
public sealed record ConfirmSale : AssetWrite, ICommand<Changed>;

public sealed class ScheduleDisposalValidator : AbstractValidator<ScheduleDisposal>
{
    public ScheduleDisposalValidator()
    {
        RuleFor(x => x.Method).NotNull().IsInEnum();
        RuleFor(x => x.Platform).Text(100);
        RuleFor(x => x.ScheduledOn).NotNull();
        RuleFor(x => x.ReservePriceFen).NotNull().InclusiveBetween(1, Domain.Identifiers.Money.MaxFen);
    }
}

public sealed class RecordDisposalUnsoldValidator : AbstractValidator<RecordDisposalUnsold>
{
    public RecordDisposalUnsoldValidator() => RuleFor(x => x.Reason).Text(500);
}

public sealed class RecordAssetSoldValidator : AbstractValidator<RecordAssetSold>
{
    public RecordAssetSoldValidator()
    {
        RuleFor(x => x.BuyerName).Text(200);
        RuleFor(x => x.BuyerIdNumber).Text(50);
        RuleFor(x => x.PriceFen).NotNull().InclusiveBetween(1, Domain.Identifiers.Money.MaxFen);
        RuleFor(x => x.SoldOn).NotNull();
    }
}

public sealed class DisposalHandlers(AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyProcess process, IReadModels reads) :
    ICommandHandler<ScheduleDisposal, Changed>,
    ICommandHandler<RecordDisposalUnsold, Changed>,
    ICommandHandler<RecordAssetSold, Changed>,
    ICommandHandler<ConfirmSale, Changed>
{
    public async ValueTask<Changed> Handle(ScheduleDisposal command, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(command, cancellationToken);
        var link = await reads.GetAsync<CaseLink>(CaseLink.ForAsset(command.AssetId), cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("asset.not-found", "There is no such asset."));
        var (estate, asset) = await process.AssetAsync(link.EstateId, command.AssetId, cancellationToken);
        var schedule = new DisposalCommand.Schedule(estate, asset, command.Method!.Value, command.Platform!.Trim(), command.ScheduledOn!.Value, command.ReservePriceFen!.Value, process.Actor);
        if (!loaded.Exists)
        {
            var started = await workflows.StartAsync<Disposal>(BankruptcyWorkflows.Disposal, command.AssetId, (s, at) => DisposalDecider.Decide(s, schedule, at.Now), -1, cancellationToken);
            return new Changed(command.AssetId, started);
        }

        return await FireOrCheckAsync(loaded, "ScheduleDisposal", schedule, loaded.State.Stage == DisposalStage.Unsold, cancellationToken);
    }

    public async ValueTask<Changed> Handle(RecordDisposalUnsold command, CancellationToken cancellationToken)
    {
        var loaded = await LoadExistingAsync(command, cancellationToken);
        var unsold = new DisposalCommand.RecordUnsold(command.Reason!.Trim(), process.Actor);
        return await FireOrCheckAsync(loaded, "RecordDisposalUnsold", unsold, loaded.State.Stage == DisposalStage.Scheduled, cancellationToken);
    }

    public async ValueTask<Changed> Handle(RecordAssetSold command, CancellationToken cancellationToken)
    {
        var loaded = await LoadExistingAsync(command, cancellationToken);
        var sold = new DisposalCommand.RecordSale(command.BuyerName!.Trim(), command.BuyerIdNumber!.Trim(), command.PriceFen!.Value, command.SoldOn!.Value, process.Actor);
        return await FireOrCheckAsync(loaded, "RecordAssetSold", sold, loaded.State.Stage == DisposalStage.Scheduled, cancellationToken);
    }

    public async ValueTask<Changed> Handle(ConfirmSale command, CancellationToken cancellationToken)
    {
        var loaded = await LoadExistingAsync(command, cancellationToken);
        var state = loaded.State;
        var rulingId = $"{command.AssetId}-sale-ruling";
        var noticeId = BankruptcyProcess.DocumentId("transfer-notice:" + command.AssetId).ToString("D");
        var holder = (await process.AssetAsync(state.EstateId, command.AssetId, cancellationToken)).Asset.HoldingAgency;
        var confirm = new DisposalCommand.ConfirmSale(rulingId, noticeId, holder, process.Actor);
        DisposalDecider.Decide(state, confirm, process.Now).ThrowIfError();
        if (state.Stage is DisposalStage.Sold or DisposalStage.Confirmed)
        {
            // Documents first: a retry after a crash finds them and goes on to record the confirmation.
            await process.IssueSaleDocumentsAsync(state, state.RulingId ?? rulingId, state.NoticeId ?? noticeId, cancellationToken);
        }

        return await FireOrCheckAsync(loaded, "ConfirmSale", confirm, state.Stage == DisposalStage.Sold, cancellationToken);
    }

    private async Task<Changed> FireOrCheckAsync(Loaded<Disposal> loaded, string trigger, DisposalCommand decision, bool fires, CancellationToken ct)
    {
        if (!fires)
        {
            DisposalDecider.Decide(loaded.State, decision, process.Now).ThrowIfError();
            return new Changed(loaded.State.AssetId ?? "", loaded.Version);
        }

        var version = await workflows.FireAsync<Disposal>(loaded.StreamId, trigger, (s, now) => DisposalDecider.Decide(s, decision, now), loaded.Version, ct);
        return new Changed(loaded.State.AssetId!, version);
    }

    private async Task<Loaded<Disposal>> LoadExistingAsync(AssetWrite command, CancellationToken ct)
    {
        var loaded = await LoadAsync(command, ct);
        return loaded.Exists ? loaded : throw new DomainException(DomainError.Conflict("disposal.not-scheduled", "No disposal of this asset has been scheduled."));
    }

    private async Task<Loaded<Disposal>> LoadAsync(AssetWrite command, CancellationToken ct)
    {
        var loaded = await aggregates.LoadAsync<Disposal>(command.AssetId, ct);
        return command.IfMatch is { } ifMatch && ifMatch != loaded.Version
            ? throw new WrongExpectedVersionException(loaded.StreamId, ExpectedVersion.Exactly(ifMatch), loaded.Version)
            : loaded;
    }
}
