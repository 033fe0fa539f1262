using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Workflows.MoveInstance;

/// <summary>
/// Moves a running instance to another version of its definition (Elsa's "Migrate" alteration), keeping its state,
/// which must exist in the target version. Audited: the event names the reason, the metadata the operator.
/// </summary>
public sealed record MoveWorkflowInstance(string StreamId, int ToVersion, [property: MultiLine] string Reason) : ICommand<MovedWorkflowInstance>
{
    /// <summary>If-Match: the stream version the operator looked at.</summary>
    public long? ExpectedVersion { get; init; }
}

public sealed record MovedWorkflowInstance(string StreamId, int WorkflowVersion, string State, long Version);

public sealed class MoveWorkflowInstanceValidator : AbstractValidator<MoveWorkflowInstance>
{
    public MoveWorkflowInstanceValidator()
    {
        RuleFor(c => c.StreamId).NotEmpty().MaximumLength(200);
        RuleFor(c => c.ToVersion).GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the instance moves: the move is audited.").MaximumLength(2000);
    }
}

/// <summary>Only system administrators move instances between versions.</summary>
public sealed class MoveWorkflowInstanceRule : IAuthorizationRule<MoveWorkflowInstance>
{
    public ValueTask<AuthorizationOutcome> EvaluateAsync(MoveWorkflowInstance message, ICallerContext caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(caller.IsInRole(Roles.SystemAdministrator) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden);
}

public sealed class MoveWorkflowInstanceHandler(WorkflowRuntime runtime) : ICommandHandler<MoveWorkflowInstance, MovedWorkflowInstance>
{
    public async ValueTask<MovedWorkflowInstance> Handle(MoveWorkflowInstance command, CancellationToken cancellationToken)
    {
        var version = await runtime.MoveToVersionAsync(command.StreamId, command.ToVersion, command.Reason, command.ExpectedVersion, cancellationToken);
        var snapshot = await runtime.LoadAsync(command.StreamId, cancellationToken)
            ?? throw new ResourceNotFoundException($"No workflow runs on {command.StreamId}.");
        return new MovedWorkflowInstance(command.StreamId, snapshot.Instance.WorkflowVersion, snapshot.Instance.State, version);
    }
}
