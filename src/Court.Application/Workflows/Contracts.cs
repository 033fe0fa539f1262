using System.Reflection;
using Court.Domain.Common;
using Court.Domain.Workflows;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Workflows;

/// <summary>
/// A command that is a trigger of the workflow driving <see cref="WorkflowStreamId"/>: the trigger is the command's
/// type name, and the roles that may send it are the pinned definition's. Its handler calls
/// <c>WorkflowRuntime.ExecuteAsync</c>.
/// </summary>
public interface IWorkflowCommand
{
    /// <summary>The stream of the aggregate the workflow drives, e.g. "release-request-42".</summary>
    string WorkflowStreamId { get; }

    /// <summary>The stream version the client read (If-Match); a stale one is refused with 412 before anything is decided.</summary>
    long? IfMatch => null;

    /// <summary>
    /// True for a command that starts the workflow when none runs on its stream yet (and is a trigger once one does,
    /// e.g. scheduling a disposal again after no sale): the pipeline lets it through to its handler instead of 404.
    /// </summary>
    bool MayStartWorkflow => false;

    /// <summary>What it means to the caller that no workflow runs on the stream yet (null: 404, there is no such thing).</summary>
    DomainError? WhenNoWorkflow => null;

    /// <summary>The trigger a command type fires: its name.</summary>
    static string TriggerOf(Type commandType) => commandType.Name;
}

/// <summary>A workflow command on an aggregate of type <typeparamref name="TState"/> (whose definitions' subject it belongs to).</summary>
public interface IWorkflowCommand<TState> : IWorkflowCommand
    where TState : IAggregateState<TState>;

/// <summary>What a guard sees: the aggregate's state (after the command's events when firing, as it is now when listing actions) and the command (null when listing).</summary>
public sealed record WorkflowGuardContext(object Aggregate, object? Command, WorkflowInstance Instance);

/// <summary>A guard that definitions name in <c>"guard"</c>. Registered by the slice that owns the aggregate.</summary>
public sealed record WorkflowGuardRegistration(string Name, Func<WorkflowGuardContext, bool> Evaluate);

/// <summary>A due timer being fired: enough to build the expiry command. <see cref="TimerId"/> is also the idempotency key.</summary>
public sealed record TimerFiring(string TimerId, string StreamId, string WorkflowId, int WorkflowVersion, string State, string Trigger, DateTimeOffset DueAt)
{
    /// <summary>The aggregate id: the stream id without <typeparamref name="TState"/>'s prefix.</summary>
    public string IdOf<TState>()
        where TState : IAggregateState<TState> => StreamId[TState.StreamPrefix.Length..];
}

/// <summary>Builds the command of expiry trigger <see cref="Trigger"/> (a command type name) when a deadline fires it.</summary>
public sealed record WorkflowExpiryRegistration(string Trigger, Func<TimerFiring, object> CreateCommand);

/// <summary>A workflow command type a module declares, and whether a Mediator handler for it exists.</summary>
public sealed record WorkflowCommandRegistration(Type CommandType, string Subject, bool HasHandler)
{
    public string Trigger => IWorkflowCommand.TriggerOf(CommandType);
}

/// <summary>Named periods a subject's code reads from its definitions' <c>"periods"</c> (checked at start-up).</summary>
public sealed record WorkflowPeriodRequirement(string Subject, string Period);

/// <summary>Named tasks a subject's code raises from its definitions' <c>"tasks"</c> (checked at start-up).</summary>
public sealed record WorkflowTaskRequirement(string Subject, string Task);

public static class WorkflowRegistrations
{
    /// <summary>
    /// Registers a guard over the aggregate state <typeparamref name="TState"/>: a predicate on its data, named in
    /// definitions. It sees the aggregate after the command's events when firing, and as it is when listing actions.
    /// </summary>
    public static IServiceCollection AddWorkflowGuard<TState>(this IServiceCollection services, string name, Func<TState, bool> guard) =>
        services.AddSingleton(new WorkflowGuardRegistration(name, c => c.Aggregate is TState state
            ? guard(state)
            : throw new InvalidOperationException($"Guard '{name}' expects {typeof(TState).Name} but the instance {c.Instance.StreamId} holds {c.Aggregate.GetType().Name}.")));

    /// <summary>How a deadline's expiry trigger <typeparamref name="TCommand"/> is built from the due timer (sent as the system caller).</summary>
    public static IServiceCollection AddWorkflowExpiry<TCommand>(this IServiceCollection services, Func<TimerFiring, TCommand> createCommand)
        where TCommand : notnull =>
        services.AddSingleton(new WorkflowExpiryRegistration(IWorkflowCommand.TriggerOf(typeof(TCommand)), firing => createCommand(firing)));

    /// <summary>
    /// Declares every <see cref="IWorkflowCommand{TState}"/> type in <paramref name="assembly"/> (with its subject and
    /// whether it has a handler), so the start-up check holds definitions and code against each other both ways.
    /// </summary>
    public static IServiceCollection AddWorkflowCommands(this IServiceCollection services, Assembly assembly)
    {
        var types = assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }).ToList();
        var handled = types.SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(ICommandHandler<>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        foreach (var command in types)
        {
            var subject = command.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWorkflowCommand<>))?.GetGenericArguments()[0];
            if (subject is not null)
            {
                var prefix = (string)subject.GetProperty("StreamPrefix")!.GetValue(null)!;
                services.AddSingleton(new WorkflowCommandRegistration(command, prefix.TrimEnd('-'), handled.Contains(command)));
            }
        }

        return services;
    }

    /// <summary>Says the code of <typeparamref name="TState"/> reads these named periods from its definitions (every version must declare them).</summary>
    public static IServiceCollection AddWorkflowPeriods<TState>(this IServiceCollection services, params string[] periods)
        where TState : IAggregateState<TState>
    {
        foreach (var period in periods)
        {
            services.AddSingleton(new WorkflowPeriodRequirement(TState.StreamPrefix.TrimEnd('-'), period));
        }

        return services;
    }

    /// <summary>Says the code of <typeparamref name="TState"/> raises these named tasks from its definitions (every version must declare them).</summary>
    public static IServiceCollection AddWorkflowTasks<TState>(this IServiceCollection services, params string[] tasks)
        where TState : IAggregateState<TState>
    {
        foreach (var task in tasks)
        {
            services.AddSingleton(new WorkflowTaskRequirement(TState.StreamPrefix.TrimEnd('-'), task));
        }

        return services;
    }

    /// <summary>
    /// Declares that workflows may drive <typeparamref name="TState"/>: definitions name it in "subject" as its stream
    /// prefix without the trailing dash (e.g. "release-request" for "release-request-"). Who may see an instance (its
    /// actions and diagram) is whoever may read its stream (<see cref="Pipeline.StreamReaders"/>); court staff without one.
    /// </summary>
    public static IServiceCollection AddWorkflowSubject<TState>(this IServiceCollection services)
        where TState : IAggregateState<TState> =>
        services.AddSingleton(new WorkflowSubjectRegistration(
            TState.StreamPrefix.TrimEnd('-'),
            TState.StreamPrefix,
            typeof(TState),
            events => events.Aggregate(TState.Initial, (state, e) => state.Evolve(e))));
}
