using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Disposing;

/// <summary>
/// A step of the disposal workflow on one asset (the id comes from the route); If-Match is the asset's disposal
/// version. Its trigger is the command's name; who and when is the definition's (workflows/bankruptcy-asset-disposal.v*.json).
/// </summary>
public abstract record AssetWrite : ConditionalWrite, ICaseScoped, IWorkflowCommand<Disposal>
{
    [JsonIgnore]
    public string AssetId { get; init; } = "";

    string ICaseScoped.CaseScope => CaseLink.ForAsset(AssetId);

    string IWorkflowCommand.WorkflowStreamId => BankruptcyWorkflows.DisposalStream(AssetId);

    /// <summary>The asset exists; it is its disposal that has not begun.</summary>
    DomainError? IWorkflowCommand.WhenNoWorkflow => DomainError.Conflict("disposal.not-scheduled", "No disposal of this asset has been scheduled.");
}

/// <summary>The administrator schedules an online judicial auction or a sale of a free asset: the first schedule starts the disposal, a later one follows no sale.</summary>
public sealed record ScheduleDisposal(DisposalMethod? Method, string? Platform, DateOnly? ScheduledOn, long? ReservePriceFen) : AssetWrite, ICommand<Changed>, IWorkflowCommand
{
    bool IWorkflowCommand.MayStartWorkflow => true;
}

/// <summary>The auction found no buyer at the reserve (流拍).</summary>
public sealed record RecordDisposalUnsold([property: MultiLine] string? Reason) : AssetWrite, ICommand<Changed>;

/// <summary>The auction or sale found its buyer.</summary>
public sealed record RecordAssetSold(string? BuyerName, string? BuyerIdNumber, long? PriceFen, DateOnly? SoldOn) : AssetWrite, ICommand<Changed>;

/// <summary>The judge confirms the sale by ruling; the transfer notice goes to the holding agency.</summary>
public sealed record ConfirmSale : AssetWrite, ICommand<Changed>;

/// <summary>The holding agency registered the transfer to the buyer (sent by the process manager when the transfer notice is executed).</summary>
public sealed record RecordTransferRegistered(string NoticeId, string RegistrationReference, DateOnly RegisteredOn) : AssetWrite, ICommand<Changed>;

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
        // The ruling and the transfer notice print it, and the registry transfers title by it: a person's resident ID or an organisation's credit code.
        RuleFor(x => x.BuyerIdNumber).MustParse(PartyIdNumber.Parse);
        RuleFor(x => x.PriceFen).NotNull().InclusiveBetween(1, Domain.Identifiers.Money.MaxFen);
        RuleFor(x => x.SoldOn).NotNull();
    }
}

/// <summary>The disposal's steps, each one decision through the one command path; the documents a confirmation calls for are <see cref="BankruptcyFollowUps"/>'.</summary>
public sealed class DisposalHandlers(AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyProcess process, IReadModels reads, ICallerContext caller) :
    ICommandHandler<ScheduleDisposal, Changed>,
    ICommandHandler<RecordDisposalUnsold, Changed>,
    ICommandHandler<RecordAssetSold, Changed>,
    ICommandHandler<ConfirmSale, Changed>,
    ICommandHandler<RecordTransferRegistered, Changed>
{
    public async ValueTask<Changed> Handle(ScheduleDisposal command, CancellationToken cancellationToken)
    {
        var link = await reads.GetAsync<CaseLink>(CaseLink.ForAsset(command.AssetId), cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("asset.not-found", "There is no such asset."));
        var (estate, asset) = await process.AssetAsync(link.EstateId, command.AssetId, cancellationToken);
        var schedule = new DisposalCommand.Schedule(estate, asset, command.Method!.Value, command.Platform!.Trim(), command.ScheduledOn!.Value, command.ReservePriceFen!.Value, caller.UserId);
        var existing = await aggregates.LoadAsync<Disposal>(command.AssetId, cancellationToken);
        if (DisposalDecider.Repeats(existing.State, schedule))
        {
            return new Changed(command.AssetId, await workflows.SatisfiedAsync(command, cancellationToken));
        }

        if (!existing.Exists)
        {
            var started = await workflows.StartAsync<Disposal>(BankruptcyWorkflows.Disposal, command.AssetId, (s, step) => DisposalDecider.Decide(s, schedule, step.Now), command.IfMatch ?? -1, cancellationToken);
            return new Changed(command.AssetId, started);
        }

        return await RunAsync(command, schedule, cancellationToken);
    }

    public ValueTask<Changed> Handle(RecordDisposalUnsold command, CancellationToken cancellationToken) =>
        RunAsync(command, new DisposalCommand.RecordUnsold(command.Reason!.Trim(), caller.UserId), cancellationToken);

    public ValueTask<Changed> Handle(RecordAssetSold command, CancellationToken cancellationToken) =>
        RunAsync(command, new DisposalCommand.RecordSale(command.BuyerName!.Trim(), PartyIdNumber.Parse(command.BuyerIdNumber).Value.Value, command.PriceFen!.Value, command.SoldOn!.Value, caller.UserId), cancellationToken);

    public async ValueTask<Changed> Handle(ConfirmSale command, CancellationToken cancellationToken)
    {
        var disposal = (await aggregates.LoadAsync<Disposal>(command.AssetId, cancellationToken)).State;
        var holder = disposal.Exists ? (await process.AssetAsync(disposal.EstateId, command.AssetId, cancellationToken)).Asset.HoldingAgency : "";
        var confirm = new DisposalCommand.ConfirmSale(SaleRulingIdFor(command.AssetId), TransferNoticeIdFor(command.AssetId), holder, caller.UserId);
        return await RunAsync(command, confirm, cancellationToken);
    }

    public ValueTask<Changed> Handle(RecordTransferRegistered command, CancellationToken cancellationToken) =>
        RunAsync(command, new DisposalCommand.RecordTransfer(command.NoticeId, command.RegistrationReference, command.RegisteredOn, caller.UserId), cancellationToken);

    /// <summary>One sale-confirmation ruling and one transfer notice per asset: their ids derive from it.</summary>
    public static string SaleRulingIdFor(string assetId) => $"{assetId}-sale-ruling";

    public static string TransferNoticeIdFor(string assetId) => DeterministicGuid.From("court:bankruptcy:transfer-notice:" + assetId).ToString("D");

    private async ValueTask<Changed> RunAsync(AssetWrite command, DisposalCommand decision, CancellationToken cancellationToken) =>
        new(command.AssetId, await workflows.ExecuteAsync(command, (s, step) => DisposalDecider.Decide(s, decision, step.Now), cancellationToken));
}
