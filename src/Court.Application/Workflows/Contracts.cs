using Court.Application.Pipeline;
using Court.Domain.Common;
using Court.Domain.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Workflows;

/// <summary>
/// A command that is a trigger of the workflow driving <see cref="WorkflowStreamId"/>. The pipeline refuses it with
/// 409 when the instance's current state does not permit the trigger (naming the state and the permitted triggers)
/// and with 403 when the caller holds none of the roles the transition allows. The handler then calls
/// <c>WorkflowRuntime.FireAsync</c>, which appends the slice's events and the transition together.
/// </summary>
public interface IWorkflowCommand
{
    /// <summary>The stream of the aggregate the workflow drives, e.g. "bankruptcy-asset-release-42".</summary>
    string WorkflowStreamId { get; }

    /// <summary>The trigger name used in the definition; by default the command's type name.</summary>
    string Trigger => GetType().Name;
}

/// <summary>What a guard sees: the aggregate's state (after the command's events when firing, as it is now when listing actions) and the command (null when listing).</summary>
public sealed record WorkflowGuardContext(object Aggregate, object? Command, WorkflowInstance Instance);

/// <summary>A guard that definitions name in <c>"guard"</c>. Registered by the slice that owns the aggregate.</summary>
public sealed record WorkflowGuardRegistration(string Name, Func<WorkflowGuardContext, bool> Evaluate);

/// <summary>A due timer being fired: enough to build the expiry command. <see cref="TimerId"/> is also the idempotency key.</summary>
public sealed record TimerFiring(string TimerId, string StreamId, string WorkflowId, int WorkflowVersion, string State, string Trigger, DateTimeOffset DueAt);

/// <summary>Builds the Mediator command for <see cref="Trigger"/> when a deadline fires it; registered by the slice.</summary>
public sealed record WorkflowTriggerRegistration(string Trigger, Func<TimerFiring, object> CreateCommand);

public static class WorkflowRegistrations
{
    /// <summary>
    /// Registers a guard over the aggregate state <typeparamref name="TState"/>. The command argument is the command
    /// being fired, or null when the runtime lists the actions a caller may take now.
    /// </summary>
    public static IServiceCollection AddWorkflowGuard<TState>(this IServiceCollection services, string name, Func<TState, object?, bool> guard) =>
        services.AddSingleton(new WorkflowGuardRegistration(name, c => c.Aggregate is TState state
            ? guard(state, c.Command)
            : throw new InvalidOperationException($"Guard '{name}' expects {typeof(TState).Name} but the instance {c.Instance.StreamId} holds {c.Aggregate.GetType().Name}.")));

    /// <summary>Registers how a deadline's expiry trigger becomes a Mediator command (sent as the system caller).</summary>
    public static IServiceCollection AddWorkflowTrigger(this IServiceCollection services, string trigger, Func<TimerFiring, object> createCommand) =>
        services.AddSingleton(new WorkflowTriggerRegistration(trigger, createCommand));

    /// <summary>
    /// Declares that workflows may drive <typeparamref name="TState"/>: definitions name it in "subject" as its stream
    /// prefix without the trailing dash (e.g. "bankruptcy-asset-release" for "bankruptcy-asset-release-").
    /// <paramref name="partiesOf"/> says who may see an instance (its actions and diagram); without it, court staff only.
    /// </summary>
    public static IServiceCollection AddWorkflowSubject<TState>(this IServiceCollection services, Func<TState, ResourceParties>? partiesOf = null)
        where TState : IAggregateState<TState> =>
        services.AddSingleton(new WorkflowSubjectRegistration(
            TState.StreamPrefix.TrimEnd('-'),
            TState.StreamPrefix,
            typeof(TState),
            events => events.Aggregate(TState.Initial, (state, e) => state.Evolve(e)),
            partiesOf is null ? null : state => partiesOf((TState)state)));
}
