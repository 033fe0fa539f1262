using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>
/// A step of the release workflow on one request (the id comes from the route): its trigger is the command's name,
/// who may take it and from which state is the definition's (workflows/bankruptcy-asset-release.v*.json).
/// </summary>
public abstract record ReleaseRequestWrite : ConditionalWrite, ICaseScoped, IWorkflowCommand<ReleaseRequest>
{
    [JsonIgnore]
    public string RequestId { get; init; } = "";

    string ICaseScoped.CaseScope => CaseLink.ForRequest(RequestId);

    string IWorkflowCommand.WorkflowStreamId => BankruptcyWorkflows.ReleaseStream(RequestId);
}

/// <summary>The judge approves: letters with a deadline go to each seizing body (限期解除).</summary>
public sealed record ApproveRelease([property: MultiLine] string? Note = null) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The judge rejects, with the reason.</summary>
public sealed record RejectRelease([property: MultiLine] string? Reason) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The administrator withdraws a request the court has not yet ruled on.</summary>
public sealed record WithdrawRelease([property: MultiLine] string? Reason) : ReleaseRequestWrite, ICommand<Changed>;

public sealed class ApproveReleaseValidator : AbstractValidator<ApproveRelease>
{
    public ApproveReleaseValidator() => RuleFor(x => x.Note).OptionalText(1000);
}

public sealed class RejectReleaseValidator : AbstractValidator<RejectRelease>
{
    public RejectReleaseValidator() => RuleFor(x => x.Reason).Text(1000);
}

public sealed class WithdrawReleaseValidator : AbstractValidator<WithdrawRelease>
{
    public WithdrawReleaseValidator() => RuleFor(x => x.Reason).Text(1000);
}

/// <summary>The judge's decision and the administrator's withdrawal; the letters approval calls for are the process manager's (<see cref="BankruptcyFollowUps"/>).</summary>
public sealed class JudgingReleaseHandlers(WorkflowRuntime workflows, ICallerContext caller) :
    ICommandHandler<ApproveRelease, Changed>,
    ICommandHandler<RejectRelease, Changed>,
    ICommandHandler<WithdrawRelease, Changed>
{
    public async ValueTask<Changed> Handle(ApproveRelease command, CancellationToken cancellationToken) =>
        new(command.RequestId, await workflows.ExecuteAsync(command, (s, step) => ReleaseDecider.Decide(s, new ReleaseCommand.Approve(command.Note?.Trim(), step.RequireDueOn(), caller.UserId), step.Now), cancellationToken));

    public async ValueTask<Changed> Handle(RejectRelease command, CancellationToken cancellationToken) =>
        new(command.RequestId, await workflows.ExecuteAsync(command, (s, step) => ReleaseDecider.Decide(s, new ReleaseCommand.Reject(command.Reason!.Trim(), caller.UserId), step.Now), cancellationToken));

    public async ValueTask<Changed> Handle(WithdrawRelease command, CancellationToken cancellationToken) =>
        new(command.RequestId, await workflows.ExecuteAsync(command, (s, step) => ReleaseDecider.Decide(s, new ReleaseCommand.Withdraw(command.Reason!.Trim(), caller.UserId), step.Now), cancellationToken));
}
