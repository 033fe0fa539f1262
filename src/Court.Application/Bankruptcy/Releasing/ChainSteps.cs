using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>A seizing body lifted its seizure itself after the court's letter (reported with its lifting document).</summary>
public sealed record RecordSeizingBodyLift(string? SeizureId, string? Reference, DateOnly? LiftedOn) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The estate recorded that a seizure the request names lapsed (sent by the process manager, as the system).</summary>
public sealed record RecordSeizureLapse(string SeizureId, DateOnly ExpiredOn) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The judge issues the court's own lifting ruling for the seizures still in force, and its notice to the holding agency.</summary>
/// <param name="EarlyReason">Required when the chain of letters is not yet exhausted: the judge's reason for ruling now; the ruling recites it.</param>
public sealed record IssueLiftingRuling(string? EarlyReason = null) : ReleaseRequestWrite, ICommand<Changed>;

public sealed class IssueLiftingRulingValidator : AbstractValidator<IssueLiftingRuling>
{
    public IssueLiftingRulingValidator() => RuleFor(x => x.EarlyReason).OptionalText(500);
}

/// <summary>Fired by the deadline timer (as the system): what it does is where the definition leads — letters to the superiors, or the ruling falls due.</summary>
public sealed record EscalateOverdueRelease : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The holding agency executed the request's notice (sent by the process manager when the notice says so).</summary>
public sealed record RecordRegistryExecution(string NoticeId, string RegistrationReference, DateOnly ExecutedOn) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The holding agency reported that it cannot execute the request's notice (sent by the process manager).</summary>
public sealed record RecordRegistryFailure(string NoticeId, string Reason) : ReleaseRequestWrite, ICommand<Changed>;

public sealed class RecordSeizingBodyLiftValidator : AbstractValidator<RecordSeizingBodyLift>
{
    public RecordSeizingBodyLiftValidator()
    {
        RuleFor(x => x.SeizureId).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Reference).Text(100);
        RuleFor(x => x.LiftedOn).NotNull();
    }
}

/// <summary>The chain's steps: each one decision on the request through the one command path; what they cause elsewhere is <see cref="BankruptcyFollowUps"/>'.</summary>
public sealed class ChainStepHandlers(WorkflowRuntime workflows, BankruptcyProcess process, AggregateStore aggregates, ICallerContext caller) :
    ICommandHandler<RecordSeizingBodyLift, Changed>,
    ICommandHandler<RecordSeizureLapse, Changed>,
    ICommandHandler<IssueLiftingRuling, Changed>,
    ICommandHandler<EscalateOverdueRelease, Changed>,
    ICommandHandler<RecordRegistryExecution, Changed>,
    ICommandHandler<RecordRegistryFailure, Changed>
{
    public ValueTask<Changed> Handle(RecordSeizingBodyLift command, CancellationToken cancellationToken) =>
        RunAsync(command, new ReleaseCommand.RecordSeizingBodyLift(command.SeizureId!, command.Reference!.Trim(), command.LiftedOn!.Value, caller.UserId), cancellationToken);

    public ValueTask<Changed> Handle(RecordSeizureLapse command, CancellationToken cancellationToken) =>
        RunAsync(command, new ReleaseCommand.RecordSeizureLapse(command.SeizureId, command.ExpiredOn, caller.UserId), cancellationToken);

    public async ValueTask<Changed> Handle(IssueLiftingRuling command, CancellationToken cancellationToken) =>
        await RunAsync(command, new ReleaseCommand.IssueRuling(await AssetAsync(command, cancellationToken), caller.UserId, command.EarlyReason), cancellationToken);

    public async ValueTask<Changed> Handle(EscalateOverdueRelease command, CancellationToken cancellationToken)
    {
        var asset = await AssetAsync(command, cancellationToken);
        return new(command.RequestId, await workflows.ExecuteAsync(command, (s, step) => ReleaseDecider.Decide(s, new ReleaseCommand.EscalateOverdue(step.To?.Name, step.DueOn, asset, caller.UserId), step.Now), cancellationToken));
    }

    public ValueTask<Changed> Handle(RecordRegistryExecution command, CancellationToken cancellationToken) =>
        RunAsync(command, new ReleaseCommand.RecordRegistryExecution(command.NoticeId, command.RegistrationReference, command.ExecutedOn, caller.UserId), cancellationToken);

    public ValueTask<Changed> Handle(RecordRegistryFailure command, CancellationToken cancellationToken) =>
        RunAsync(command, new ReleaseCommand.RecordRegistryFailure(command.NoticeId, command.Reason, caller.UserId), cancellationToken);

    /// <summary>The estate's current view of the request's asset: what binds it is decided at the decision's own time.</summary>
    private async Task<EstateAsset> AssetAsync(ReleaseRequestWrite command, CancellationToken cancellationToken)
    {
        var request = (await aggregates.LoadAsync<ReleaseRequest>(command.RequestId, cancellationToken)).State;
        if (!request.Exists)
        {
            throw new DomainException(DomainError.NotFound("release.not-found", "There is no such release request."));
        }

        return (await process.AssetAsync(request.EstateId, request.AssetId, cancellationToken)).Asset;
    }

    private async ValueTask<Changed> RunAsync(ReleaseRequestWrite command, ReleaseCommand decision, CancellationToken cancellationToken) =>
        new(command.RequestId, await workflows.ExecuteAsync(command, (s, step) => ReleaseDecider.Decide(s, decision, step.Now), cancellationToken));
}
